import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from alliance.submissions.models import EventRequest, Submission

pytestmark = pytest.mark.django_db


def in_slovenian(text: str) -> str:
    with translation.override("sl"):
        translated = gettext(text)
    assert translated != text
    return translated


def event(**overrides: str) -> dict[str, str]:
    return {
        "title": "Cohesion day in Maribor",
        "starts_at": (timezone.now() + timedelta(days=30)).strftime("%Y-%m-%d 10:00"),
        "place": "Maribor, Slovenia",
        "expected_audience": "120",
        "message": "We would love a speaker.",
        **overrides,
    }


def test_event_request_waits_for_its_author_to_confirm_then_enters_the_queue(client, send, author, mailbox):
    response = send("event", {**author, **event()})

    assert response.status_code == 302
    assert response["Location"] == "/en/take-action/event/thanks/"
    request = EventRequest.objects.get()
    assert request.state == Submission.State.UNCONFIRMED
    assert request.kind == Submission.Kind.EVENT
    assert request.author_name == "Ana Kovač"
    assert request.publication_consent_at is None
    assert request.processed_at is not None
    assert len(mailbox) == 1
    # The author chose Slovenian: the e-mail is in Slovenian whatever page they sent it from.
    assert mailbox[0].to == ["ana@example.org"]
    found = re.search(r"https?://\S+/take-action/confirm/\S+/", mailbox[0].body)
    assert found is not None
    link = found.group(0)
    path = link[link.index("/", 8) :]

    assert client.get(path).status_code == 200
    assert EventRequest.objects.get().state == Submission.State.UNCONFIRMED
    client.post(path)

    confirmed = EventRequest.objects.get()
    assert confirmed.state == Submission.State.PENDING
    assert confirmed.confirmed_at is not None
    # The link is in the author's language, Slovenian, and so is the page it opens.
    assert path.startswith("/sl/")
    assert escape(in_slovenian("Your submission is already confirmed")) in client.post(path).content.decode()


def test_missing_consent_and_wrong_region_come_back_with_everything_typed(send, author, mailbox):
    response = send("video-statement", {**author, "region": "AT11", "privacy_consent": "", "title": "Why it matters"})

    assert response.status_code == 400
    content = response.content.decode()
    assert "This region is not in the country you chose." in content
    assert "We can only handle your submission if you accept the privacy notice." in content
    assert 'value="Why it matters"' in content
    assert not Submission.objects.exists()
    assert mailbox == []


def test_unknown_form_is_not_found(client):
    assert client.get("/en/take-action/petition-of-doom/").status_code == 404


def test_a_forged_confirmation_link_confirms_nothing(client, send, author):
    send("event", {**author, **event()})

    response = client.post("/en/take-action/confirm/not-a-token/")

    assert response.status_code == 404
    assert EventRequest.objects.get().state == Submission.State.UNCONFIRMED


def test_author_can_follow_their_submission_and_have_it_erased_from_the_link_in_every_email(
    client, send, author, mailbox
):
    send("event", {**author, **event()})
    found = re.search(r"https?://[^/\s]+(/\S+/take-action/manage/\S+/)", mailbox[0].body)
    assert found is not None
    path = found.group(1)

    page = client.get(path).content.decode()

    assert "Cohesion day in Maribor" in page
    assert escape(in_slovenian("waiting for the author's confirmation")) in page
    client.post(path, {"action": "erase"})
    assert not Submission.objects.exists()
    assert client.get(path).status_code == 404
