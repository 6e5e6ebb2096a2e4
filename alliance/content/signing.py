"""Sign forms posted straight to their campaign, without walking the page tree.

When a shared link brings a crowd, every signature is a POST to a sign page. Wagtail would find the
site, walk the tree and check view restrictions for each one, which costs more than storing the
signature. The addresses of the sign pages are few and change only when content does, so they are
kept in the cache (one page-cache generation long) and a POST to one of them is taken at once. The
page itself is loaded only when the form has to be shown again.
"""

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from alliance.campaigns.models import Campaign
from alliance.core import page_cache

from .models import PetitionPage, SigningPageMixin, StatementPage, take_signature

SigningTarget = tuple[str, int, int]


def signing_pages_by_path() -> dict[str, SigningTarget]:
    """The address of every live, unrestricted sign page: its model label, page id and campaign id."""
    key = f"content:signing-pages:{page_cache.generation()}"
    pages = cache.get(key)
    if pages is None:
        pages = {}
        for model in (StatementPage, PetitionPage):
            for page in model.objects.live().filter(campaign__isnull=False):
                url = page.get_url()
                if url and url.startswith("/") and not page.get_view_restrictions().exists():
                    pages[url] = (model._meta.label, page.pk, page.campaign_id)
        cache.set(key, pages, timeout=3600)
    return pages


def _answer(request: HttpRequest, target: SigningTarget) -> HttpResponse:
    label, page_id, campaign_id = target
    model = apps.get_model(label)
    outcome = take_signature(
        request, campaign=Campaign.objects.filter(pk=campaign_id).first(), form_class=model.form_class
    )
    if outcome.redirect is not None:
        return outcome.redirect
    page: SigningPageMixin = model.objects.get(pk=page_id)
    return page.render_sign_form_again(request, outcome)


def sign_without_routing(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def signing_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            target = signing_pages_by_path().get(request.path)
            if target is not None:
                return _answer(request, target)
        return view(request, *args, **kwargs)

    return signing_view
