from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django_countries import countries

from alliance.campaigns.models import Campaign

from .models import BlockedEmailDomain, Signature, Tally

BUSIEST_LIMIT = 25
TOP_PAGES_LIMIT = 20


@dataclass(frozen=True)
class CampaignCount:
    campaign: Campaign
    confirmed: int

    @property
    def progress(self) -> float | None:
        """Share of the goal reached, from 0 to 1; None without a goal."""
        if not self.campaign.goal:
            return None
        return min(1.0, self.confirmed / self.campaign.goal)


def counter_cache_key(slug: str) -> str:
    """Where the counter endpoint caches a campaign's count; services forget it when the count changes."""
    return f"signatures:counter:{slug}"


def campaign_count(campaign: Campaign) -> CampaignCount:
    tally = Tally.objects.filter(campaign=campaign, dimension=Tally.Dimension.TOTAL, key="").first()
    return CampaignCount(campaign=campaign, confirmed=tally.count if tally else 0)


def signatures_for_export(
    *, campaign: Campaign, status: str = "", country: str = "", news_opt_in: bool | None = None
) -> QuerySet[Signature]:
    signatures = Signature.objects.filter(campaign=campaign).order_by("pk")
    if status:
        signatures = signatures.filter(status=status)
    if country:
        signatures = signatures.filter(country=country)
    if news_opt_in is not None:
        signatures = signatures.filter(news_opt_in=news_opt_in)
    return signatures


@dataclass(frozen=True)
class DailyCount:
    day: date
    confirmed: int


def daily_counts(campaign: Campaign, *, days: int = 30) -> list[DailyCount]:
    """Signatures confirmed on each of the last `days` days, oldest first, days without any included."""
    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    stored = dict(
        Tally.objects.filter(campaign=campaign, dimension=Tally.Dimension.DAY, key__gte=first.isoformat()).values_list(
            "key", "count"
        )
    )
    return [
        DailyCount(day=day, confirmed=stored.get(day.isoformat(), 0))
        for day in (first + timedelta(days=offset) for offset in range(days))
    ]


@dataclass(frozen=True)
class SourceActivity:
    """What one source (an IP address hash or an e-mail domain) signed within a time window."""

    source: str
    signatures: int
    confirmed: int
    campaigns: tuple[str, ...]
    first_at: datetime
    last_at: datetime
    # Known for e-mail domains only: the block list holds address ranges, which no hash can be matched to.
    blocked: bool = False


def _busiest(field: str, *, since: datetime, limit: int, **annotations: Exists) -> list[SourceActivity]:
    recent = Signature.objects.filter(created_at__gte=since).exclude(**{field: ""})
    rows = list(
        recent.values(field)
        .annotate(
            signatures=Count("pk"),
            confirmed=Count("pk", filter=Q(status=Signature.Status.CONFIRMED)),
            first_at=Min("created_at"),
            last_at=Max("created_at"),
            **annotations,
        )
        .order_by("-signatures", "-last_at", field)[:limit]
    )
    campaigns: defaultdict[str, list[str]] = defaultdict(list)
    titles = (
        recent.filter(**{f"{field}__in": [row[field] for row in rows]})
        .values_list(field, "campaign__title")
        .order_by(field, "campaign__title")
        .distinct()
    )
    for source, title in titles:
        campaigns[source].append(title)
    return [
        SourceActivity(
            source=row[field],
            signatures=row["signatures"],
            confirmed=row["confirmed"],
            campaigns=tuple(campaigns[row[field]]),
            first_at=row["first_at"],
            last_at=row["last_at"],
            blocked=row.get("blocked", False),
        )
        for row in rows
    ]


def busiest_ip_hashes(*, since: datetime, limit: int = BUSIEST_LIMIT) -> list[SourceActivity]:
    """The IP address hashes that signed most since `since`, busiest first, in two queries at most."""
    return _busiest("ip_hash", since=since, limit=limit)


def busiest_email_domains(*, since: datetime, limit: int = BUSIEST_LIMIT) -> list[SourceActivity]:
    """The e-mail domains that signed most since `since`, busiest first, in two queries at most."""
    blocked = Exists(BlockedEmailDomain.objects.filter(domain=OuterRef("email_domain")))
    return _busiest("email_domain", since=since, limit=limit, blocked=blocked)


def period_start(days: int) -> datetime:
    """The start of the first of the last `days` days, today included, in the site's time zone."""
    first = timezone.localdate() - timedelta(days=days - 1)
    return timezone.make_aware(datetime.combine(first, time.min))


@dataclass(frozen=True)
class DailyActivity:
    day: date
    # Confirmed on that day, as the public chart counts them.
    confirmed: int
    # Sent on that day and still waiting for confirmation.
    pending: int


def daily_activity(campaign: Campaign, *, days: int) -> list[DailyActivity]:
    """Each of the last `days` days, oldest first: signatures confirmed, and signatures sent but unconfirmed."""
    pending = dict(
        Signature.objects.pending()
        .filter(campaign=campaign, created_at__gte=period_start(days))
        .order_by()
        .values_list(TruncDate("created_at"))
        .annotate(total=Count("pk"))
    )
    return [
        DailyActivity(day=count.day, confirmed=count.confirmed, pending=pending.get(count.day, 0))
        for count in daily_counts(campaign, days=days)
    ]


@dataclass(frozen=True)
class ConfirmationRate:
    confirmed: int
    sent: int

    @property
    def percentage(self) -> float | None:
        return 100 * self.confirmed / self.sent if self.sent else None


@dataclass(frozen=True)
class ConfirmationRates:
    period: ConfirmationRate
    overall: ConfirmationRate


def confirmation_rates(campaign: Campaign, *, since: datetime) -> ConfirmationRates:
    """Of the signatures sent since `since`, and of all, how many were confirmed; one query."""
    is_confirmed = Q(status=Signature.Status.CONFIRMED)
    is_recent = Q(created_at__gte=since)
    totals = Signature.objects.filter(campaign=campaign).aggregate(
        sent=Count("pk"),
        confirmed=Count("pk", filter=is_confirmed),
        recent_sent=Count("pk", filter=is_recent),
        recent_confirmed=Count("pk", filter=is_recent & is_confirmed),
    )
    return ConfirmationRates(
        period=ConfirmationRate(confirmed=totals["recent_confirmed"], sent=totals["recent_sent"]),
        overall=ConfirmationRate(confirmed=totals["confirmed"], sent=totals["sent"]),
    )


_CONFIRMED = Count("pk", filter=Q(status=Signature.Status.CONFIRMED))
_PENDING = Count("pk", filter=Q(status=Signature.Status.PENDING))


def _sent_since(campaign: Campaign, since: datetime) -> QuerySet[Signature]:
    return Signature.objects.filter(campaign=campaign, created_at__gte=since).order_by()


@dataclass(frozen=True)
class CountryActivity:
    # Empty for signatures from outside the EU.
    country: str
    confirmed: int
    pending: int
    # Percentage of the period's confirmed signatures.
    share: float

    @property
    def country_name(self) -> str:
        return str(countries.name(self.country)) if self.country else ""


def signatures_by_country(campaign: Campaign, *, since: datetime) -> list[CountryActivity]:
    """Signatures sent since `since` per country, most confirmed first; one query."""
    rows = list(
        _sent_since(campaign, since)
        .values("country")
        .annotate(confirmed=_CONFIRMED, pending=_PENDING)
        .order_by("-confirmed", "-pending", "country")
    )
    confirmed = sum(row["confirmed"] for row in rows) or 1
    return [
        CountryActivity(
            country=row["country"],
            confirmed=row["confirmed"],
            pending=row["pending"],
            share=100 * row["confirmed"] / confirmed,
        )
        for row in rows
    ]


@dataclass(frozen=True)
class PartnerReferrals:
    """The signatures that came through one partner's widget."""

    partner_id: int
    organisation_name: str
    organisation_kind: str
    confirmed: int
    signatures: int

    @property
    def organisation_kind_label(self) -> str:
        return str(dict(Signature.OrganisationKind.choices).get(self.organisation_kind, ""))


def signatures_by_partner(campaign: Campaign, *, since: datetime) -> list[PartnerReferrals]:
    """Signatures sent since `since` through each partner's widget, most confirmed first; one query."""
    rows = (
        _sent_since(campaign, since)
        .filter(via_partner__isnull=False)
        .values(
            partner=F("via_partner"),
            partner_name=F("via_partner__organisation_name"),
            partner_kind=F("via_partner__organisation_kind"),
        )
        .annotate(confirmed=_CONFIRMED, signatures=Count("pk"))
        .order_by("-confirmed", "-signatures", "partner_name", "partner")
    )
    return [
        PartnerReferrals(
            partner_id=row["partner"],
            organisation_name=row["partner_name"],
            organisation_kind=row["partner_kind"],
            confirmed=row["confirmed"],
            signatures=row["signatures"],
        )
        for row in rows
    ]


@dataclass(frozen=True)
class PageReferrals:
    page: str
    confirmed: int
    signatures: int


def top_partner_pages(campaign: Campaign, *, since: datetime, limit: int = TOP_PAGES_LIMIT) -> list[PageReferrals]:
    """The partner pages through which most signatures were sent since `since`; one query."""
    rows = (
        _sent_since(campaign, since)
        .exclude(via_page="")
        .values("via_page")
        .annotate(confirmed=_CONFIRMED, signatures=Count("pk"))
        .order_by("-signatures", "-confirmed", "via_page")[:limit]
    )
    return [
        PageReferrals(page=row["via_page"], confirmed=row["confirmed"], signatures=row["signatures"]) for row in rows
    ]
