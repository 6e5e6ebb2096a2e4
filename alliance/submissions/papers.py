"""Position papers: a PDF checked by its content, whatever the file is called, and its page count."""

from django import forms
from django.conf import settings
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from .models import PositionPaper

MAX_PAGES = 200
PDF_SIGNATURE = b"%PDF-"


class PdfFileField(forms.FileField):
    """A PDF that opens: read by pypdf, not protected by a password, with pages, within the size limits.

    Only the page tree is read: no text is extracted and no page content is unpacked, so a small file
    that would unpack to gigabytes costs no more than its page tree (pypdf also caps what any one
    stream may unpack to).
    """

    widget = forms.FileInput(attrs={"accept": "application/pdf"})
    default_error_messages = {
        "format": _("This file is not a PDF we can read."),
        "encrypted": _("This PDF is protected by a password or encrypted. Please upload it without protection."),
        "empty": _("This PDF has no pages."),
        "file_size": _("The file is larger than %(limit)s. Please upload a smaller PDF."),
        "pages": _("The PDF has more than %(limit)d pages. Please upload a shorter one."),
    }

    def to_python(self, data: File | None) -> File | None:
        upload = super().to_python(data)
        if upload is None:
            return None
        limit = settings.SUBMISSION_PDF_MAX_BYTES
        if upload.size is not None and upload.size > limit:
            raise forms.ValidationError(
                self.error_messages["file_size"], code="file_size", params={"limit": filesizeformat(limit)}
            )
        upload.seek(0)
        if upload.read(len(PDF_SIGNATURE)) != PDF_SIGNATURE:
            raise forms.ValidationError(self.error_messages["format"], code="format")
        upload.seek(0)
        try:
            reader = PdfReader(upload)
            encrypted = reader.is_encrypted
            pages = 0 if encrypted else len(reader.pages)
        except Exception as error:  # pypdf raises many kinds of error on broken or hostile files
            raise forms.ValidationError(self.error_messages["format"], code="format") from error
        if encrypted:
            # Even with an empty password: readers of the library must open it as it is.
            raise forms.ValidationError(self.error_messages["encrypted"], code="encrypted")
        if pages == 0:
            raise forms.ValidationError(self.error_messages["empty"], code="empty")
        if pages > MAX_PAGES:
            raise forms.ValidationError(self.error_messages["pages"], code="pages", params={"limit": MAX_PAGES})
        upload.seek(0)
        upload.name = "paper.pdf"
        return upload


def prepare_paper(paper: PositionPaper) -> None:
    """Note the page count, shown to moderators and readers."""
    with paper.pdf.open("rb") as pdf:
        paper.pages = len(PdfReader(pdf).pages)
    paper.save(update_fields=["pages"])
