import struct
import time
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from alliance.regions.map import OUTERMOST_REGIONS
from alliance.regions.nuts import nuts2_regions

from .test_load_regions import SHARED_NUTS, load

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def map_document(client, lang: str = "en", query: str = "") -> ET.Element:
    response = client.get(f"/{lang}/map.svg{query}")
    assert response.status_code == 200
    return ET.fromstring(response.content)


def kinds(document: ET.Element) -> dict[str, str]:
    return {
        path.get("data-nuts", ""): path.get("data-kind", "")
        for path in document.iter(f"{SVG}path")
        if path.get("data-nuts")
    }


def test_each_region_takes_the_strongest_kind_of_its_supporters(client, square_regions, supporter):
    supporter("Burgenland", kind="regional-authority", region="AT11")
    supporter("Eisenstadt", kind="local-authority", region="AT11")
    supporter("Sankt Pölten", kind="local-authority", region="AT12")
    supporter("Maribor", kind="local-authority", country="SI", region="SI03")
    supporter("Skupnost občin Slovenije", kind="national-association", country="SI")
    supporter("Wien", kind="regional-authority", region="AT13", verified=False)
    supporter("Vienna Start-up", kind="sme", region="AT13")

    shown = kinds(map_document(client))

    assert {code: shown[code] for code in ("AT11", "AT12", "AT13", "SI03", "SI04")} == {
        "AT11": "region",
        "AT12": "local",
        # Neither an authority awaiting verification nor a business makes a region a supporter.
        "AT13": "none",
        "SI03": "local",
        # The association lights up the rest of its country.
        "SI04": "association",
    }


def test_national_association_does_not_outshine_a_regional_authority(client, square_regions, supporter):
    supporter("Österreichischer Städtebund", kind="national-association", country="AT")
    supporter("Burgenland", kind="regional-authority", region="AT11")

    shown = kinds(map_document(client))

    assert [shown[code] for code in ("AT11", "AT12", "AT13", "SI03")] == [
        "region",
        "association",
        "association",
        "none",
    ]


def test_regions_link_to_their_page_and_neighbours_outside_the_eu_are_only_context(client, square_regions):
    document = map_document(client)

    links = {link.get("href"): link.get("aria-label") for link in document.iter(f"{SVG}a")}
    assert links["/en/map/AT12/"] == "Niederösterreich: No supporters yet; no individual supporters yet"
    assert document.findtext(f".//{SVG}path[@id='AT12']/{SVG}title") == "Niederösterreich"
    assert "CH01" not in kinds(document)
    assert not any("CH" in str(href) for href in links)
    assert document.find(f".//{SVG}path[@class='map-context']").get("d")  # type: ignore[union-attr]


def test_map_is_drawn_again_when_a_partner_joins(client, square_regions, supporter):
    assert kinds(map_document(client))["AT12"] == "none"

    supporter("Sankt Pölten", kind="local-authority", region="AT12")

    assert kinds(map_document(client))["AT12"] == "local"


def test_downloads_are_attachments_kept_in_caches_for_a_while(client, square_regions):
    for address, content_type, filename in (
        ("/en/map.svg", "image/svg+xml", "cohesion-alliance-map-kinds.svg"),
        ("/en/map.svg?layer=supporters", "image/svg+xml", "cohesion-alliance-map-supporters.svg"),
        ("/en/map.png", "image/png", "cohesion-alliance-map-kinds.png"),
    ):
        response = client.get(address)

        assert response["Content-Type"].startswith(content_type)
        assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
        assert "max-age=300" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]


def test_individual_supporters_fall_into_tenfold_bands_that_the_second_layer_shows(client, square_regions, supporter):
    for _ in range(10):
        supporter(region="AT11")
    supporter(region="AT12")
    supporter("Land Burgenland", kind="regional-authority", region="AT11")

    document = map_document(client, query="?layer=supporters")

    assert "layer-supporters" in document.get("class", "")
    bands = {
        path.get("data-nuts"): path.get("data-band") for path in document.iter(f"{SVG}path") if path.get("data-nuts")
    }
    # The regional authority is a partner, not one of the ten people.
    assert [bands[code] for code in ("AT11", "AT12", "AT13")] == ["2", "1", "0"]
    legend_group = document.find(f".//{SVG}g[@class='map-legend']")
    assert legend_group is not None
    legend = "".join(legend_group.itertext())
    assert "No individual supporters yet" in legend
    assert "10–99" in legend
    assert "10,000 or more" in legend
    assert "National association" not in legend
    links = {link.get("href"): link.get("aria-label") for link in document.iter(f"{SVG}a")}
    assert links["/en/map/AT11/"] == "Burgenland: EU region: the regional authority joined; 10–99 individual supporters"


def test_png_download_is_the_map_drawn_at_twice_its_width(client, square_regions):
    response = client.get("/en/map.png?layer=supporters")

    png = response.content
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 1600
    assert height > 800


@pytest.mark.skipif(not SHARED_NUTS.is_dir(), reason="the shared NUTS files are not beside this work tree")
def test_real_boundaries_give_a_valid_svg_with_every_eu_region_once_and_the_outermost_regions_in_insets(client):
    load("--source", str(SHARED_NUTS))

    started = time.perf_counter()
    response = client.get("/en/map.svg")
    cold = time.perf_counter() - started
    document = ET.fromstring(response.content)

    drawn = Counter(path.get("data-nuts") for path in document.iter(f"{SVG}path") if path.get("data-nuts"))
    assert set(drawn) == set(nuts2_regions())
    assert set(drawn.values()) == {1}
    for code in OUTERMOST_REGIONS:
        inset = document.find(f".//{SVG}g[@id='inset-{code}']")
        assert inset is not None, code
        assert inset.find(f".//{SVG}path[@id='{code}']") is not None, code
        assert OUTERMOST_REGIONS[code] in "".join(inset.itertext())
    texts = "".join(document.itertext())
    assert "© EuroGeographics for the administrative boundaries" in texts
    assert "National association of local and regional authorities" in texts
    assert len(response.content) < 400_000
    print(f"\nCold map: {cold:.3f} s, {len(response.content)} bytes")
