from dataclasses import dataclass

from django.db.models import Sum

from alliance.campaigns.models import Campaign

from .models import Tally


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


@dataclass(frozen=True)
class SignatureCounts:
    organisations: int
    individuals: int


def signature_counts() -> SignatureCounts:
    """Confirmed signatures of the statement (organisations) and of the petition (citizens), all campaigns."""
    totals = dict(
        Tally.objects.filter(dimension=Tally.Dimension.TOTAL)
        .values("campaign__kind")
        .annotate(total=Sum("count"))
        .values_list("campaign__kind", "total")
    )
    return SignatureCounts(
        organisations=totals.get(Campaign.Kind.STATEMENT, 0), individuals=totals.get(Campaign.Kind.PETITION, 0)
    )
