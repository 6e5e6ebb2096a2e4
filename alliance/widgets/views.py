"""The widget partners embed in their websites, and the page that writes its snippet for them."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from alliance.campaigns.models import Campaign
from alliance.content.models import PetitionPage, StandardPage, StatementPage, take_signature
from alliance.core.i18n import localized_page_url
from alliance.core.page_cache import cached_for_visitors
from alliance.partners.selectors import public_partners
from alliance.signatures.forms import SignatureForm
from alliance.signatures.selectors import campaign_count

from .forms import ReferralForm, SnippetForm
from .snippets import snippets_for

# The same form as the campaign's own page, so that signing through the widget is checked the same way.
FORM_CLASSES: dict[str, type[SignatureForm]] = {
    Campaign.Kind.PETITION: PetitionPage.form_class,
    Campaign.Kind.STATEMENT: StatementPage.form_class,
}
SIGN_PAGES: dict[str, type[PetitionPage] | type[StatementPage]] = {
    Campaign.Kind.PETITION: PetitionPage,
    Campaign.Kind.STATEMENT: StatementPage,
}
PARTNERS_SHOWN = 30


def embeddable(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let the sites in WIDGET_FRAME_ANCESTORS (and this one, for the preview) show the page in a frame.

    Outside the page cache, so that a cached page gets the current setting and Django's exemption
    from X-Frame-Options, which is an attribute of the response and not one of its headers.
    """

    @wraps(view)
    def framed_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = "frame-ancestors " + " ".join(
            ["'self'", *settings.WIDGET_FRAME_ANCESTORS]
        )
        return response

    return csrf_exempt(xframe_options_exempt(framed_view))


def _sign_page_url(campaign: Campaign, request: HttpRequest) -> str:
    page = SIGN_PAGES[campaign.kind].objects.live().filter(campaign=campaign).select_related("locale").first()
    return localized_page_url(page, request) if page else ""


def _render_widget(request: HttpRequest, campaign: Campaign, *, status: int = 200, **context: Any) -> HttpResponse:
    privacy_page = StandardPage.objects.live().filter(slug="privacy").first()
    return render(
        request,
        "widgets/widget.html",
        {
            "campaign": campaign,
            "count": campaign_count(campaign),
            "sign_page_url": _sign_page_url(campaign, request),
            "privacy_url": localized_page_url(privacy_page, request) if privacy_page else "",
            **context,
        },
        status=status,
    )


@embeddable
@cached_for_visitors
@require_http_methods(["GET", "HEAD", "POST"])
def widget(request: HttpRequest, slug: str) -> HttpResponse:
    """The counter and the sign form; the partner and their page come in the address and go with the form."""
    campaign = get_object_or_404(Campaign, slug=slug)
    form_class = FORM_CLASSES[campaign.kind]
    if request.method != "POST":
        return _render_widget(request, campaign, form=form_class())
    referral = ReferralForm(request.GET).referral()
    outcome = take_signature(request, campaign=campaign, form_class=form_class, referral=referral)
    if outcome.redirect is not None:
        return outcome.redirect
    return _render_widget(request, campaign, form=outcome.form, status=outcome.status)


@embeddable
@cached_for_visitors
@require_safe
def thanks(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign, slug=slug)
    return _render_widget(request, campaign, signed=True)


@cached_for_visitors
@require_safe
def snippet(request: HttpRequest) -> HttpResponse:
    """Write the snippet for a partner: pick the campaign, find your organisation, choose the language."""
    form = SnippetForm(request.GET, auto_id="widget-%s")
    search = form.partner_search()
    partners = public_partners(**search)[:PARTNERS_SHOWN] if any(search.values()) else []
    campaign = form.chosen_campaign()
    partner = form.chosen_partner()
    return render(
        request,
        "widgets/snippet.html",
        {
            "form": form,
            "partners": partners,
            "partner": partner,
            "campaign": campaign,
            "snippets": snippets_for(
                campaign_slug=campaign.slug, partner_id=partner.pk if partner else None, language=form.valid("language")
            )
            if campaign
            else None,
        },
    )
