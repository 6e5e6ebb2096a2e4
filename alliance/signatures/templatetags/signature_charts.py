from dataclasses import dataclass

from django import template

from alliance.campaigns.models import Campaign
from alliance.signatures.selectors import DailyActivity, DailyCount, daily_counts

register = template.Library()

CHART_HEIGHT = 100
BAR_PITCH = 10


@dataclass(frozen=True)
class Bar:
    count: DailyCount
    x: int
    y: float
    height: float


@register.inclusion_tag("signatures/includes/daily_chart.html")
def daily_chart(campaign: Campaign, days: int = 30) -> dict:
    """Confirmed signatures per day as an SVG bar chart drawn on the server, with its data as a table."""
    counts = daily_counts(campaign, days=days)
    highest = max((count.confirmed for count in counts), default=0) or 1
    bars = []
    for index, count in enumerate(counts):
        height = CHART_HEIGHT * count.confirmed / highest
        bars.append(Bar(count=count, x=index * BAR_PITCH, y=CHART_HEIGHT - height, height=height))
    return {
        "campaign": campaign,
        "bars": bars,
        "width": len(bars) * BAR_PITCH,
        "height": CHART_HEIGHT,
        "total": sum(count.confirmed for count in counts),
        "highest": highest,
    }


@dataclass(frozen=True)
class ActivityBars:
    activity: DailyActivity
    x: int
    confirmed_height: float
    pending_height: float

    @property
    def confirmed_y(self) -> float:
        return CHART_HEIGHT - self.confirmed_height

    @property
    def pending_y(self) -> float:
        return CHART_HEIGHT - self.pending_height

    @property
    def pending_x(self) -> int:
        return self.x + BAR_PITCH // 2


@register.inclusion_tag("signatures/admin/activity_chart.html")
def activity_chart(activity: list[DailyActivity]) -> dict:
    """Confirmed and still unconfirmed signatures per day, side by side, with the data as a table."""
    highest = max((max(day.confirmed, day.pending) for day in activity), default=0) or 1
    bars = [
        ActivityBars(
            activity=day,
            x=index * BAR_PITCH,
            confirmed_height=CHART_HEIGHT * day.confirmed / highest,
            pending_height=CHART_HEIGHT * day.pending / highest,
        )
        for index, day in enumerate(activity)
    ]
    return {"bars": bars, "width": len(bars) * BAR_PITCH, "height": CHART_HEIGHT}
