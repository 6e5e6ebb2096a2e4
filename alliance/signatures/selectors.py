from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from alliance.campaigns.models import Campaign

from .models import Signature, Tally


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
