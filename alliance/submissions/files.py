"""Serving submitted files: approved ones to everyone, the others to moderators only, never as a web page.

A file is sent with the type its stored extension stands for (we chose that extension from what the
file turned out to be), forbidden from being sniffed as anything else, and sandboxed should a browser
open it as a document. Byte ranges are honoured so that videos can be seeked.
"""

import re
from pathlib import PurePosixPath
from typing import IO

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods

from .models import Submission

# Which kind of submission carries each file.
FIELD_KINDS = {
    "video": Submission.Kind.VIDEO,
    "poster": Submission.Kind.VIDEO,
    "picture": Submission.Kind.PICTURE,
    "thumbnail": Submission.Kind.PICTURE,
    "pdf": Submission.Kind.PAPER,
}
CONTENT_TYPES = {
    "mp4": "video/mp4",
    "mov": "video/quicktime",
    "webm": "video/webm",
    "mkv": "video/x-matroska",
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "pdf": "application/pdf",
    "vtt": "text/vtt",
}
# What a browser may show in place; anything else is only ever downloaded.
SHOWN_INLINE = ("image/", "video/", "application/pdf")
PUBLIC_MAX_AGE = 60 * 60
RANGE = re.compile(r"bytes=(\d*)-(\d*)")


# Staff preview a PDF inside the moderation page, which is on this site.
@xframe_options_sameorigin
@require_http_methods(["GET", "HEAD"])
def serve_file(request: HttpRequest, pk: int, field: str) -> HttpResponseBase:
    kind = FIELD_KINDS.get(field)
    if kind is None:
        raise Http404
    submission = get_object_or_404(Submission, pk=pk, kind=kind)
    published = submission.state == Submission.State.APPROVED
    if not published and not request.user.has_perm("submissions.moderate_submission"):
        raise Http404
    file = getattr(submission.detail, field)
    if not file:
        raise Http404

    extension = PurePosixPath(file.name).suffix.lstrip(".")
    content_type = CONTENT_TYPES.get(extension, "application/octet-stream")
    size = file.storage.size(file.name)
    stream = file.storage.open(file.name, "rb")
    wanted = _byte_range(request, size)
    response: HttpResponseBase
    if wanted is None:
        response = FileResponse(stream, content_type=content_type)
    elif wanted == _UNSATISFIABLE:
        stream.close()
        response = HttpResponse(status=416, content_type=content_type)
        response["Content-Range"] = f"bytes */{size}"
    else:
        start, end = wanted
        stream.seek(start)
        response = FileResponse(_Slice(stream, end - start + 1), status=206, content_type=content_type)
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"

    disposition = "inline" if content_type.startswith(SHOWN_INLINE) else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{field}-{submission.pk}.{extension}"'
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    # Chromium and Safari refuse to show a PDF in a sandboxed document; their PDF viewers run no page script.
    if content_type != "application/pdf":
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    if published:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        # Moderators only: no shared cache may keep it, nor may it outlive a rejection in the browser.
        patch_cache_control(response, private=True, no_store=True)
    return response


_UNSATISFIABLE = (-1, -1)


def _byte_range(request: HttpRequest, size: int) -> tuple[int, int] | None:
    """The first and last byte of the one range asked for, _UNSATISFIABLE, or None for the whole file.

    Several ranges at once, a malformed header or a conditional range (If-Range: we send no validators to
    compare with) get the whole file, as HTTP allows.
    """
    header = request.headers.get("Range", "")
    found = RANGE.fullmatch(header.strip())
    if found is None or "If-Range" in request.headers:
        return None
    first, last = found.groups()
    if first:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
        if last and int(last) < start:
            return None
    elif last:  # the last N bytes
        start, end = max(size - int(last), 0), size - 1
        if int(last) == 0:
            return _UNSATISFIABLE
    else:
        return None
    if start >= size:
        return _UNSATISFIABLE
    return start, end


class _Slice:
    """Reads at most `length` bytes from where a file stands: one range of it."""

    def __init__(self, file: IO[bytes], length: int) -> None:
        self.file = file
        self.remaining = length

    def read(self, size: int = -1) -> bytes:
        if self.remaining <= 0:
            return b""
        size = self.remaining if size < 0 else min(size, self.remaining)
        data = self.file.read(size)
        self.remaining -= len(data)
        return data

    def close(self) -> None:
        self.file.close()
