"""Signed links for the author's e-mails: nothing is stored, and a link dies with its submission."""

from datetime import timedelta

from django.conf import settings
from django.core import signing

from .models import Submission

CONFIRM = "confirm"
MANAGE = "manage"


def make_token(submission: Submission, purpose: str) -> str:
    # The creation time ties the link to this submission: a new one that reuses the id gets new links.
    return signing.dumps(
        [submission.pk, int(submission.created_at.timestamp())], salt=f"submissions.{purpose}", compress=True
    )


def submission_for_token(token: str, purpose: str) -> Submission | None:
    max_age = timedelta(days=settings.SUBMISSION_CONFIRMATION_DAYS) if purpose == CONFIRM else None
    try:
        submission_id, created = signing.loads(token, salt=f"submissions.{purpose}", max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is None or int(submission.created_at.timestamp()) != created:
        return None
    return submission
