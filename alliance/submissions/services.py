from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage
from django.db import models, transaction
from django.utils import timezone
from wagtail.documents import get_document_model

from alliance.content.models import LibraryDocument
from alliance.signatures.identity import ip_hash

from .models import EventRequest, PositionPaper, ProjectPicture, Submission, VideoStatement
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


def _library_tag(submission: Submission) -> str:
    # The library entry cannot point back to the submission, so its file carries this tag instead:
    # unlike the title or the organisation, staff have no reason to change it.
    return f"submission-{submission.pk}"


def publish_submission(*, submission: Submission) -> None:
    """Make public what an approved submission adds beyond its own page: a position paper joins the library.

    Approving the same paper again adds nothing. Called by moderation inside its approval transaction.
    """
    if submission.kind != Submission.Kind.PAPER:
        return
    document_model = get_document_model()
    tag = _library_tag(submission)
    if document_model.objects.filter(tags__name=tag).exists():
        return
    paper = PositionPaper.objects.get(pk=submission.pk)
    with paper.pdf.open("rb") as pdf:
        # A public copy under a neutral name; the private original stays with the submission.
        document = document_model(title=paper.title, file=File(pdf, name=f"position-paper-{paper.pk}.pdf"))
        document.file_size = paper.pdf.size
        document.save()
    document.tags.add(tag)
    LibraryDocument.objects.create(
        title=paper.title,
        author_organisation=paper.organisation or paper.author_name or "",
        kind=LibraryDocument.Kind.POSITION_PAPER,
        language=paper.language,
        published_on=timezone.localdate(),
        summary=paper.summary,
        document=document,
    )


def withdraw_publication(*, submission: Submission) -> None:
    """Take a position paper out of the library again, its public copy of the file with it."""
    documents = get_document_model().objects.filter(tags__name=_library_tag(submission))
    with transaction.atomic():
        LibraryDocument.objects.filter(document__in=documents).delete()
        # Wagtail deletes a document's file once the deletion is committed.
        for document in documents:
            document.delete()


def _stored_files(submissions: models.QuerySet[Submission]) -> list[tuple[Storage, str]]:
    files: list[tuple[Storage, str]] = []
    for model in (VideoStatement, ProjectPicture, EventRequest, PositionPaper):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names = model.objects.filter(pk__in=submissions.values("pk")).values_list(field.name, flat=True)
                files.extend((field.storage, name) for name in names if name)
    return files


def _delete_files_on_commit(files: list[tuple[Storage, str]]) -> None:
    # Only once the rows are gone for good: a rolled-back deletion must find its files.
    for storage, name in files:
        transaction.on_commit(partial(storage.delete, name))


def purge_unconfirmed_submissions(*, now: datetime | None = None) -> int:
    """Delete submissions, with their files, that their authors left unconfirmed for longer than allowed."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SUBMISSION_CONFIRMATION_DAYS)
    expired = Submission.objects.filter(state=Submission.State.UNCONFIRMED, created_at__lt=cutoff)
    with transaction.atomic():
        _delete_files_on_commit(_stored_files(expired))
        _, deleted = expired.delete()
    return deleted.get(Submission._meta.label, 0)


def erase_submission(*, submission: Submission) -> None:
    """Delete a submission, its files and its library entry, as its author may ask at any time."""
    rows = Submission.objects.filter(pk=submission.pk)
    with transaction.atomic():
        withdraw_publication(submission=submission)
        _delete_files_on_commit(_stored_files(rows))
        rows.delete()
