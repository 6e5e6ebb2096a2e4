import csv
import io
import json
import re
from collections import Counter
from datetime import datetime, timedelta

import pytest
import shapely
from shapely.geometry import shape

from alliance.regions.nuts import nuts2_regions

from .test_load_regions import SHARED_NUTS, feature_collection, gisco_feature, load, square, write

pytestmark = pytest.mark.django_db

ADDRESSES = ("/api/v1/map/regions.geojson", "/api/v1/map/regions.json", "/api/v1/map/regions.csv")


@pytest.fixture
def austria_and_slovenia_supporters(square_regions, supporter):
    """A regional authority in AT11, an Austrian association for the rest of Austria, nobody in Slovenia."""
    supporter("Land Burgenland", kind="regional-authority", region="AT11")
    supporter("Österreichischer Gemeindebund", kind="national-association", country="AT")
    supporter("Vienna Start-up", kind="sme", region="AT13")
    for _ in range(2):
        supporter(region="AT11")
    supporter(country="SI", region="SI04")


def geojson(client) -> dict:
    response = client.get("/api/v1/map/regions.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)


def csv_rows(client) -> list[dict[str, str]]:
    response = client.get("/api/v1/map/regions.csv")
    assert response.status_code == 200
    lines = io.StringIO(response.content.decode("utf-8"))
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


def test_geojson_gives_every_loaded_eu_region_its_kind_and_counts(client, austria_and_slovenia_supporters):
    collection = geojson(client)

    assert collection["type"] == "FeatureCollection"
    features = {feature["id"]: feature["properties"] for feature in collection["features"]}
    # Switzerland's region is drawn on the map as context only.
    assert list(features) == ["AT11", "AT12", "AT13", "SI03", "SI04"]
    assert features["AT11"] == {
        "nuts_id": "AT11",
        "name": "Burgenland",
        "country": "AT",
        "kind": "region",
        "regional_authorities": 1,
        "local_authorities": 0,
        "associations": 1,
        "partners": 2,
        "individual_supporters": 2,
        "url": "http://testserver/en/map/AT11/",
    }
    assert (features["AT13"]["kind"], features["AT13"]["partners"]) == ("association", 1)
    assert features["AT13"]["individual_supporters"] == 0
    assert (features["SI04"]["kind"], features["SI04"]["partners"]) == ("none", 0)
    assert features["SI04"]["individual_supporters"] == 1
    assert "© EuroGeographics for the administrative boundaries" in collection["attribution"]
    assert "CC BY 4.0" in collection["licence"]
    assert datetime.fromisoformat(collection["generated"]).utcoffset() == timedelta(0)


def test_geojson_boundaries_are_valid_polygons_rounded_to_five_decimals(client, tmp_path):
    islands = {
        "type": "MultiPolygon",
        "coordinates": [
            square(14.123456789, 47.987654321)["coordinates"],
            square(15.5, 47.000004444, 0.25)["coordinates"],
        ],
    }
    # Clockwise, as some sources draw them.
    clockwise = {"type": "Polygon", "coordinates": [square(16.1, 47.2)["coordinates"][0][::-1]]}
    source = feature_collection(
        gisco_feature("AT11", "Burgenland", islands), gisco_feature("AT12", "Niederösterreich", clockwise)
    )
    load("--source", str(write(tmp_path / "regions.geojson", source)))

    response = client.get("/api/v1/map/regions.geojson")

    geometries = {feature["id"]: feature["geometry"] for feature in json.loads(response.content)["features"]}
    assert {code: geometry["type"] for code, geometry in geometries.items()} == {
        "AT11": "MultiPolygon",
        "AT12": "Polygon",
    }
    decimals = {len(number) for number in re.findall(r"\.(\d+)", json.dumps(geometries))}
    assert max(decimals) == 5
    assert [14.12346, 47.98765] in geometries["AT11"]["coordinates"][0][0]
    for geometry in geometries.values():
        boundary = shape(geometry)
        assert boundary.is_valid
        # RFC 7946: exterior rings anticlockwise.
        assert all(shapely.is_ccw(polygon.exterior) for polygon in shapely.get_parts(boundary))


def test_json_lists_every_eu_region_even_without_boundaries(client, supporter):
    supporter("Land Burgenland", kind="regional-authority", region="AT11")
    supporter(country="GR", region="EL30")

    response = client.get("/api/v1/map/regions.json")

    assert response.status_code == 200
    data = response.json()
    regions = {region["code"]: region for region in data["regions"]}
    assert list(regions) == list(nuts2_regions())
    assert regions["AT11"]["kind"] == "region"
    assert regions["AT11"]["url"] == "http://testserver/en/map/AT11/"
    assert regions["EL30"] == {
        "code": "EL30",
        "name": nuts2_regions()["EL30"],
        "country": "GR",
        "kind": "none",
        "regional_authorities": 0,
        "local_authorities": 0,
        "associations": 0,
        "partners": 0,
        "individual_supporters": 1,
        "url": "http://testserver/en/map/EL30/",
    }
    assert "CC BY 4.0" in data["licence"]
    assert data["generated"]


def test_json_is_the_same_whatever_language_the_browser_asks_for(client, square_regions):
    english = client.get("/api/v1/map/regions.json").json()

    french = client.get("/api/v1/map/regions.json", headers={"accept-language": "fr"}).json()

    assert french["regions"] == english["regions"]
    assert french["regions"][0]["url"].startswith("http://testserver/en/map/")


def test_csv_is_a_plain_table_with_one_row_per_eu_region(client, austria_and_slovenia_supporters):
    response = client.get("/api/v1/map/regions.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="cohesion-alliance-regions.csv"'
    rows = csv_rows(client)
    assert [row["code"] for row in rows] == list(nuts2_regions())
    by_code = {row["code"]: row for row in rows}
    assert by_code["AT11"] == {
        "code": "AT11",
        "name": "Burgenland",
        "country": "AT",
        "kind": "region",
        "regional_authorities": "1",
        "local_authorities": "0",
        "associations": "1",
        "partners": "2",
        "individual_supporters": "2",
        "url": "http://testserver/en/map/AT11/",
    }
    assert (by_code["AT12"]["kind"], by_code["SI03"]["kind"]) == ("association", "none")


def test_csv_starts_with_its_licence_and_the_time_it_was_generated(client, square_regions):
    lines = client.get("/api/v1/map/regions.csv").content.decode("utf-8").splitlines()

    assert lines[0] == "# Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
    assert lines[1] == "# Attribution: #CohesionAlliance"
    assert lines[2].startswith("# Generated: ")
    assert datetime.fromisoformat(lines[2].removeprefix("# Generated: ")).utcoffset() == timedelta(0)
    assert lines[3].startswith('"code","name","country","kind",')


def test_csv_keeps_a_name_that_looks_like_a_formula_as_text(client, tmp_path):
    source = feature_collection(gisco_feature("AT11", '=HYPERLINK("https://example.org")', square(14, 47)))
    load("--source", str(write(tmp_path / "regions.geojson", source)))

    by_code = {row["code"]: row for row in csv_rows(client)}

    assert by_code["AT11"]["name"] == '\'=HYPERLINK("https://example.org")'


@pytest.mark.parametrize("address", ADDRESSES)
def test_responses_may_be_cached_and_revalidated_and_read_from_any_site(client, square_regions, address):
    response = client.get(address)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"
    again = client.get(address, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == response["ETag"]
    assert again.content == b""


def test_a_new_partner_changes_the_etag_and_the_geojson(client, square_regions, supporter):
    before = client.get("/api/v1/map/regions.geojson")

    supporter("Land Burgenland", kind="regional-authority", region="AT11")

    after = client.get("/api/v1/map/regions.geojson", headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert json.loads(after.content)["features"][0]["properties"]["kind"] == "region"


def test_without_boundaries_geojson_is_not_found_with_a_json_error(client):
    response = client.get("/api/v1/map/regions.geojson")

    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    error = response.json()["error"]
    assert error["status"] == 404
    assert "regions.json" in error["message"]
    assert client.get("/api/v1/map/regions.csv").status_code == 200


@pytest.mark.parametrize("address", ADDRESSES)
def test_posting_is_not_allowed(client, square_regions, address):
    assert client.post(address).status_code == 405


@pytest.mark.skipif(not SHARED_NUTS.is_dir(), reason="the shared NUTS files are not beside this work tree")
def test_geojson_from_the_shared_nuts_files_has_every_eu_region_once(client):
    load("--source", str(SHARED_NUTS))

    collection = geojson(client)

    codes = Counter(feature["id"] for feature in collection["features"])
    assert sorted(codes) == sorted(nuts2_regions())
    assert set(codes.values()) == {1}
    assert {feature["geometry"]["type"] for feature in collection["features"]} <= {"Polygon", "MultiPolygon"}
