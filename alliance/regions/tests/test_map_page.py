import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


def table_regions(content: str) -> list[str]:
    return re.findall(r'<span class="map-table__code">(\w+)</span>', content)


def test_region_page_highlights_the_region_and_lists_its_partners_and_supporters(client, square_regions, supporter):
    supporter("Land Burgenland", kind="regional-authority", region="AT11", website="https://www.burgenland.at/")
    supporter("Österreichischer Gemeindebund", kind="national-association", country="AT")
    supporter("Vienna Start-up", kind="sme", region="AT11")
    for _ in range(2):
        supporter(region="AT11")

    response = client.get("/en/map/at11/")

    assert response.status_code == 200
    content = response.content.decode()
    panel = content[content.index('<section class="map-panel"') : content.index("</section>")]
    assert "Burgenland" in panel
    assert re.findall(r'<p class="partner__name">([^<]+)</p>', panel) == [
        "Land Burgenland",
        "Österreichischer Gemeindebund",
    ]
    assert re.search(r'class="partner__website"\s+href="https://www.burgenland.at/"', panel)
    assert re.search(r"<strong>2</strong>\s*individual supporters", panel)
    assert 'href="/en/partners/?region=AT11"' in panel
    assert '<a href="/en/map/AT11/" class="is-selected" aria-current="page"' in content


def test_unknown_or_non_eu_region_is_not_found(client, square_regions):
    assert client.get("/en/map/XX99/").status_code == 404
    assert client.get("/en/map/CH01/").status_code == 404


def test_without_boundaries_the_page_says_so_and_still_has_the_table(client):
    response = client.get("/en/map/")

    content = response.content.decode()
    assert response.status_code == 200
    assert "the region boundaries have not been loaded" in content
    assert "<svg" not in content
    assert len(table_regions(content)) == 244
    assert client.get("/en/map/AT11/").status_code == 200
    assert client.get("/en/map.svg").status_code == 404


def test_table_can_be_sorted_by_individual_supporters_without_javascript(client, square_regions, supporter):
    supporter(region="SI04")
    supporter(region="SI04")
    supporter(region="AT13")

    regions = table_regions(client.get("/en/map/?sort=supporters").content.decode())

    assert regions[:2] == ["SI04", "AT13"]
    assert table_regions(client.get("/en/map/").content.decode())[:3] == ["AT11", "AT12", "AT13"]


def test_map_page_shows_the_legend_and_the_attribution_and_is_in_the_main_navigation(client, square_regions):
    content = client.get("/en/map/").content.decode()

    assert '<svg xmlns="http://www.w3.org/2000/svg" class="supporter-map layer-kinds"' in content
    for label in ("EU region: the regional authority joined", "No supporters yet"):
        assert label in content
    assert "© EuroGeographics for the administrative boundaries" in content
    assert '<a href="/en/map/"' in client.get("/en/about/").content.decode()


def test_map_page_in_french_links_french_pages_and_names_countries_in_french(client, square_regions):
    client.get("/en/map/")

    response = client.get("/fr/map/")

    content = response.content.decode()
    assert '<html lang="fr">' in content
    assert 'href="/fr/map/AT11/"' in content
    assert 'href="/en/map/AT' not in content
    assert "<td>Autriche</td>" in content
    with translation.override("fr"):
        assert gettext("Skip to main content") in content


def test_layer_switch_works_without_javascript_and_keeps_one_legend_visible(client, square_regions, supporter):
    supporter(region="AT11")

    content = client.get("/en/map/AT11/?layer=supporters").content.decode()

    assert 'class="supporter-map layer-supporters"' in content
    assert re.search(r'<a href="\?layer=supporters"\s+data-layer="supporters"\s+aria-current="true"', content)
    assert re.search(r'<ul class="map-legend"\s+data-legend="kinds"\s+hidden>', content)
    assert re.search(r'<ul class="map-legend"\s+data-legend="supporters"\s*>', content)
    assert 'href="/en/map.png?layer=supporters"' in content


def test_in_the_supporters_layer_every_region_link_keeps_the_layer(client, square_regions):
    content = client.get("/en/map/AT11/?layer=supporters").content.decode()

    assert '<a href="/en/map/AT12/?layer=supporters"' in content
    assert '<a href="/en/map/AT11/?layer=supporters" class="is-selected" aria-current="page"' in content
    assert re.search(r'<th scope="row"><a href="/en/map/SI04/\?layer=supporters"', content)
    assert '<a href="/en/map/?layer=supporters" data-map-link>' in content
    assert '<a href="/en/map/AT12/"' not in client.get("/en/map/AT11/?layer=supporters").content.decode()
    assert '<a href="/en/map/AT12/"' in client.get("/en/map/").content.decode()


def test_sorting_the_table_keeps_the_layer_and_switching_layers_keeps_the_order(client, square_regions):
    content = client.get("/en/map/?layer=supporters&sort=partners").content.decode()

    assert '<a href="?sort=name&amp;layer=supporters#region-table">' in content
    assert re.search(r'<a href="\?layer=kinds&amp;sort=partners"\s+data-layer="kinds"', content)
    default = client.get("/en/map/").content.decode()
    assert '<a href="?sort=name#region-table">' in default
    assert re.search(r'<a href="\?layer=supporters"\s+data-layer="supporters"', default)
