from dataclasses import replace

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_http_methods, require_safe

from alliance.campaigns.models import Campaign

from . import services
from .abuse import client_ip
from .forms import SignatureForm
from .models import Signature
from .selectors import campaign_count, counter_cache_key
from .tokens import CONFIRM, MANAGE, signature_for_token

COUNTER_SECONDS = 10


def accept_signature(
    request: HttpRequest, *, campaign: Campaign, form: SignatureForm, referral: services.Referral | None = None
) -> None:
    """Sign with a valid form: store and queue the e-mail, unless a robot filled in the trap field."""
    if form.is_from_a_robot:
        return
    data = form.signature_input(language=translation.get_language() or "en")
    if referral is not None:
        data = replace(data, via_partner_id=referral.partner_id, via_page=referral.page)
    services.sign_campaign(campaign=campaign, data=data, ip_address=client_ip(request))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    # Opening the link only shows a button: mail scanners that follow links do not confirm anything.
    signature = signature_for_token(token, CONFIRM)
    if signature is None:
        return render(request, "signatures/link_invalid.html", status=404)
    if signature.status == Signature.Status.CONFIRMED:
        state = "already_confirmed"
    elif request.method == "POST":
        services.confirm_signature(signature=signature)
        state = "confirmed"
    else:
        state = "pending"
    return render(
        request,
        "signatures/confirm.html",
        {"state": state, "signature": signature, "count": campaign_count(signature.campaign)},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    signature = signature_for_token(token, MANAGE)
    if signature is None:
        return render(request, "signatures/link_invalid.html", status=404)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "withdraw":
            services.withdraw_signature(signature=signature)
            return render(request, "signatures/withdrawn.html")
        if action in {"news-on", "news-off"}:
            services.set_news_opt_in(signature=signature, opt_in=action == "news-on")
            signature.refresh_from_db()
            return render(request, "signatures/manage.html", {"signature": signature, "saved": True})
    return render(request, "signatures/manage.html", {"signature": signature})


@require_safe
@cache_control(public=True, max_age=COUNTER_SECONDS, stale_while_revalidate=3 * COUNTER_SECONDS)
def counter(request: HttpRequest, slug: str) -> JsonResponse:
    """The campaign's confirmed-signature count, cheap enough to poll and to put behind a CDN."""
    payload = cache.get(counter_cache_key(slug))
    if payload is None:
        campaign = get_object_or_404(Campaign, slug=slug)
        count = campaign_count(campaign)
        payload = {
            "campaign": campaign.slug,
            "confirmed": count.confirmed,
            "goal": campaign.goal or None,
            "open": campaign.is_open,
            "generated_at": timezone.now().isoformat(timespec="seconds"),
        }
        cache.set(counter_cache_key(slug), payload, COUNTER_SECONDS)
    return JsonResponse(payload)
