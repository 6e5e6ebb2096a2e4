import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from pypdf import PdfWriter

from alliance.content.models import LibraryDocument
from alliance.submissions.models import PositionPaper, Submission
from alliance.submissions.services import publish_submission, withdraw_publication

pytestmark = pytest.mark.django_db


def pdf_bytes(*, pages: int = 2, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("paper.pdf", b"%PDF-" + b"0" * 100_000)
    return buffer.getvalue()


def paper(content: bytes, *, name: str = "Our view.pdf") -> dict:
    return {
        "title": "Cohesion after 2027",
        "summary": "Why regions need a strong cohesion policy.",
        "pdf": SimpleUploadedFile(name, content, content_type="application/pdf"),
    }


def test_a_real_pdf_is_stored_under_a_name_of_our_own_with_its_page_count(send, author, stored_files):
    response = send("position-paper", {**author, **paper(pdf_bytes(pages=3), name="../../etc/passwd.pdf")})

    assert response.status_code == 302
    stored = PositionPaper.objects.get()
    assert stored.kind == Submission.Kind.PAPER
    assert stored.pages == 3
    assert stored.processed_at is not None
    name = str(stored.pdf.name)
    assert name.startswith("papers/")
    assert name.endswith(".pdf")
    assert "passwd" not in name
    assert name in stored_files()
    with stored.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<!doctype html><html><body>Not a paper</body></html>", "This file is not a PDF we can read."),
        (b"Just some text pretending to be a paper.", "This file is not a PDF we can read."),
        (zip_bytes(), "This file is not a PDF we can read."),
        (b"%PDF-1.7\n% a header and nothing else", "This file is not a PDF we can read."),
        (pdf_bytes(password="secret"), "This PDF is protected by a password or encrypted."),
        (pdf_bytes(password=""), "This PDF is protected by a password or encrypted."),
        (pdf_bytes(pages=0), "This PDF has no pages."),
    ],
    ids=["html", "text", "zip", "broken", "password", "empty-password", "no-pages"],
)
def test_a_file_that_is_not_a_readable_pdf_is_refused_and_nothing_is_stored(
    send, author, mailbox, stored_files, content, message
):
    before = stored_files()

    response = send("position-paper", {**author, **paper(content)})

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="Cohesion after 2027"' in page
    assert not Submission.objects.exists()
    assert stored_files() == before
    assert mailbox == []


def test_a_pdf_over_the_size_limit_is_refused_with_the_limit(send, author, settings, stored_files):
    settings.SUBMISSION_PDF_MAX_BYTES = 1024
    before = stored_files()

    response = send("position-paper", {**author, **paper(pdf_bytes() + b"%" * 2048)})

    assert response.status_code == 400
    assert "The file is larger than 1.0\xa0KB." in response.content.decode()
    assert not Submission.objects.exists()
    assert stored_files() == before


def test_a_pdf_of_too_many_pages_is_refused(send, author):
    response = send("position-paper", {**author, **paper(pdf_bytes(pages=201))})

    assert response.status_code == 400
    assert "The PDF has more than 200 pages." in response.content.decode()
    assert not Submission.objects.exists()


def test_the_form_tells_the_limits_before_uploading(client):
    content = client.get("/en/take-action/position-paper/").content.decode()

    assert "At most 20.0\xa0MB and 200 pages, not protected by a password." in content
    assert 'accept="application/pdf"' in content


def test_an_approved_paper_appears_once_in_the_library_however_often_it_is_published(client, send, author):
    send("position-paper", {**author, **paper(pdf_bytes(pages=1))})
    submission = Submission.objects.get()

    for _ in range(2):
        with transaction.atomic():
            publish_submission(submission=submission)

    entry = LibraryDocument.objects.get(title="Cohesion after 2027")
    assert entry.kind == LibraryDocument.Kind.POSITION_PAPER
    assert entry.author_organisation == "Občina Maribor"
    assert entry.language == "sl"
    assert entry.summary == "Why regions need a strong cohesion policy."
    assert entry.document.file.name.endswith(f"position-paper-{submission.pk}.pdf")
    library = client.get("/en/library/?kind=position-paper").content.decode()
    assert library.count("Cohesion after 2027") == 1
    assert entry.document.url in library
    download = client.get(entry.document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_paper_without_an_organisation_is_credited_to_its_author(send, author):
    send("position-paper", {**author, "organisation": "", **paper(pdf_bytes(pages=1))})

    publish_submission(submission=Submission.objects.get())

    assert LibraryDocument.objects.get(title="Cohesion after 2027").author_organisation == "Ana Kovač"


def test_a_withdrawn_paper_leaves_the_library(client, send, author):
    send("position-paper", {**author, **paper(pdf_bytes(pages=1))})
    submission = Submission.objects.get()
    publish_submission(submission=submission)

    withdraw_publication(submission=submission)

    assert not LibraryDocument.objects.filter(title="Cohesion after 2027").exists()
    assert "Cohesion after 2027" not in client.get("/en/library/").content.decode()


def test_publishing_other_kinds_adds_nothing_to_the_library(send, author):
    send("event", {**author, "title": "Cohesion day", "starts_at": "2099-05-09T10:00", "place": "Maribor"})
    documents = LibraryDocument.objects.count()

    publish_submission(submission=Submission.objects.get())

    assert LibraryDocument.objects.count() == documents
