from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.db.models.functions import TruncDate
from django.utils import timezone

from alliance.campaigns.models import Campaign
from alliance.regions.postcodes import nuts3_for_postal_code

from .identity import email_hash, ip_hash, normalise_email
from .models import Signature, Tally
from .selectors import counter_cache_key
from .tasks import send_signature_email

REMIND_AFTER = timedelta(days=2)


@dataclass(frozen=True)
class SignatureInput:
    kind: str
    name: str
    email: str
    country: str
    language: str
    postal_code: str = ""
    region: str = ""
    organisation_name: str = ""
    organisation_kind: str = ""
    role: str = ""
    website: str = ""
    # Organisations only: left out of the public partner list when False.
    listed: bool = True
    # Already checked and redrawn by the sign form (logos.py); empty without a logo.
    logo_png: bytes = b""
    news_opt_in: bool = False
    # Signed through the widget on a partner's website: the partner's own signature and the page.
    via_partner_id: int | None = None
    via_page: str = ""


@dataclass(frozen=True)
class Referral:
    """The partner website a signature came through, already checked: a public partner, an http(s) page."""

    partner_id: int | None = None
    page: str = ""


def sign_campaign(*, campaign: Campaign, data: SignatureInput, ip_address: str = "") -> Signature:
    """Store a pending signature and queue its confirmation e-mail.

    Signing again with the same address stores nothing new, a new logo included: it queues the
    confirmation again, or an "already signed" e-mail, so the answer on screen never tells who has signed.
    """
    digest = email_hash(data.email)
    subregion = nuts3_for_postal_code(data.country, data.postal_code)
    try:
        with transaction.atomic():
            signature = Signature.objects.create(
                campaign=campaign,
                kind=data.kind,
                name=data.name,
                email=data.email.strip(),
                email_hash=digest,
                email_domain=normalise_email(data.email).rpartition("@")[2],
                country=data.country,
                region=data.region or subregion[:4],
                subregion=subregion,
                organisation_name=data.organisation_name,
                organisation_kind=data.organisation_kind,
                role=data.role,
                website=data.website,
                listed=data.listed,
                language=data.language,
                news_opt_in=data.news_opt_in,
                via_partner_id=data.via_partner_id,
                via_page=data.via_page,
                privacy_consent_at=timezone.now(),
                ip_hash=ip_hash(ip_address),
            )
            # Stored once the row exists, so that a repeated signature leaves no file behind.
            if data.logo_png:
                signature.logo.save("logo.png", ContentFile(data.logo_png), save=False)
                signature.save(update_fields=["logo"])
    except IntegrityError:
        signature = Signature.objects.get(campaign=campaign, email_hash=digest)
    # Sending the form again and again with someone's address must not flood their inbox.
    if cache.add(f"signature-mail:{campaign.pk}:{digest}", True, timeout=settings.SIGNATURE_MAIL_INTERVAL_SECONDS):
        transaction.on_commit(lambda: send_signature_email.enqueue(signature_id=signature.pk))
    return signature


def _tally_keys(signature: Signature) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = [
        (Tally.Dimension.TOTAL, ""),
        (Tally.Dimension.KIND, signature.kind),
        (Tally.Dimension.COUNTRY, signature.country),
    ]
    if signature.region:
        keys.append((Tally.Dimension.REGION, signature.region))
    if signature.confirmed_at:
        keys.append((Tally.Dimension.DAY, timezone.localdate(signature.confirmed_at).isoformat()))
    return keys


def _delete_logos_on_commit(names: list[str | None]) -> None:
    # Only once the rows are gone for good: a rolled-back deletion must find its files.
    for name in filter(None, names):
        transaction.on_commit(partial(Signature.logo.field.storage.delete, name))


def _forget_cached_count(campaign: Campaign) -> None:
    transaction.on_commit(partial(cache.delete, counter_cache_key(campaign.slug)))


def _adjust_tallies(signature: Signature, delta: int) -> None:
    for dimension, key in _tally_keys(signature):
        rows = Tally.objects.filter(campaign_id=signature.campaign_id, dimension=dimension, key=key)
        if rows.update(count=F("count") + delta) or delta < 0:
            continue
        try:
            with transaction.atomic():
                Tally.objects.create(campaign_id=signature.campaign_id, dimension=dimension, key=key, count=delta)
        except IntegrityError:  # another confirmation created the row first
            rows.update(count=F("count") + delta)


@transaction.atomic
def confirm_signature(*, signature: Signature) -> bool:
    """Confirm and count the signature; False when it had been confirmed already."""
    locked = Signature.objects.select_for_update().get(pk=signature.pk)
    if locked.status == Signature.Status.CONFIRMED:
        return False
    locked.status = Signature.Status.CONFIRMED
    locked.confirmed_at = timezone.now()
    locked.save(update_fields=["status", "confirmed_at"])
    _adjust_tallies(locked, +1)
    _forget_cached_count(signature.campaign)
    return True


@transaction.atomic
def withdraw_signature(*, signature: Signature) -> None:
    """Withdraw the signature: it stops counting and its personal data is erased."""
    locked = Signature.objects.select_for_update().filter(pk=signature.pk).first()
    if locked is None:
        return
    if locked.status == Signature.Status.CONFIRMED:
        _adjust_tallies(locked, -1)
        _forget_cached_count(signature.campaign)
    locked.delete()
    _delete_logos_on_commit([locked.logo.name])


def set_news_opt_in(*, signature: Signature, opt_in: bool) -> None:
    Signature.objects.filter(pk=signature.pk).update(news_opt_in=opt_in)


def purge_unconfirmed_signatures(*, now: datetime | None = None) -> int:
    """Delete signatures left unconfirmed for longer than the confirmation period."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.SIGNATURE_CONFIRMATION_DAYS)
    expired = Signature.objects.pending().filter(created_at__lt=cutoff)
    with transaction.atomic():
        _delete_logos_on_commit(list(expired.exclude(logo="").values_list("logo", flat=True)))
        deleted, _ = expired.delete()
    return deleted


def remind_unconfirmed_signatures(*, now: datetime | None = None) -> int:
    """Send the one reminder that an unconfirmed signature gets, two days after signing."""
    now = now or timezone.now()
    due = list(
        Signature.objects.pending()
        .filter(reminded_at__isnull=True, created_at__lt=now - REMIND_AFTER)
        .values_list("pk", flat=True)
    )
    Signature.objects.filter(pk__in=due).update(reminded_at=now)
    for signature_id in due:
        transaction.on_commit(partial(send_signature_email.enqueue, signature_id=signature_id, reminder=True))
    return len(due)


@transaction.atomic
def recount_tallies(*, campaign: Campaign) -> None:
    """Rebuild the campaign's tallies from its confirmed signatures, repairing any drift."""
    confirmed = Signature.objects.confirmed().filter(campaign=campaign)
    counts: dict[tuple[str, str], int] = {(Tally.Dimension.TOTAL, ""): confirmed.count()}
    for dimension, field in (
        (Tally.Dimension.KIND, "kind"),
        (Tally.Dimension.COUNTRY, "country"),
        (Tally.Dimension.REGION, "region"),
    ):
        for key, total in confirmed.order_by().values_list(field).annotate(total=Count("pk")):
            if key or dimension != Tally.Dimension.REGION:  # signatures without a region have no region tally
                counts[(dimension, key)] = total
    for day, total in confirmed.order_by().values_list(TruncDate("confirmed_at")).annotate(total=Count("pk")):
        counts[(Tally.Dimension.DAY, day.isoformat())] = total
    Tally.objects.filter(campaign=campaign).delete()
    Tally.objects.bulk_create(
        Tally(campaign=campaign, dimension=dimension, key=key, count=count)
        for (dimension, key), count in counts.items()
    )
    _forget_cached_count(campaign)


def anonymise_closed_campaigns(*, now: datetime | None = None) -> int:
    """Erase who signed campaigns that closed long enough ago, keeping what the counts and the map need.

    Country, region, kind and organisation name stay; name, e-mail address, contact details and hashes go.
    The logo goes too, as the website does: politicians sign with the same form and may have sent their
    own portrait, which nobody reviews again once the campaign is over. The partner list still names
    the organisation.
    """
    now = now or timezone.now()
    closed_before = now - timedelta(days=settings.SIGNATURE_ANONYMISE_AFTER_DAYS)
    signatures = Signature.objects.filter(campaign__closes_at__lt=closed_before, anonymised_at__isnull=True).order_by(
        "pk"
    )
    anonymised = 0
    for signature in signatures.iterator(chunk_size=1000):
        # The unique (campaign, e-mail hash) pair must hold, so the hash becomes the signature's own id.
        signature.name = None
        signature.email = None
        signature.email_hash = f"anonymised-{signature.pk}"
        signature.ip_hash = ""
        signature.email_domain = ""
        signature.role = ""
        signature.website = ""
        if signature.logo:
            signature.logo.delete(save=False)
        signature.news_opt_in = False
        signature.anonymised_at = now
        signature.save(
            update_fields=[
                "name",
                "email",
                "email_hash",
                "email_domain",
                "ip_hash",
                "role",
                "website",
                "logo",
                "news_opt_in",
                "anonymised_at",
            ]
        )
        anonymised += 1
    return anonymised
