from django.db import transaction
from django.utils import timezone

from alliance.signatures.identity import ip_hash

from .models import Submission
from .tasks import process_submission, send_submission_email


def submit(*, submission: Submission, kind: str, publication_consent: bool, ip_address: str = "") -> Submission:
    """Store a new submission with its files, then ask its author to confirm and prepare the files for the web.

    The files are in storage when this returns, so the thank-you page never promises what could still be lost.
    """
    now = timezone.now()
    submission.kind = kind
    submission.state = Submission.State.UNCONFIRMED
    submission.privacy_consent_at = now
    submission.publication_consent_at = now if publication_consent else None
    submission.ip_hash = ip_hash(ip_address)
    with transaction.atomic():
        submission.save()
        transaction.on_commit(lambda: process_submission.enqueue(submission_id=submission.pk))
        transaction.on_commit(lambda: send_submission_email.enqueue(submission_id=submission.pk, template="confirm"))
    return submission


def confirm_submission(*, submission: Submission) -> bool:
    """Put a submission in the moderation queue once its author confirmed; false when it already was."""
    with transaction.atomic():
        updated = Submission.objects.filter(pk=submission.pk, state=Submission.State.UNCONFIRMED).update(
            state=Submission.State.PENDING, confirmed_at=timezone.now()
        )
    submission.refresh_from_db(fields=["state", "confirmed_at"])
    return bool(updated)
