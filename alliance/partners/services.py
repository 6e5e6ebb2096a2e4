from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from alliance.signatures.models import Signature

from .models import Partner

VERIFY_ACTION = "alliance.partners.verify"
UNVERIFY_ACTION = "alliance.partners.unverify"


@transaction.atomic
def verify_partner(*, signature: Signature, user: User | None) -> bool:
    """Record that staff have checked who signed for the organisation; False when it was verified already."""
    partner = Partner.objects.select_for_update().get(pk=signature.pk, kind=Signature.Kind.ORGANISATION)
    if partner.verified_at is not None:
        return False
    partner.verified_at = timezone.now()
    partner.verified_by = user
    partner.save(update_fields=["verified_at", "verified_by"])
    log(instance=partner, action=VERIFY_ACTION, user=user)
    return True


@transaction.atomic
def unverify_partner(*, signature: Signature, user: User | None) -> bool:
    """Withdraw the verification: an institutional partner leaves the public list. False when it was not verified."""
    partner = Partner.objects.select_for_update().get(pk=signature.pk, kind=Signature.Kind.ORGANISATION)
    if partner.verified_at is None:
        return False
    partner.verified_at = None
    partner.verified_by = None
    partner.save(update_fields=["verified_at", "verified_by"])
    log(instance=partner, action=UNVERIFY_ACTION, user=user)
    return True
