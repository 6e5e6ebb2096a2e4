from dataclasses import dataclass

from django.db.models import Count

from .models import Region
from .nuts import nuts2_regions


@dataclass(frozen=True)
class Coverage:
    expected: int
    loaded: int
    missing: list[str]


def regions_per_level() -> dict[int, int]:
    rows = Region.objects.order_by().values_list("level").annotate(count=Count("pk"))
    return dict(rows)


def eu_nuts2_coverage() -> Coverage:
    """How many of the official EU-27 NUTS-2 regions (NUTS 2024, without Extra-Regio) have a boundary."""
    expected = nuts2_regions()
    loaded = set(Region.objects.nuts2().filter(code__in=expected).values_list("code", flat=True))
    return Coverage(
        expected=len(expected), loaded=len(loaded), missing=[code for code in expected if code not in loaded]
    )
