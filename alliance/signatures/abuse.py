"""Refusing signatures from robots and floods before anything is stored."""

import ipaddress
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from .identity import ip_hash
from .models import BlockedEmailDomain, BlockedNetwork

BLOCKED = _("We cannot accept signatures from this address. If you think this is a mistake, please contact us.")
TOO_MANY = _(
    "Too many signatures are arriving from your network or e-mail provider. Please try again in a few minutes."
)


def client_ip(request: HttpRequest) -> str:
    """The visitor's address, for rate limits and block lists.

    Behind TRUSTED_PROXIES reverse proxies, REMOTE_ADDR is the nearest proxy's: the visitor's address is
    the one the outermost proxy added to X-Forwarded-For, counted from the end. Entries before it come
    from the visitor's own request and could say anything.
    """
    proxies = settings.TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


BLOCK_LISTS_KEY = "signing-block-lists"


def _block_lists() -> tuple[frozenset[str], tuple[str, ...]]:
    """The blocked domains and networks, from the cache: every signature is checked against them."""
    lists = cache.get(BLOCK_LISTS_KEY)
    if lists is None:
        lists = (
            frozenset(BlockedEmailDomain.objects.values_list("domain", flat=True)),
            tuple(BlockedNetwork.objects.values_list("network", flat=True)),
        )
        cache.set(BLOCK_LISTS_KEY, lists, timeout=None)
    return lists


def forget_block_lists(**kwargs: Any) -> None:
    cache.delete(BLOCK_LISTS_KEY)


def _is_blocked(*, ip_address: str, domain: str) -> bool:
    domains, networks = _block_lists()
    if domain in domains:
        return True
    try:
        address = ipaddress.ip_address(ip_address)
    except ValueError:
        return False
    return any(address in ipaddress.ip_network(network, strict=False) for network in networks)


def signing_refusal(request: HttpRequest, *, email: str) -> tuple[str, int] | None:
    """Why this signature is refused, with the HTTP status to answer; None to accept it.

    The limits are counted in the cache, so with Redis they hold across all app servers.
    """
    ip_address = client_ip(request)
    domain = email.rsplit("@", 1)[-1].strip().lower()
    if _is_blocked(ip_address=ip_address, domain=domain):
        return str(BLOCKED), 403
    limits = (
        ("signing-ip", ip_hash(ip_address), settings.SIGNING_RATE_PER_IP),
        ("signing-domain", domain, settings.SIGNING_RATE_PER_EMAIL_DOMAIN),
    )
    for group, value, rate in limits:
        if is_ratelimited(
            request, group=group, key=lambda _group, _request, value=value: value, rate=rate, increment=True
        ):
            return str(TOO_MANY), 429
    return None
