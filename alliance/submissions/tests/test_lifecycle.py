import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfWriter

from alliance.content.models import LibraryDocument
from alliance.submissions.models import PositionPaper, Submission
from alliance.submissions.services import erase_submission, publish_submission, purge_unconfirmed_submissions

pytestmark = pytest.mark.django_db


def send_paper(send, author: dict, title: str) -> PositionPaper:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    pdf = SimpleUploadedFile("paper.pdf", buffer.getvalue(), content_type="application/pdf")
    assert send("position-paper", {**author, "title": title, "summary": "Our view.", "pdf": pdf}).status_code == 302
    return PositionPaper.objects.get(title=title)


def sent_days_ago(submission: Submission, days: int) -> None:
    Submission.objects.filter(pk=submission.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_papers_left_unconfirmed_too_long_are_deleted_with_their_files(
    send, author, stored_files, django_capture_on_commit_callbacks
):
    forgotten = send_paper(send, author, "Forgotten")
    recent = send_paper(send, author, "Recent")
    confirmed = send_paper(send, author, "Confirmed")
    Submission.objects.filter(pk=confirmed.pk).update(state=Submission.State.PENDING, confirmed_at=timezone.now())
    for paper in (forgotten, confirmed):
        sent_days_ago(paper, 8)
    sent_days_ago(recent, 6)

    with django_capture_on_commit_callbacks(execute=True):
        assert purge_unconfirmed_submissions() == 1

    assert set(PositionPaper.objects.values_list("title", flat=True)) == {"Recent", "Confirmed"}
    files = stored_files()
    assert forgotten.pdf.name not in files
    assert {recent.pdf.name, confirmed.pdf.name} <= files


def test_the_hourly_command_purges_unconfirmed_submissions(send, author, django_capture_on_commit_callbacks):
    sent_days_ago(send_paper(send, author, "Forgotten"), 8)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("tend_submissions", stdout=io.StringIO())

    assert not Submission.objects.exists()


def test_an_erased_paper_takes_its_file_and_library_entry_with_it(
    client, send, author, stored_files, django_capture_on_commit_callbacks
):
    paper = send_paper(send, author, "Our view on cohesion")
    publish_submission(submission=paper)

    with django_capture_on_commit_callbacks(execute=True):
        erase_submission(submission=paper)

    assert not Submission.objects.exists()
    assert paper.pdf.name not in stored_files()
    assert not LibraryDocument.objects.filter(title="Our view on cohesion").exists()
    assert "Our view on cohesion" not in client.get("/en/library/").content.decode()
