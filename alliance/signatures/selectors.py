from dataclasses import dataclass

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
