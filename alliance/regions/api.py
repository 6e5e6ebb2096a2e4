"""The supporter map as open data: every EU-27 NUTS-2 region's supporters as GeoJSON, JSON and CSV.

The figures are those of the map page's table; caching, terms and CSV layout are those of every open
data file (alliance/api/open_data.py), so scripts polling an address get a 304 until a figure or a
boundary changes.
"""

from typing import Any

import shapely
from django.conf import settings
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from shapely.geometry import mapping

from alliance.api.errors import error_body
from alliance.api.licence import ATTRIBUTION as ATTRIBUTION_FIGURES
from alliance.api.licence import LICENCE
from alliance.api.open_data import (
    attachment,
    compact_json,
    conditional,
    csv_document,
    generated_now,
    json_document,
    open_data,
    version,
)

from .map import ATTRIBUTION
from .models import Region
from .nuts import nuts2_regions
from .selectors import RegionRow, region_rows

# The supporter figures are the campaign's own. The boundaries are not: Eurostat GISCO passes them on
# for non-commercial use only, so the licence of the figures cannot cover them.
BOUNDARIES_TERMS = (
    "Eurostat GISCO, NUTS 2024: non-commercial use only (https://ec.europa.eu/eurostat/web/gisco/geodata)"
)
# Five decimals of a degree, about a metre: far finer than the published boundaries (1:1 million at best).
COORDINATE_GRID = 1e-5


def _figures(row: RegionRow, *, url: str) -> dict[str, Any]:
    return {
        "name": row.name,
        "country": row.country,
        "kind": row.kind,
        "regional_authorities": row.regional_authorities,
        "local_authorities": row.local_authorities,
        "associations": row.associations,
        "partners": row.partners,
        "individual_supporters": row.individuals,
        "url": url,
    }


def _region_figures(request: HttpRequest) -> dict[str, dict[str, Any]]:
    """Every EU-27 NUTS-2 region's figures by code, in code order, linking to its page in the default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return {
            row.code: _figures(
                row, url=request.build_absolute_uri(reverse("regions:region", kwargs={"code": row.code}))
            )
            for row in sorted(region_rows(), key=lambda row: row.code)
        }


def _eu_boundaries_loaded() -> tuple[int, str]:
    """How many EU-27 NUTS-2 boundaries are stored and when the latest changed: enough to tell a new load."""
    loaded = (
        Region.objects.nuts2()
        .filter(code__in=list(nuts2_regions()))
        .aggregate(count=Count("pk"), latest=Max("loaded_at"))
    )
    return loaded["count"], str(loaded["latest"])


def _boundary(geometry: str) -> dict[str, Any]:
    """A stored boundary on a grid of five decimals, exterior rings anticlockwise as RFC 7946 advises."""
    shape = shapely.from_geojson(geometry)
    return mapping(shapely.orient_polygons(shapely.set_precision(shape, COORDINATE_GRID), exterior_cw=False))


def _feature_collection(figures: dict[str, dict[str, Any]]) -> str:
    boundaries = Region.objects.nuts2().filter(code__in=list(figures)).order_by("code").values_list("code", "geometry")
    with translation.override(settings.LANGUAGE_CODE):
        attribution = f"{ATTRIBUTION_FIGURES}; {ATTRIBUTION}"
    return compact_json(
        {
            "type": "FeatureCollection",
            "generated": generated_now(),
            "licence": LICENCE,
            "boundaries_licence": BOUNDARIES_TERMS,
            "attribution": attribution,
            "features": [
                {
                    "type": "Feature",
                    "id": code,
                    "geometry": _boundary(geometry),
                    "properties": {"nuts_id": code, **figures[code]},
                }
                for code, geometry in boundaries
            ],
        }
    )


def _records(figures: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"code": code, **values} for code, values in figures.items()]


def _region_table(figures: dict[str, dict[str, Any]]) -> str:
    records = _records(figures)
    return csv_document(list(records[0]), [record.values() for record in records])


@open_data
def regions_geojson(request: HttpRequest) -> HttpResponse:
    loaded, latest = _eu_boundaries_loaded()
    if not loaded:
        message = gettext("The region boundaries have not been loaded yet; regions.json has the figures.")
        return JsonResponse(error_body(404, message), status=404)
    figures = _region_figures(request)
    return conditional(
        request,
        name="regions.geojson",
        version=version(figures, loaded, latest),
        content_type="application/geo+json",
        build=lambda: _feature_collection(figures),
    )


@open_data
def regions_json(request: HttpRequest) -> HttpResponse:
    figures = _region_figures(request)
    return conditional(
        request,
        name="regions.json",
        version=version(figures),
        content_type="application/json",
        build=lambda: json_document("regions", _records(figures)),
    )


@open_data
def regions_csv(request: HttpRequest) -> HttpResponse:
    figures = _region_figures(request)
    response = conditional(
        request,
        name="regions.csv",
        version=version(figures),
        content_type="text/csv; charset=utf-8",
        build=lambda: _region_table(figures),
    )
    return attachment(response, "cohesion-alliance-regions.csv")
