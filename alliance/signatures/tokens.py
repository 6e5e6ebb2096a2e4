"""Signed links for the signer's e-mails: nothing is stored, and a link stops working once its signature is gone."""

from datetime import timedelta

from django.conf import settings
from django.core import signing

from .models import Signature

CONFIRM = "confirm"
MANAGE = "manage"


def make_token(signature: Signature, purpose: str) -> str:
    # The hash prefix ties the link to this signer: a new signature that reuses the id gets new links.
    return signing.dumps([signature.pk, signature.email_hash[:16]], salt=f"signatures.{purpose}", compress=True)


def signature_for_token(token: str, purpose: str) -> Signature | None:
    max_age = timedelta(days=settings.SIGNATURE_CONFIRMATION_DAYS) if purpose == CONFIRM else None
    try:
        signature_id, hash_prefix = signing.loads(token, salt=f"signatures.{purpose}", max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (
        Signature.objects.select_related("campaign").filter(pk=signature_id, email_hash__startswith=hash_prefix).first()
    )
