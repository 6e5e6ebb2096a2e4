from datetime import timedelta

import pytest
from django.utils import timezone

from alliance.submissions.models import EventRequest, Submission

pytestmark = pytest.mark.django_db


def local(days: int, hour: int = 10) -> str:
    """A date and time as the browser's date picker sends it, `days` from today."""
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def event(**overrides: object) -> dict:
    return {
        "title": "Cohesion day in Maribor",
        "starts_at": local(30, 10),
        "ends_at": local(30, 17),
        "place": "Maribor, Slovenia",
        "expected_audience": "120",
        "languages": ["sl", "en"],
        "needs": ["speaker", "banners"],
        "message": "We would love a speaker.",
        **overrides,
    }


def test_event_request_keeps_its_languages_and_needs_as_lists(send, author):
    response = send("event", {**author, **event()})

    assert response.status_code == 302
    request = EventRequest.objects.get()
    assert request.languages == ["sl", "en"]
    assert request.needs == [EventRequest.Need.SPEAKER, EventRequest.Need.BANNERS]
    assert timezone.localtime(request.starts_at).strftime("%Y-%m-%dT%H:%M") == local(30, 10)
    assert request.expected_audience == 120
    assert request.place == "Maribor, Slovenia"
    assert request.region == "SI03"


def test_the_form_offers_date_pickers_and_a_checkbox_per_language_and_need(client):
    content = client.get("/en/take-action/event/").content.decode()

    assert content.count('type="datetime-local"') == 2
    assert content.count('name="languages"') == 24
    assert content.count('name="needs"') == 3
    assert "<legend>Languages of the event (optional)</legend>" in content
    assert "Printed materials in my language" in content
    # Nothing is published from an event request: no consent to publish is asked.
    assert 'name="publication_consent"' not in content


def test_an_event_that_ends_before_it_starts_comes_back_with_everything_typed(send, author):
    response = send("event", {**author, **event(ends_at=local(29, 17))})

    assert response.status_code == 400
    content = response.content.decode()
    assert "The event ends before it starts. Please check the dates." in content
    assert 'value="Cohesion day in Maribor"' in content
    assert f'value="{local(30, 10)}"' in content
    assert 'value="sl" id="id_languages_22" checked' in content
    assert 'value="speaker" id="id_needs_1" checked' in content
    assert "We would love a speaker." in content
    assert not Submission.objects.exists()


def test_an_event_in_the_past_is_refused(send, author):
    response = send("event", {**author, **event(starts_at=local(-2), ends_at="")})

    assert response.status_code == 400
    assert "This date is in the past. Please give the date the event starts." in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.parametrize("audience", ["0", "-5", "many"])
def test_the_expected_audience_is_a_positive_number(send, author, audience):
    response = send("event", {**author, **event(expected_audience=audience)})

    assert response.status_code == 400
    assert not Submission.objects.exists()


def test_an_event_needs_a_place_and_known_languages(send, author):
    response = send("event", {**author, **event(place="", languages=["sl", "xx"])})

    assert response.status_code == 400
    content = response.content.decode()
    assert "Place: This field is required." in content
    assert "Select a valid choice. xx is not one of the available choices." in content
    assert not Submission.objects.exists()


def test_the_take_action_page_leads_to_every_form(client):
    content = client.get("/fr/take-action/").content.decode()

    for slug in ("video-statement", "project-picture", "event", "position-paper"):
        assert f'href="/fr/take-action/{slug}/"' in content
