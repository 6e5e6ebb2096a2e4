"""Staff decisions on what the public sent: each one changes the submission, is recorded and tells the author."""

from collections.abc import Iterable
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale

from alliance.content.models import LibraryPage
from alliance.core.i18n import localized_page_url
from alliance.core.page_cache import forget_pages
from alliance.submissions.gallery import GALLERY_OF_KIND, item_path
from alliance.submissions.models import EventRequest, Submission
from alliance.submissions.services import publish_submission, withdraw_publication
from alliance.submissions.tasks import send_submission_email

from .models import Decision, RejectionReason

APPROVE_ACTION = "alliance.moderation.approve"
REJECT_ACTION = "alliance.moderation.reject"
REQUEST_CHANGES_ACTION = "alliance.moderation.request_changes"
TRACK_EVENT_ACTION = "alliance.moderation.track_event"

State = Submission.State
# An approved item may still be rejected, which takes it off the site again.
ALLOWED_FROM = {
    Decision.Action.APPROVE: {State.PENDING, State.CHANGES_REQUESTED},
    Decision.Action.REJECT: {State.PENDING, State.CHANGES_REQUESTED, State.APPROVED},
    Decision.Action.REQUEST_CHANGES: {State.PENDING, State.CHANGES_REQUESTED},
}
NEW_STATE = {
    Decision.Action.APPROVE: State.APPROVED,
    Decision.Action.REJECT: State.REJECTED,
    Decision.Action.REQUEST_CHANGES: State.CHANGES_REQUESTED,
}
LOG_ACTIONS = {
    Decision.Action.APPROVE: APPROVE_ACTION,
    Decision.Action.REJECT: REJECT_ACTION,
    Decision.Action.REQUEST_CHANGES: REQUEST_CHANGES_ACTION,
}
EMAILS = {
    Decision.Action.APPROVE: "approved",
    Decision.Action.REJECT: "rejected",
    Decision.Action.REQUEST_CHANGES: "changes_requested",
}


class DecisionNotAllowedError(Exception):
    """The submission's state does not allow this decision (someone else decided first, or the file is not ready)."""


def reason_for_author(reason: RejectionReason, language: str) -> str:
    """The reason's explanation in the author's language when staff translated it, else as written."""
    locale = Locale.objects.filter(language_code=language).first()
    translated = reason.get_translation_or_none(locale) if locale is not None else None
    return (translated or reason).explanation


def public_url(submission: Submission) -> str:
    """Where the approved submission is seen, in its author's language: its own page, or the library for a paper."""
    with translation.override(submission.language):
        if submission.kind in GALLERY_OF_KIND:
            path = item_path(submission)
        else:
            library = LibraryPage.objects.live().first()
            path = localized_page_url(library) if library else "/"
    return urljoin(settings.SITE_URL, path)


def _decide(
    *, submission: Submission, user: User | None, action: Decision.Action, reason: RejectionReason | None, note: str
) -> Decision:
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if locked.state not in ALLOWED_FROM[action]:
            raise DecisionNotAllowedError(
                _("%(submission)s is %(state)s: it cannot be %(decision)s now.")
                % {"submission": locked, "state": locked.get_state_display(), "decision": action.label}
            )
        if action == Decision.Action.APPROVE and locked.processed_at is None:
            raise DecisionNotAllowedError(
                _("The files of %(submission)s are still being checked; try again in a minute.")
                % {"submission": locked}
            )
        submission.state = NEW_STATE[action]
        submission.decided_at = timezone.now()
        submission.decided_by = user
        Submission.objects.filter(pk=submission.pk).update(
            state=submission.state, decided_at=submission.decided_at, decided_by=user
        )
        decision = Decision.objects.create(submission=locked, action=action, reason=reason, note=note, decided_by=user)
        log(
            instance=submission,
            action=LOG_ACTIONS[action],
            user=user,
            data={"reason": reason.title if reason else "", "note": note},
        )
        if action == Decision.Action.APPROVE:
            publish_submission(submission=submission)
        elif locked.state == State.APPROVED:
            withdraw_publication(submission=submission)
        context = {
            "note": note,
            "reason": reason_for_author(reason, submission.language) if reason else "",
            "public_url": public_url(submission) if action == Decision.Action.APPROVE else "",
        }
        transaction.on_commit(
            lambda: send_submission_email.enqueue(submission_id=submission.pk, template=EMAILS[action], context=context)
        )
        # Galleries, events and the library show approved items only: visitors see a decision at once.
        transaction.on_commit(forget_pages)
    return decision


def approve(*, submission: Submission, user: User | None, note: str = "") -> Decision:
    """Publish the submission and tell its author, with the note when staff wrote one."""
    return _decide(submission=submission, user=user, action=Decision.Action.APPROVE, reason=None, note=note)


def reject(
    *, submission: Submission, user: User | None, reason: RejectionReason | None = None, note: str = ""
) -> Decision:
    """Refuse the submission, or take an approved one off the site, and tell its author why."""
    return _decide(submission=submission, user=user, action=Decision.Action.REJECT, reason=reason, note=note)


def request_changes(*, submission: Submission, user: User | None, note: str) -> Decision:
    """Ask the author to send the submission again with what the note explains."""
    return _decide(submission=submission, user=user, action=Decision.Action.REQUEST_CHANGES, reason=None, note=note)


def decide_many(
    *,
    submissions: Iterable[Submission],
    user: User | None,
    action: Decision.Action,
    reason: RejectionReason | None = None,
    note: str = "",
) -> tuple[list[Submission], list[Submission]]:
    """Take one decision on several submissions; returns those decided and those whose state did not allow it.

    Each is decided in a transaction of its own, so that one that changed meanwhile does not hold back the others.
    """
    decided, skipped = [], []
    for submission in submissions:
        try:
            _decide(submission=submission, user=user, action=action, reason=reason, note=note)
        except DecisionNotAllowedError:
            skipped.append(submission)
        else:
            decided.append(submission)
    return decided, skipped


@transaction.atomic
def track_event_request(*, event: EventRequest, user: User | None, progress: str, staff_notes: str) -> bool:
    """Record how staff's work on an event request stands; false when nothing changed."""
    changed = {
        field: value
        for field, value in (("progress", progress), ("staff_notes", staff_notes))
        if getattr(event, field) != value
    }
    if not changed:
        return False
    for field, value in changed.items():
        setattr(event, field, value)
    event.save(update_fields=list(changed))
    log(
        instance=event,
        action=TRACK_EVENT_ACTION,
        user=user,
        data={"progress": event.progress, "staff_notes_changed": "staff_notes" in changed},
    )
    return True
