"""How two signatures are recognised as the same person without storing who they are in clear."""

import hashlib
import hmac

from django.conf import settings

# Providers that deliver "first.last+news@" to "firstlast@": their addresses differ only in form.
_IGNORE_DOTS = {"gmail.com"}
_IGNORE_PLUS_TAGS = {
    "gmail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "icloud.com",
    "me.com",
    "protonmail.com",
    "proton.me",
    "fastmail.com",
}
_SAME_MAILBOX_DOMAINS = {"googlemail.com": "gmail.com"}


def normalise_email(email: str) -> str:
    local, _, domain = email.strip().lower().rpartition("@")
    domain = _SAME_MAILBOX_DOMAINS.get(domain, domain)
    if domain in _IGNORE_PLUS_TAGS:
        local = local.split("+", 1)[0]
    if domain in _IGNORE_DOTS:
        local = local.replace(".", "")
    return f"{local}@{domain}"


def keyed_hash(value: str, *, purpose: str) -> str:
    """A keyed hash (HMAC-SHA256): comparable, but not reversible by whoever reads the database."""
    key = f"{settings.PERSONAL_DATA_HASH_KEY}:{purpose}".encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def email_hash(email: str) -> str:
    return keyed_hash(normalise_email(email), purpose="email")


def ip_hash(ip_address: str) -> str:
    return keyed_hash(ip_address, purpose="ip") if ip_address else ""
