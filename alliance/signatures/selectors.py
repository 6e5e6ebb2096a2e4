from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from alliance.campaigns.models import Campaign

from .models import BlockedEmailDomain, Signature, Tally

BUSIEST_LIMIT = 25


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
