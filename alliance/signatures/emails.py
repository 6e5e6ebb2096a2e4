"""The e-mails a signer receives, always in the language they signed in."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from alliance.core.emails import absolute_url, send_templated_email

from .models import Signature
from .tokens import CONFIRM, MANAGE, make_token


def send_signature_email(signature: Signature, *, reminder: bool = False) -> None:
    """Ask for confirmation, remind, or tell the signer that they had already signed."""
    if signature.status == Signature.Status.CONFIRMED:
        if reminder:
            return
        template = "already_signed"
    else:
        template = "reminder" if reminder else "confirm"
    # Links carry the signer's language prefix.
    with translation.override(signature.language):
        context = {
            "signature": signature,
            "confirm_url": absolute_url(reverse("signatures:confirm", args=[make_token(signature, CONFIRM)])),
            "manage_url": absolute_url(reverse("signatures:manage", args=[make_token(signature, MANAGE)])),
            "site_url": settings.SITE_URL,
            "days": settings.SIGNATURE_CONFIRMATION_DAYS,
        }
    send_templated_email(
        template=f"signatures/emails/{template}", context=context, to=signature.email, language=signature.language
    )
