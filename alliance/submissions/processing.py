"""Preparing uploaded files for the web, in the background worker after the author sent them."""

from django.utils import timezone

from .media import prepare_picture, prepare_video
from .models import Submission
from .papers import prepare_paper


def process(submission: Submission) -> None:
    """Make what the kind needs (a poster frame, a clean re-encoded picture, the page count) and mark it done."""
    prepare = PREPARERS.get(submission.kind)
    if prepare is not None:
        prepare(submission)
    submission.processed_at = timezone.now()
    submission.save(update_fields=["processed_at"])


PREPARERS: dict = {
    Submission.Kind.VIDEO: prepare_video,
    Submission.Kind.PICTURE: prepare_picture,
    Submission.Kind.PAPER: prepare_paper,
}
