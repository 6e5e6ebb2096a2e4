"""Whole public pages from the cache, so that a shared link brings a crowd and not a queue.

Visitors without a session (everyone but staff) get the same HTML for the same address, so Wagtail's
routing and rendering run once per page and language for a short while instead of once per visit.
Counters on the page keep themselves fresh from the counter endpoint. Any change to editorial content
moves the cache to a new generation, so an edit shows at once; PAGE_CACHE_SECONDS bounds the rest
(partner lists, counts).
"""

import gzip
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_max_age, patch_vary_headers

GENERATION_KEY = "page-cache:generation"
# Models whose changes can show on public pages; signatures are left out, they change all the time.
CONTENT_APPS = {"wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "content", "campaigns"}


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None) or 1


def forget_pages(**kwargs: Any) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, timeout=None)


def forget_pages_when_content_changes(sender: type[Model], **kwargs: Any) -> None:
    if sender._meta.app_label in CONTENT_APPS:
        forget_pages()


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _should_store(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.has_header("Content-Encoding")
        and not response.cookies
        and "private" not in cache_control
        and "no-cache" not in cache_control
        and get_max_age(response) != 0
    )


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def _from_cache(request: HttpRequest, stored: tuple[bytes, dict[str, str]]) -> HttpResponse:
    compressed, headers = stored
    if _accepts_gzip(request):
        return HttpResponse(compressed, headers={**headers, "Content-Encoding": "gzip"})
    return HttpResponse(gzip.decompress(compressed), headers=headers)


def cached_for_visitors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve `view` from the cache to visitors without a session.

    Pages are kept gzipped, compressed once when stored rather than on every visit: a fifth of the
    bytes to fetch from the cache and to send, and nothing to compress in front of the site.
    """

    def cached_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = f"page-cache:{generation()}:{request.get_host()}:{request.get_full_path()}"
        stored = cache.get(key)
        if stored is not None:
            return _from_cache(request, stored)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        patch_vary_headers(response, ("Accept-Encoding",))
        if _should_store(response):
            # No timestamp in the header: every server keeps the same bytes, so the ETag agrees too.
            stored = (gzip.compress(response.content, compresslevel=6, mtime=0), dict(response.headers))
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
            return _from_cache(request, stored)
        return response

    return cached_view
