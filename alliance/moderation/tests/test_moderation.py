import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale, ModelLogEntry

from alliance.content.models import LibraryDocument
from alliance.core.roles import EDITORS
from alliance.moderation.models import Decision, RejectionReason
from alliance.submissions.models import EventRequest, Submission

from .conftest import QUEUE, staff


def in_slovenian(text: str) -> str:
    """The authors of these tests write in Slovenian, and so do their e-mails."""
    with translation.override("sl"):
        translated = gettext(text)
    assert translated != text
    return translated


pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    """The title of each submission listed in the queue, in order."""
    cells = re.findall(r'<th scope="row" data-column="title">(.*?)</th>', response.content.decode(), re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in cells]


def link_in(body: str, path_pattern: str) -> str:
    found = re.search(rf"https?://[^/\s]+({path_pattern})", body)
    assert found, body
    return found.group(1)


def test_author_sends_an_event_a_moderator_approves_it_and_it_is_published(
    client, send, author, mailbox, moderator, django_capture_on_commit_callbacks
):
    send(
        "event",
        {**author, "title": "Cohesion day in Maribor", "starts_at": "2027-05-09 10:00", "place": "Maribor"},
    )
    event = EventRequest.objects.get()
    client.post(link_in(mailbox[0].body, r"/\S+/take-action/confirm/\S+/"))
    public_page = f"/sl/take-action/events/{event.pk}/"
    assert client.get(public_page).status_code == 404  # nothing is public before approval

    client.force_login(moderator)
    assert titles(client.get(QUEUE)) == ["Cohesion day in Maribor"]
    detail = client.get(f"{QUEUE}{event.pk}/").content.decode()
    assert "Občina Maribor" in detail
    assert "No decision yet." in detail
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{QUEUE}{event.pk}/decide/", {"action": "approve"}, follow=True)

    assert response.redirect_chain == [(QUEUE, 302)]
    assert "The author gets an e-mail." in response.content.decode()
    assert titles(response) == []  # no longer waiting
    event.refresh_from_db()
    assert event.state == Submission.State.APPROVED
    assert event.decided_by == moderator
    assert event.decided_at is not None
    decision = Decision.objects.get()
    assert (decision.action, decision.decided_by) == (Decision.Action.APPROVE, moderator)
    entry = ModelLogEntry.objects.get(action="alliance.moderation.approve")
    assert (entry.user, entry.object_id) == (moderator, str(event.pk))
    assert entry.timestamp >= event.confirmed_at
    approved = mailbox[-1]
    assert approved.to == ["ana@example.org"]
    assert approved.subject == in_slovenian("What you sent to the #CohesionAlliance is published")
    # The link is in the author's language, to the page that now shows the event.
    assert client.get(link_in(approved.body, re.escape(public_page))).status_code == 200
    history = client.get(f"{QUEUE}{event.pk}/").content.decode()
    assert "approved" in history
    assert moderator.get_username() in history


def test_queue_is_filtered_by_kind_language_country_and_state(client, moderator, submission):
    submission("Slovenian event")
    submission("Polish event", language="pl", country="PL", region="PL84")
    submission("Slovenian video", kind=Submission.Kind.VIDEO)
    submission("Approved paper", kind=Submission.Kind.PAPER, state=Submission.State.APPROVED)
    client.force_login(moderator)

    assert titles(client.get(QUEUE)) == ["Slovenian video", "Polish event", "Slovenian event"]
    assert titles(client.get(QUEUE, {"kind": "video"})) == ["Slovenian video"]
    assert titles(client.get(QUEUE, {"language": "pl"})) == ["Polish event"]
    assert titles(client.get(QUEUE, {"country": "SI", "kind": "event"})) == ["Slovenian event"]
    assert titles(client.get(QUEUE, {"state": "approved"})) == ["Approved paper"]
    assert len(titles(client.get(QUEUE, {"state": "all"}))) == 4


def test_unconfirmed_submissions_are_never_shown_to_moderators(client, moderator, submission):
    unconfirmed = submission("Not yet confirmed", state=Submission.State.UNCONFIRMED)
    client.force_login(moderator)

    assert titles(client.get(QUEUE, {"state": "all"})) == []
    assert titles(client.get(QUEUE, {"state": "unconfirmed"})) == []
    assert client.get(f"{QUEUE}{unconfirmed.pk}/", follow=True).status_code == 404
    assert client.post(f"{QUEUE}{unconfirmed.pk}/decide/", {"action": "approve"}).status_code in (302, 404)
    assert Submission.objects.get().state == Submission.State.UNCONFIRMED


def test_rejection_tells_the_author_the_reason_in_their_language_and_the_note(
    client, moderator, submission, mailbox, django_capture_on_commit_callbacks
):
    reason = RejectionReason.objects.get(title="Not about cohesion policy")  # one of the demo reasons
    translated = reason.copy_for_translation(Locale.objects.get(language_code="sl"))
    translated.explanation = "Ne govori o kohezijski politiki."
    translated.save()
    paper = submission("Our view", kind=Submission.Kind.PAPER)
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{QUEUE}{paper.pk}/decide/", {"action": "reject", "reason": reason.pk, "note": "Please send a summary."}
        )

    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.state == Submission.State.REJECTED
    decision = Decision.objects.get()
    assert (decision.reason, decision.note) == (reason, "Please send a summary.")
    entry = ModelLogEntry.objects.get(action="alliance.moderation.reject")
    assert entry.user == moderator
    assert entry.data["reason"] == "Not about cohesion policy"
    (rejected,) = mailbox
    assert rejected.subject == in_slovenian("We cannot publish what you sent to the #CohesionAlliance")
    assert "Ne govori o kohezijski politiki." in rejected.body
    assert reason.explanation not in rejected.body
    assert "Please send a summary." in rejected.body


def test_rejection_needs_a_reason_or_a_note(client, moderator, submission, mailbox):
    event = submission("Cohesion day")
    client.force_login(moderator)

    response = client.post(f"{QUEUE}{event.pk}/decide/", {"action": "reject"})

    assert response.status_code == 400
    assert "Choose a reason or write a note" in response.content.decode()
    assert Submission.objects.get().state == Submission.State.PENDING
    assert mailbox == []


def test_asking_for_changes_sends_the_note_to_the_author(
    client, moderator, submission, mailbox, django_capture_on_commit_callbacks
):
    event = submission("Cohesion day")
    client.force_login(moderator)
    assert client.post(f"{QUEUE}{event.pk}/decide/", {"action": "request-changes"}).status_code == 400

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE}{event.pk}/decide/", {"action": "request-changes", "note": "Which town hall?"})

    assert Submission.objects.get().state == Submission.State.CHANGES_REQUESTED
    assert ModelLogEntry.objects.filter(action="alliance.moderation.request_changes", user=moderator).exists()
    (asked,) = mailbox
    assert asked.subject == in_slovenian("Please change what you sent to the #CohesionAlliance")
    assert "Which town hall?" in asked.body
    # Still in the queue for staff, under its own state.
    assert titles(client.get(QUEUE, {"state": "changes-requested"})) == ["Cohesion day"]


def test_moderator_approves_two_submissions_at_once_from_the_queue(
    moderator, submission, mailbox, django_capture_on_commit_callbacks
):
    first = submission("First event")
    second = submission("Second event")
    submission("Left for later")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)
    queue = browser.get(QUEUE).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', queue)
    assert token
    picked = {"submissions": [first.pk, second.pk], "action": "approve", "next": QUEUE}

    assert browser.post(f"{QUEUE}decide/", picked).status_code == 403  # no token, no change
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(f"{QUEUE}decide/", {**picked, "csrfmiddlewaretoken": token.group(1)}, follow=True)

    assert "2 submissions decided." in response.content.decode()
    assert titles(response) == ["Left for later"]
    assert set(Submission.objects.filter(state=Submission.State.APPROVED).values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert Decision.objects.count() == 2
    assert ModelLogEntry.objects.filter(action="alliance.moderation.approve").count() == 2
    assert len(mailbox) == 2


def test_a_submission_decided_meanwhile_is_skipped_by_a_bulk_action(client, moderator, submission, mailbox):
    waiting = submission("Waiting")
    rejected = submission("Rejected already", state=Submission.State.REJECTED)
    client.force_login(moderator)

    response = client.post(
        f"{QUEUE}decide/", {"submissions": [waiting.pk, rejected.pk], "action": "approve"}, follow=True
    )

    content = response.content.decode()
    assert "1 submission decided." in content
    assert f"Event support request #{rejected.pk}" in content
    assert Submission.objects.get(pk=rejected.pk).state == Submission.State.REJECTED


def test_rejecting_an_approved_event_takes_it_off_the_site(client, moderator, submission):
    event = submission("Cohesion day", state=Submission.State.APPROVED)
    public_page = f"/en/take-action/events/{event.pk}/"
    assert client.get(public_page).status_code == 200
    client.force_login(moderator)

    client.post(f"{QUEUE}{event.pk}/decide/", {"action": "reject", "note": "The event was cancelled."})

    client.logout()
    assert client.get(public_page).status_code == 404


def test_approval_waits_until_the_files_are_checked(client, moderator, submission):
    video = submission("Why it matters", kind=Submission.Kind.VIDEO, processed_at=None)
    client.force_login(moderator)

    response = client.post(f"{QUEUE}{video.pk}/decide/", {"action": "approve"}, follow=True)

    assert "still being checked" in response.content.decode()
    assert Submission.objects.get().state == Submission.State.PENDING
    assert not Decision.objects.exists()


def test_moderator_tracks_the_work_on_an_event_request(client, moderator, submission):
    event = submission("Cohesion day", needs=["speaker"], languages=["sl", "en"])
    client.force_login(moderator)
    detail = client.get(f"{QUEUE}{event.pk}/").content.decode()
    assert "A speaker" in detail
    assert "slovenščina, English" in detail

    response = client.post(
        f"{QUEUE}{event.pk}/event/", {"progress": "in-progress", "staff_notes": "Maja will speak."}, follow=True
    )

    assert 'value="in-progress" selected' in response.content.decode()
    assert "Maja will speak." in response.content.decode()
    event.refresh_from_db()
    assert (event.progress, event.staff_notes) == ("in-progress", "Maja will speak.")
    assert ModelLogEntry.objects.get(action="alliance.moderation.track_event").user == moderator


def test_staff_without_the_moderation_permission_cannot_decide(client, submission):
    event = submission("Cohesion day")
    client.force_login(staff(EDITORS))

    assert client.get(QUEUE).status_code == 302
    assert client.get(f"{QUEUE}{event.pk}/").status_code == 302
    assert client.post(f"{QUEUE}{event.pk}/decide/", {"action": "approve"}).status_code == 302
    assert Submission.objects.get().state == Submission.State.PENDING
    assert "Moderation" not in client.get("/admin/").content.decode()


def test_moderators_write_the_reasons_they_choose_from(client, moderator, submission):
    event = submission("Cohesion day")
    client.force_login(moderator)

    response = client.post(
        "/admin/snippets/moderation/rejectionreason/add/",
        {"title": "Off topic", "explanation": "It is not about cohesion policy.", "locale": "en"},
    )

    assert response.status_code == 302
    assert RejectionReason.objects.filter(title="Off topic", locale__language_code="en").exists()
    assert re.search(r"<option value=\"\d+\">Off topic</option>", client.get(f"{QUEUE}{event.pk}/").content.decode())


def test_the_queue_reads_every_kind_in_a_fixed_number_of_queries(
    client, moderator, submission, django_assert_max_num_queries
):
    for kind in Submission.Kind:
        submission(f"A {kind.label}", kind=kind)
    client.force_login(moderator)
    client.get(QUEUE)

    with django_assert_max_num_queries(12):
        response = client.get(QUEUE)

    assert len(titles(response)) == 4


def test_moderator_previews_files_that_stay_private_until_approval(client, moderator, submission):
    video = submission("Why it matters", kind=Submission.Kind.VIDEO)
    paper = submission("Our view", kind=Submission.Kind.PAPER)
    picture = submission("New library", kind=Submission.Kind.PICTURE)
    video_url, poster_url, pdf_url, picture_url = (
        reverse("submissions:file", kwargs={"pk": item.pk, "field": field})
        for item, field in ((video, "video"), (video, "poster"), (paper, "pdf"), (picture, "picture"))
    )
    for url in (video_url, poster_url, pdf_url, picture_url):
        assert client.get(url).status_code == 404
    client.force_login(moderator)

    queue = client.get(QUEUE).content.decode()
    video_page = client.get(f"{QUEUE}{video.pk}/").content.decode()
    paper_page = client.get(f"{QUEUE}{paper.pk}/").content.decode()
    picture_page = client.get(f"{QUEUE}{picture.pk}/").content.decode()

    assert f'<img src="{poster_url}"' in queue
    assert f'<img src="{picture_url}"' in queue
    assert re.search(rf'<video controls[^>]*poster="{poster_url}"', video_page)
    assert f'<source src="{video_url}">' in video_page
    assert f'<object data="{pdf_url}"' in paper_page
    assert f'<img src="{picture_url}"' in picture_page
    served = client.get(video_url)
    served.close()  # the file is streamed: closing it releases the file
    assert served.status_code == 200


def test_bulk_rejection_gives_the_reason_as_written_when_it_is_not_translated(
    client, moderator, submission, mailbox, django_capture_on_commit_callbacks
):
    reason = RejectionReason.objects.get(title="Advertising or party politics")
    first = submission("Vote for us", language="pl", country="PL", region="PL84")
    second = submission("Buy our product", language="pl", country="PL", region="PL84")
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE}decide/", {"submissions": [first.pk, second.pk], "action": "reject", "reason": reason.pk})

    assert Submission.objects.filter(state=Submission.State.REJECTED).count() == 2
    assert Decision.objects.filter(reason=reason).count() == 2
    assert [reason.explanation in message.body for message in mailbox] == [True, True]


def test_an_approved_paper_joins_the_library_until_it_is_rejected(
    client, moderator, submission, mailbox, django_capture_on_commit_callbacks
):
    paper = submission("What regions expect", kind=Submission.Kind.PAPER)
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE}{paper.pk}/decide/", {"action": "approve", "note": "Thank you for the clear summary."})

    assert LibraryDocument.objects.filter(title="What regions expect").exists()
    (approved,) = mailbox
    assert "Thank you for the clear summary." in approved.body
    assert client.get(link_in(approved.body, r"/sl/\S*")).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE}{paper.pk}/decide/", {"action": "reject", "note": "The author withdrew the paper."})

    assert not LibraryDocument.objects.filter(title="What regions expect").exists()
    assert ModelLogEntry.objects.filter(object_id=str(paper.pk)).count() == 2
