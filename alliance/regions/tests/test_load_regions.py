import json
import socket
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from shapely.geometry import shape

from alliance.regions import sources
from alliance.regions.models import Region
from alliance.regions.nuts import nuts2_regions

pytestmark = pytest.mark.django_db

SHARED_NUTS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "nuts"


def square(x: float, y: float, size: float = 1) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def gisco_feature(code: str, name: str, geometry: dict, *, country: str = "") -> dict:
    properties = {
        "NUTS_ID": code,
        "LEVL_CODE": len(code) - 2,
        "CNTR_CODE": country or code[:2],
        "NAME_LATN": name,
    }
    return {"type": "Feature", "id": code, "properties": properties, "geometry": geometry}


def feature_collection(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def nuts2json_feature(code: str, name: str, geometry: dict) -> dict:
    return {"type": "Feature", "properties": {"id": code, "na": name}, "geometry": geometry}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_regions", *args, stdout=out)
    return out.getvalue()


def coordinates(code: str) -> list:
    return json.loads(Region.objects.get(code=code).geometry)["coordinates"]


def test_gisco_geojson_stores_countries_and_nuts2_regions_with_trimmed_names(tmp_path):
    source = write(
        tmp_path / "NUTS_RG_20M_2024_4326.geojson",
        feature_collection(
            gisco_feature("AT", "Österreich", square(0, 0, 2)),
            gisco_feature("AT1", "Ostösterreich", square(0, 0, 2)),
            gisco_feature("AT11", "Burgenland ", square(0, 0)),
            gisco_feature("AT111", "Mittelburgenland", square(0, 0, 0.5)),
            gisco_feature("AT12", "Niederösterreich", square(1, 0)),
            gisco_feature("EL30", "Attiki", square(5, 5), country="EL"),
        ),
    )

    output = load("--source", str(source))

    assert set(Region.objects.values_list("code", "level")) == {("AT", 0), ("AT11", 2), ("AT12", 2), ("EL30", 2)}
    assert Region.objects.get(code="AT11").name == "Burgenland"
    assert Region.objects.get(code="EL30").country == "GR"
    assert coordinates("AT12") == square(1, 0)["coordinates"]
    assert "1 countries, 3 NUTS-2 regions" in output
    assert "EU-27 NUTS-2 regions (NUTS 2024): 3 of 244 loaded." in output
    assert "Missing: AT13" in output


def test_topojson_with_nuts2json_names_is_decoded_from_quantised_shared_arcs(tmp_path):
    # Two unit squares side by side, sharing the arc x = 1, in quantised and delta-encoded arcs.
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 40]},
        "arcs": [
            [[2, 0], [0, 2]],  # the shared edge, upwards
            [[2, 2], [-2, 0], [0, -2], [2, 0]],  # the left square's other edges
            [[2, 0], [2, 0], [0, 2], [-2, 0]],  # the right square's other edges
        ],
        "objects": {
            "nutsrg": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"id": "PL21", "na": "Malopolskie "}},
                    {"type": "Polygon", "arcs": [[2, ~0]], "properties": {"id": "PL22", "na": "Slaskie"}},
                    {"type": "Polygon", "arcs": [[0, 1]], "properties": {"id": "PL2", "na": "Makroregion"}},
                ],
            },
            "nutspt": {
                "type": "GeometryCollection",
                "geometries": [{"type": "Point", "coordinates": [1, 1], "properties": {"id": "PL21", "na": "x"}}],
            },
        },
    }
    source = write(tmp_path / "2.json", json.dumps(topology))

    load("--source", str(source))

    left, right = (shape(json.loads(Region.objects.get(code=code).geometry)) for code in ("PL21", "PL22"))
    assert left.bounds == (10, 40, 11, 41)
    assert right.bounds == (11, 40, 12, 41)
    assert left.area == right.area == 1
    assert left.touches(right)
    assert Region.objects.get(code="PL21").name == "Malopolskie"
    assert not Region.objects.filter(code="PL2").exists()
    point = Region.objects.get(code="PL21")
    assert (point.label_longitude, point.label_latitude) == (10.5, 40.5)


def test_inset_wins_over_the_europe_frame_and_the_finer_inset_over_the_coarser(tmp_path):
    frame = nuts2json_feature("ES70", "Canarias", square(-27, 30, 0.1))
    coarse = nuts2json_feature("ES70", "Canarias", square(-18, 27, 3))
    fine = nuts2json_feature("ES70", "Canarias", square(-18.2, 27.6, 4.7))
    # The frame is finer than either inset, yet it cuts the region off; the best file is read neither first nor last.
    write(tmp_path / "a" / "nuts2024_IC_4326_20M_level2.geojson", feature_collection(coarse))
    write(tmp_path / "b" / "nuts2024_IC_4326_03M_level2.geojson", feature_collection(fine))
    write(tmp_path / "c" / "nuts2024_4326_01M_level2.geojson", feature_collection(frame))

    load("--source", str(tmp_path))

    region = Region.objects.get(code="ES70")
    assert coordinates("ES70") == fine["geometry"]["coordinates"]
    assert region.inset == "IC"
    assert region.source == "b/nuts2024_IC_4326_03M_level2.geojson"


def test_invalid_geometry_is_stored_repaired(tmp_path):
    bow_tie = {"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}
    source = write(tmp_path / "regions.geojson", feature_collection(gisco_feature("MT00", "Malta", bow_tie)))

    output = load("--source", str(source))

    repaired = shape(json.loads(Region.objects.get(code="MT00").geometry))
    assert repaired.is_valid
    assert repaired.area == pytest.approx(2)
    assert "Repaired invalid geometry: MT00." in output


def test_loading_again_changes_nothing_and_a_changed_source_updates_in_place(tmp_path):
    source = write(tmp_path / "regions.geojson", feature_collection(gisco_feature("SI03", "Vzhodna", square(0, 0))))
    load("--source", str(source))
    first_load = Region.objects.get(code="SI03").loaded_at

    again = load("--source", str(source))

    assert "Stored: 0 new, 0 updated, 1 unchanged." in again
    assert Region.objects.get(code="SI03").loaded_at == first_load

    write(source, feature_collection(gisco_feature("SI03", "Vzhodna Slovenija", square(0, 0, 2))))
    changed = load("--source", str(source))

    assert "Stored: 0 new, 1 updated, 0 unchanged." in changed
    region = Region.objects.get(code="SI03")
    assert (region.name, region.loaded_at > first_load) == ("Vzhodna Slovenija", True)
    assert coordinates("SI03") == square(0, 0, 2)["coordinates"]
    assert Region.objects.count() == 1


def test_a_missing_source_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="does not exist"):
        load("--source", str(tmp_path / "nowhere"))


def test_a_file_that_is_not_geojson_or_topojson_is_refused_and_nothing_is_stored(tmp_path):
    write(tmp_path / "a.geojson", feature_collection(gisco_feature("SK01", "Bratislavský kraj", square(0, 0))))
    write(tmp_path / "b.json", json.dumps({"name": "not a map"}))

    with pytest.raises(CommandError, match=r"b\.json is neither GeoJSON nor TopoJSON"):
        load("--source", str(tmp_path))
    assert not Region.objects.exists()


@pytest.fixture
def gisco_server(tmp_path, monkeypatch):
    """A local stand-in for GISCO's download service, serving the files written to tmp_path/gisco."""
    folder = tmp_path / "gisco"
    folder.mkdir()
    handler = partial(SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setattr(sources, "GISCO_URLS", (f"{base}/LEVL_0.geojson", f"{base}/LEVL_2.geojson"))
    yield folder
    server.shutdown()
    server.server_close()


def test_without_source_the_gisco_files_are_downloaded(gisco_server):
    write(gisco_server / "LEVL_0.geojson", feature_collection(gisco_feature("LU", "Luxembourg", square(6, 49))))
    write(gisco_server / "LEVL_2.geojson", feature_collection(gisco_feature("LU00", "Luxembourg", square(6, 49))))

    output = load()

    assert set(Region.objects.values_list("code", flat=True)) == {"LU", "LU00"}
    assert Region.objects.get(code="LU00").source == sources.GISCO_URLS[1]
    assert "Stored: 2 new" in output


def test_a_failed_download_is_a_clear_error_that_points_to_local_files(gisco_server):
    write(gisco_server / "LEVL_0.geojson", feature_collection(gisco_feature("LU", "Luxembourg", square(6, 49))))

    with pytest.raises(CommandError, match=r"Could not download .*LEVL_2\.geojson .*--source PATH"):
        load()
    assert not Region.objects.exists()


def test_an_unreachable_download_service_is_a_clear_error(monkeypatch):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    monkeypatch.setattr(sources, "GISCO_URLS", (f"http://127.0.0.1:{port}/LEVL_0.geojson",))

    with pytest.raises(CommandError, match=r"Could not download .*Connection refused"):
        load("--timeout", "2")


@pytest.mark.skipif(not SHARED_NUTS.is_dir(), reason="the shared NUTS files are not beside this work tree")
def test_the_shared_nuts_files_give_every_eu_nuts2_region_once_with_outermost_regions_from_insets():
    output = load("--source", str(SHARED_NUTS))

    eu_regions = Region.objects.nuts2().in_eu()
    assert sorted(eu_regions.values_list("code", flat=True)) == sorted(nuts2_regions())
    assert "EU-27 NUTS-2 regions (NUTS 2024): 244 of 244 loaded." in output
    assert Region.objects.countries().count() == 38
    insets = dict(
        Region.objects.filter(code__in=["ES70", "PT20", "FRY1", "FRY2", "FRY3", "FRY4", "FRY5"]).values_list(
            "code", "inset"
        )
    )
    assert insets == {
        "ES70": "IC",
        "PT20": "PT20",
        "FRY1": "GP",
        "FRY2": "MQ",
        "FRY3": "GF",
        "FRY4": "RE",
        "FRY5": "YT",
    }
    assert Region.objects.get(code="PT20").source == "insets/nuts2024_PT20_4326_03M_level2.geojson"
    # The frame cuts the Azores at 27° W; Flores lies beyond 31° W.
    assert shape(json.loads(Region.objects.get(code="PT20").geometry)).bounds[0] < -31
    assert all(name == name.strip() for name in Region.objects.values_list("name", flat=True))
    assert Region.objects.get(code="FRD1").name == "Basse-Normandie"
    assert Region.objects.filter(level=2, label_longitude__isnull=True).count() == 0
    assert Region.objects.get(code="ES64").label_longitude == pytest.approx(-2.951)

    stored = list(Region.objects.values_list("code", "geometry", "loaded_at"))
    again = load("--source", str(SHARED_NUTS))

    assert "0 new, 0 updated" in again
    assert list(Region.objects.values_list("code", "geometry", "loaded_at")) == stored
