"""The e-mails a signer receives, always in the language they signed in."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Signature
from .tokens import CONFIRM, MANAGE, make_token


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send_signature_email(signature: Signature, *, reminder: bool = False) -> None:
    """Ask for confirmation, remind, or tell the signer that they had already signed."""
    if signature.status == Signature.Status.CONFIRMED:
        if reminder:
            return
        template = "already_signed"
    else:
        template = "reminder" if reminder else "confirm"
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "confirm_url": _absolute(reverse("signatures:confirm", args=[make_token(signature, CONFIRM)])),
            "manage_url": _absolute(reverse("signatures:manage", args=[make_token(signature, MANAGE)])),
            "site_url": settings.SITE_URL,
            "days": settings.SIGNATURE_CONFIRMATION_DAYS,
        }
        subject = render_to_string(f"signatures/emails/{template}.subject.txt", context).strip()
        text = render_to_string(f"signatures/emails/{template}.txt", context)
        html = render_to_string(f"signatures/emails/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[signature.email], headers={"Auto-Submitted": "auto-generated"}
    )
    message.attach_alternative(html, "text/html")
    message.send()
