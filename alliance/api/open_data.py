"""What every open data file shares, the map's and the downloads': terms, caching, reading from any site.

Each body is kept in the cache under a key derived from what it shows, and its ETag is that key, so
scripts polling an address get a 304 until a figure changes. CSV files start with their terms as
lines beginning with `#`, before the header row.
"""

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from rest_framework.exceptions import Throttled
from rest_framework.request import Request

from alliance.core.spreadsheets import spreadsheet_cell

from .errors import error_body
from .licence import ATTRIBUTION, LICENCE
from .throttling import ApiRateThrottle

OPEN_DATA_MAX_AGE = 5 * 60
# A body is found by what it shows, so it is never stale: the timeout only bounds what the cache holds.
BODY_CACHE_SECONDS = 24 * 60 * 60
SAFE_METHODS = ("GET", "HEAD")


def _refused(status: int, message: str) -> JsonResponse:
    return JsonResponse(error_body(status, message), status=status)


def open_data(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Read-only, within the API's rate limit, cached by anyone for a while, readable by scripts on any site.

    Exempt from the CSRF check so that a POST gets the API's 405 rather than the site's 403 page: these
    views refuse anything but reading.
    """

    @csrf_exempt
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        throttle = ApiRateThrottle()
        if request.method not in SAFE_METHODS:
            response: HttpResponse = _refused(405, gettext("Only GET and HEAD are allowed here."))
            response["Allow"] = ", ".join(SAFE_METHODS)
        elif not throttle.allow_request(Request(request), None):
            over = Throttled(throttle.wait())
            response = _refused(429, str(over.detail))
            response["Retry-After"] = str(over.wait)
        else:
            response = view(request, *args, **kwargs)
            if response.status_code in (200, 304):
                patch_cache_control(response, public=True, max_age=OPEN_DATA_MAX_AGE)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped


def version(*shown: object) -> str:
    """A short digest of what a body shows, for its cache key and ETag."""
    return hashlib.sha256(json.dumps(shown, sort_keys=True, default=str).encode()).hexdigest()[:16]


def generated_now() -> str:
    return timezone.now().isoformat(timespec="seconds")


def conditional(
    request: HttpRequest, *, name: str, version: str, content_type: str, build: Callable[[], str]
) -> HttpResponse:
    """A 304 when the client holds this version, otherwise the body from the cache, built when missing.

    The ETag is weak: a body built again after the cache forgot it shows the same, only a later `generated`.
    """
    etag = f'W/"{version}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        body = cache.get_or_set(f"open-data:{name}:{version}", build, BODY_CACHE_SECONDS)
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    return response


def compact_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def json_document(name: str, records: list[dict[str, Any]]) -> str:
    """The records under `name`, after the terms and the time the body was generated."""
    return compact_json({"licence": LICENCE, "attribution": ATTRIBUTION, "generated": generated_now(), name: records})


def csv_document(header: list[str], rows: Iterable[Iterable[object]]) -> str:
    """The terms as `#` lines, then the table; text is quoted, so a `#` inside a name never starts a comment."""
    out = io.StringIO()
    for label, value in (("Licence", LICENCE), ("Attribution", ATTRIBUTION), ("Generated", generated_now())):
        out.write(f"# {label}: {value}\r\n")
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(header)
    writer.writerows([value if isinstance(value, int) else spreadsheet_cell(value) for value in row] for row in rows)
    return out.getvalue()


def attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
