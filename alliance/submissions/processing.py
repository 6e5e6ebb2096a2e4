"""Preparing uploaded files for the web, in the background worker after the author sent them."""

from django.utils import timezone

from .models import Submission


def process(submission: Submission) -> None:
    """Make what the kind needs (a poster frame, a clean re-encoded picture, the page count) and mark it done."""
    prepare = PREPARERS.get(submission.kind)
    if prepare is not None:
        prepare(submission)
    submission.processed_at = timezone.now()
    submission.save(update_fields=["processed_at"])


PREPARERS: dict = {}
