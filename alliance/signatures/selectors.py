from dataclasses import dataclass

from django.db.models import QuerySet

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
