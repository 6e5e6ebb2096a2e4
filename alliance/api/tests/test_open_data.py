import csv
from datetime import datetime, timedelta

import pytest

pytestmark = pytest.mark.django_db

DOWNLOADS = (
    "/api/v1/open-data/counts.csv",
    "/api/v1/open-data/counts.json",
    "/api/v1/open-data/partners.csv",
    "/api/v1/open-data/partners.json",
)


def csv_file(response) -> tuple[list[str], list[dict[str, str]]]:
    """The `#` lines and the rows, read as the documentation tells readers to."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert lines[: len(comments)] == comments
    return comments, list(csv.DictReader(lines[len(comments) :]))


def assert_terms(licence: str, attribution: str, generated: str) -> None:
    assert licence == "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
    assert attribution == "#CohesionAlliance"
    assert datetime.fromisoformat(generated).utcoffset() == timedelta(0)


@pytest.fixture
def signed(petition, sign):
    sign(petition, region="AT11")
    sign(petition, region="AT11")
    sign(petition, country="SI", region="SI04", kind="sme", organisation_name="Ljubljana Bikes")
    sign(petition, country="SI", confirm=False)


def test_counts_json_has_a_row_per_campaign_dimension_and_key_with_its_terms(client, signed):
    data = client.get("/api/v1/open-data/counts.json").json()

    assert_terms(data["licence"], data["attribution"], data["generated"])
    petition_rows = [row for row in data["counts"] if row["campaign"] == "petition"]
    assert petition_rows == [
        {"campaign": "petition", "dimension": "country", "key": "AT", "confirmed": 2},
        {"campaign": "petition", "dimension": "country", "key": "SI", "confirmed": 1},
        {"campaign": "petition", "dimension": "kind", "key": "individual", "confirmed": 2},
        {"campaign": "petition", "dimension": "kind", "key": "organisation", "confirmed": 1},
        {"campaign": "petition", "dimension": "region", "key": "AT11", "confirmed": 2},
        {"campaign": "petition", "dimension": "region", "key": "SI04", "confirmed": 1},
    ]


def test_counts_csv_starts_with_its_terms_then_has_the_same_rows(client, signed):
    response = client.get("/api/v1/open-data/counts.csv")

    comments, rows = csv_file(response)
    assert response["Content-Disposition"] == 'attachment; filename="cohesion-alliance-counts.csv"'
    terms = dict(line.removeprefix("# ").split(": ", 1) for line in comments)
    assert_terms(terms["Licence"], terms["Attribution"], terms["Generated"])
    assert {"campaign": "petition", "dimension": "region", "key": "SI04", "confirmed": "1"} in rows
    assert len(rows) == len(client.get("/api/v1/open-data/counts.json").json()["counts"])


def test_partner_files_list_public_partners_without_their_contact(client, partners):
    data = client.get("/api/v1/open-data/partners.json")
    comments, rows = csv_file(client.get("/api/v1/open-data/partners.csv"))

    listed = data.json()
    assert_terms(listed["licence"], listed["attribution"], listed["generated"])
    assert [partner["name"] for partner in listed["partners"]] == ["Land Burgenland", "Ljubljana Bikes"]
    assert list(rows[0]) == ["id", "name", "kind", "country", "region", "website", "logo"]
    assert rows[0]["name"] == "Land Burgenland"
    assert rows[0]["logo"] == listed["partners"][0]["logo"]
    assert rows[1]["logo"] == ""
    assert len(rows) == 2
    for body in (data.content.decode(), "\n".join(comments) + str(rows)):
        assert "Contact Person" not in body
        assert "@example.org" not in body


def test_a_partner_name_that_looks_like_a_formula_or_holds_a_hash_stays_text(client, statement, sign):
    sign(statement, kind="sme", organisation_name='=HYPERLINK("https://evil.example")')
    sign(statement, kind="ngo", organisation_name="Club #1 for cohesion")

    _, rows = csv_file(client.get("/api/v1/open-data/partners.csv"))

    assert {row["name"] for row in rows} == {'\'=HYPERLINK("https://evil.example")', "Club #1 for cohesion"}


@pytest.mark.parametrize("address", DOWNLOADS)
def test_downloads_may_be_cached_revalidated_and_read_from_any_site(client, signed, address):
    response = client.get(address, headers={"origin": "https://news.example"})

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*"
    again = client.get(address, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_a_new_confirmation_gives_new_counts(client, signed, petition, sign):
    before = client.get("/api/v1/open-data/counts.json")

    sign(petition, country="SI", region="SI04")

    after = client.get("/api/v1/open-data/counts.json", headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200
    assert {"campaign": "petition", "dimension": "country", "key": "SI", "confirmed": 2} in after.json()["counts"]
