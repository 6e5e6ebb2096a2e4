import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from alliance.demo import content
from alliance.submissions.models import EventRequest, Submission

pytestmark = pytest.mark.django_db

ENDPOINTS = (
    "/api/v1/campaigns/",
    "/api/v1/campaigns/petition/",
    "/api/v1/campaigns/petition/counts/country/",
    "/api/v1/partners/",
    "/api/v1/regions/",
    "/api/v1/stories/",
    "/api/v1/library/",
    "/api/v1/events/",
)


def error_of(response) -> dict:
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert list(body) == ["error"]
    return body["error"]


@pytest.fixture
def event(db):
    def create(title: str, *, starts_in: timedelta, state: str = Submission.State.APPROVED, **fields) -> EventRequest:
        now = timezone.now()
        starts_at = now + starts_in
        where = {"country": "SI", "region": "SI03", **fields}
        return EventRequest.objects.create(
            kind=Submission.Kind.EVENT,
            state=state,
            author_name="Ana Kovač",
            email="ana@example.org",
            language="sl",
            privacy_consent_at=now,
            publication_consent_at=now,
            confirmed_at=now,
            title=title,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            place="Town hall, Maribor",
            languages=["sl", "en"],
            message="Please send banners to my home address.",
            staff_notes="Call her back on Monday.",
            **where,
        )

    return create


# Content -----------------------------------------------------------------------------------------


def test_campaign_counter_counts_confirmed_signatures_only(client, petition, sign):
    sign(petition)
    sign(petition, country="SI")
    sign(petition, confirm=False)

    campaign = client.get("/api/v1/campaigns/petition/").json()

    assert campaign["confirmed"] == 2
    assert campaign["progress"] == pytest.approx(2 / petition.goal)
    assert campaign["counter_url"] == "http://testserver/counters/petition.json"
    listed = {row["slug"]: row["confirmed"] for row in client.get("/api/v1/campaigns/").json()["results"]}
    assert listed == {"statement-of-principles": 0, "petition": 2}


def test_an_unknown_campaign_is_not_found(client):
    response = client.get("/api/v1/campaigns/no-such-campaign/")

    assert response.status_code == 404
    assert error_of(response)["status"] == 404


@pytest.mark.parametrize(
    ("dimension", "expected"),
    [
        ("country", [{"key": "AT", "confirmed": 2}, {"key": "SI", "confirmed": 1}]),
        ("region", [{"key": "AT11", "confirmed": 2}, {"key": "SI04", "confirmed": 1}]),
        ("kind", [{"key": "individual", "confirmed": 2}, {"key": "organisation", "confirmed": 1}]),
    ],
)
def test_counts_by_dimension_show_confirmed_signatures(client, petition, sign, dimension, expected):
    sign(petition, region="AT11")
    sign(petition, region="AT11", kind="sme", organisation_name="Vienna Start-up")
    sign(petition, country="SI", region="SI04")
    sign(petition, country="SI", region="SI04", confirm=False)

    counts = client.get(f"/api/v1/campaigns/petition/counts/{dimension}/").json()

    assert (counts["campaign"], counts["dimension"]) == ("petition", dimension)
    assert counts["counts"] == expected


def test_counts_by_an_unknown_dimension_are_not_found(client):
    response = client.get("/api/v1/campaigns/petition/counts/shoe-size/")

    assert response.status_code == 404
    assert error_of(response)["status"] == 404


def test_partner_list_names_public_partners_and_never_their_contact(client, partners):
    response = client.get("/api/v1/partners/")

    results = response.json()["results"]
    assert [partner["name"] for partner in results] == ["Land Burgenland", "Ljubljana Bikes"]
    burgenland = results[0]
    assert set(burgenland) == {"id", "name", "kind", "country", "region", "website", "logo"}
    assert (burgenland["kind"], burgenland["country"], burgenland["region"]) == ("regional-authority", "AT", "AT11")
    assert burgenland["website"] == "https://burgenland.example.org/"
    assert burgenland["logo"].startswith("http://testserver/")
    assert results[1]["logo"] is None
    assert "Contact Person" not in response.content.decode()
    assert "@example.org" not in response.content.decode()


def test_partner_list_filters_by_country_kind_and_name(client, partners):
    def names(query: str) -> list[str]:
        return [partner["name"] for partner in client.get(f"/api/v1/partners/?{query}").json()["results"]]

    assert names("country=SI") == ["Ljubljana Bikes"]
    assert names("kind=regional-authority") == ["Land Burgenland"]
    assert names("region=AT11") == ["Land Burgenland"]
    assert names("search=bikes") == ["Ljubljana Bikes"]
    assert names("country=DE") == []


def test_region_rows_show_partners_and_supporters_of_each_region(client, partners, petition, sign):
    sign(petition, region="AT11")

    rows = client.get("/api/v1/regions/?country=AT").json()

    by_code = {row["code"]: row for row in rows}
    assert list(by_code) == ["AT11", "AT12", "AT13", "AT21", "AT22", "AT31", "AT32", "AT33", "AT34"]
    assert by_code["AT11"] == {
        "code": "AT11",
        "name": "Burgenland",
        "country": "AT",
        "kind": "region",
        "regional_authorities": 1,
        "local_authorities": 0,
        "associations": 0,
        "partners": 1,
        "individual_supporters": 1,
    }
    # An authority shows on the map only once staff verified it.
    assert by_code["AT12"]["kind"] == "none"
    assert [row["code"] for row in client.get("/api/v1/regions/?country=AT&kind=region").json()] == ["AT11"]


def test_stories_are_the_published_success_stories(client):
    results = client.get("/api/v1/stories/?limit=500").json()["results"]

    assert {story["title"] for story in results} == {story["title"] for story in content.STORIES}
    first = results[0]
    assert first["language"] == "en"
    assert first["url"].startswith("http://")
    assert client.get("/api/v1/stories/?language=de").json()["count"] == 0


def test_library_lists_the_documents_with_their_files(client):
    results = client.get("/api/v1/library/?limit=500").json()["results"]

    assert {document["title"] for document in results} == {document[0] for document in content.LIBRARY}
    assert all(document["file"].startswith("http://testserver/documents/") for document in results)
    french = client.get("/api/v1/library/?language=fr").json()["results"]
    assert {document["language"] for document in french} == {"fr"}


def test_events_are_approved_ones_still_to_come_unless_past_is_asked_for(client, event):
    coming = event("Cohesion day in Maribor", starts_in=timedelta(days=3))
    event("Later fair", starts_in=timedelta(days=10), country="AT", region="AT11")
    event("Over already", starts_in=-timedelta(days=3))
    for state in (Submission.State.PENDING, Submission.State.REJECTED, Submission.State.UNCONFIRMED):
        event(f"Not public ({state})", starts_in=timedelta(days=1), state=state)

    response = client.get("/api/v1/events/")

    results = response.json()["results"]
    assert [row["title"] for row in results] == ["Cohesion day in Maribor", "Later fair"]
    assert results[0] == {
        "id": coming.pk,
        "title": "Cohesion day in Maribor",
        "starts_at": results[0]["starts_at"],
        "ends_at": results[0]["ends_at"],
        "place": "Town hall, Maribor",
        "region": "SI03",
        "country": "SI",
        "languages": ["sl", "en"],
        "url": f"http://testserver/en/take-action/events/{coming.pk}/",
    }
    assert client.get(results[0]["url"].removeprefix("http://testserver")).status_code == 200
    body = response.content.decode()
    for private in ("Ana Kovač", "ana@example.org", "banners to my home", "Monday"):
        assert private not in body
    assert [row["title"] for row in client.get("/api/v1/events/?when=past").json()["results"]] == ["Over already"]
    assert [row["title"] for row in client.get("/api/v1/events/?country=AT").json()["results"]] == ["Later fair"]


# Pagination and filters --------------------------------------------------------------------------


def test_lists_come_in_pages_with_links_to_the_next_and_previous(client, partners):
    first = client.get("/api/v1/partners/?limit=1").json()

    assert first["count"] == 2
    assert [partner["name"] for partner in first["results"]] == ["Land Burgenland"]
    assert first["previous"] is None
    second = client.get(first["next"].removeprefix("http://testserver")).json()
    assert [partner["name"] for partner in second["results"]] == ["Ljubljana Bikes"]
    assert second["next"] is None
    assert "offset" not in second["previous"]


@pytest.mark.parametrize("query", ["limit=0", "limit=1000", "limit=abc", "offset=-1", "limit=1&limit=2"])
def test_a_page_size_or_offset_out_of_range_is_a_bad_request(client, query):
    response = client.get(f"/api/v1/partners/?{query}")

    assert response.status_code == 400
    error = error_of(response)
    assert error["status"] == 400
    assert list(error["fields"]) == [query.split("=")[0]]


@pytest.mark.parametrize(
    ("address", "parameter"),
    [
        ("/api/v1/partners/?kind=unicorn", "kind"),
        ("/api/v1/partners/?country=", "country"),
        ("/api/v1/partners/?country=CH", "country"),
        ("/api/v1/regions/?kind=capital", "kind"),
        ("/api/v1/stories/?language=tlh", "language"),
        ("/api/v1/library/?kind=novel", "kind"),
        ("/api/v1/events/?when=tomorrow", "when"),
        ("/api/v1/events/?when=", "when"),
    ],
)
def test_a_filter_value_outside_its_choices_is_a_bad_request_naming_the_parameter(client, address, parameter):
    response = client.get(address)

    assert response.status_code == 400
    error = error_of(response)
    assert error["status"] == 400
    assert error["message"]
    assert list(error["fields"]) == [parameter]
    assert isinstance(error["fields"][parameter], list)


# HTTP behaviour ----------------------------------------------------------------------------------


@pytest.mark.parametrize("address", ENDPOINTS)
def test_answers_may_be_cached_by_anyone_for_a_minute(client, address):
    response = client.get(address)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"]


@pytest.mark.parametrize("address", ENDPOINTS)
def test_a_client_holding_the_current_answer_gets_not_modified(client, address):
    etag = client.get(address)["ETag"]

    again = client.get(address, headers={"if-none-match": etag})

    assert again.status_code == 304
    assert again.content == b""


def test_a_new_confirmation_changes_the_etag(client, petition, sign):
    etag = client.get("/api/v1/campaigns/petition/")["ETag"]

    sign(petition)

    assert client.get("/api/v1/campaigns/petition/", headers={"if-none-match": etag}).status_code == 200


def test_scripts_on_any_site_may_read_the_api(client):
    response = client.get("/api/v1/campaigns/", headers={"origin": "https://news.example"})

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_request_learns_the_read_methods(client):
    response = client.options(
        "/api/v1/campaigns/",
        headers={"origin": "https://news.example", "access-control-request-method": "GET"},
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_pages_outside_the_api_are_not_shared_with_other_sites(client):
    response = client.get("/en/", headers={"origin": "https://news.example"})

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_a_client_over_the_rate_limit_is_told_when_to_come_back(client, settings):
    settings.API_RATE_LIMIT = "3/minute"
    for _ in range(3):
        assert client.get("/api/v1/campaigns/").status_code == 200

    response = client.get("/api/v1/campaigns/")

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    error = error_of(response)
    assert error["status"] == 429
    assert error["message"]
    # The downloads count towards the same limit.
    refused = client.get("/api/v1/open-data/counts.csv")
    assert refused.status_code == 429
    assert error_of(refused)["status"] == 429
    assert refused["Retry-After"]


@pytest.mark.parametrize("address", ["/api/x", "/api/v1/nothing/", "/api/v2/campaigns/"])
def test_an_unknown_api_address_is_a_json_not_found(client, address):
    response = client.get(address)

    assert response.status_code == 404
    assert error_of(response) == {"status": 404, "message": "There is no such address in the API."}


@pytest.mark.parametrize("address", [*ENDPOINTS, "/api/v1/open-data/counts.csv", "/api/v1/map/regions.json"])
def test_the_api_is_read_only(address):
    # As a script elsewhere would post: without the site's CSRF cookie.
    response = Client(enforce_csrf_checks=True).post(address, {"title": "Mine now"})

    assert response.status_code == 405
    assert error_of(response)["status"] == 405
    assert "POST" not in response["Allow"]


def test_openapi_document_lists_every_endpoint(client):
    response = client.get("/api/v1/schema/?format=json")

    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/campaigns/",
        "/api/v1/campaigns/{slug}/",
        "/api/v1/campaigns/{slug}/counts/{dimension}/",
        "/api/v1/partners/",
        "/api/v1/regions/",
        "/api/v1/stories/",
        "/api/v1/library/",
        "/api/v1/events/",
    }
    assert "/api/v1/open-data/partners.csv" in document["info"]["description"]


def test_documentation_page_loads_its_scripts_from_our_own_static_files(client):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    page = response.content.decode()
    assets = re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"', page)
    assert any(asset.endswith(".js") for asset in assets)
    assert all(asset.startswith("/static/") for asset in assets), assets
    assert "//cdn" not in page
