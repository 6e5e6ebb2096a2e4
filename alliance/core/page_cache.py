"""Whole public pages from the cache, so that a shared link brings a crowd and not a queue.

Visitors without a session (everyone but staff) get the same HTML for the same address, so Wagtail's
routing and rendering run once per page and language for a short while instead of once per visit.
Counters on the page keep themselves fresh from the counter endpoint. Any change to editorial content
moves the cache to a new generation, so an edit shows at once; PAGE_CACHE_SECONDS bounds the rest
(partner lists, counts).
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_max_age

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
        and not response.cookies
        and "private" not in cache_control
        and "no-cache" not in cache_control
        and get_max_age(response) != 0
    )


def cached_for_visitors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def cached_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = f"page-cache:{generation()}:{request.get_host()}:{request.get_full_path()}"
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if _should_store(response):
            cache.set(key, (response.content, dict(response.headers)), settings.PAGE_CACHE_SECONDS)
        return response

    return cached_view
