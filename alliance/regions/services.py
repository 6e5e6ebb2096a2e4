import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .models import Region
from .sources import Boundaries

_STORED_FIELDS = ["level", "country", "name", "geometry", "label_longitude", "label_latitude", "inset", "source"]


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    unchanged: int


@transaction.atomic
def store_boundaries(*, boundaries: Boundaries) -> LoadResult:
    """Create or update a region for every boundary read; regions the source does not mention stay as they are.

    A region whose stored values are already those read keeps its load time, so loading the same
    files again changes nothing.
    """
    now = timezone.now()
    existing = {region.code: region for region in Region.objects.select_for_update()}
    created: list[Region] = []
    updated: list[Region] = []
    for code, shape in boundaries.regions.items():
        point = boundaries.points.get(code)
        values = {
            "level": shape.level,
            "country": shape.country,
            "name": shape.name,
            "geometry": json.dumps(shape.geometry, separators=(",", ":")),
            "label_longitude": point.longitude if point else None,
            "label_latitude": point.latitude if point else None,
            "inset": shape.inset,
            "source": shape.source,
        }
        region = existing.get(code)
        if region is None:
            created.append(Region(code=code, loaded_at=now, **values))
        elif any(getattr(region, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(region, name, value)
            region.loaded_at = now
            updated.append(region)
    Region.objects.bulk_create(created)
    Region.objects.bulk_update(updated, [*_STORED_FIELDS, "loaded_at"])
    return LoadResult(
        created=len(created), updated=len(updated), unchanged=len(boundaries.regions) - len(created) - len(updated)
    )
