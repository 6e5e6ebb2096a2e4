"""The supporter map as open data: every EU-27 NUTS-2 region's supporters as GeoJSON, JSON and CSV.

The figures are those of the map page's table. Each body is kept in the cache under a key derived from
what it shows, like the map drawing, and its ETag is that key, so scripts polling an address get a 304
until a figure or a boundary changes. Anyone's scripts may read them, in a browser too.
"""

import csv
import hashlib
import io
import json
from collections.abc import Callable
from functools import wraps
from typing import Any

import shapely
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from shapely.geometry import mapping

from .map import ATTRIBUTION
from .models import Region
from .nuts import nuts2_regions
from .selectors import MAP_CACHE_SECONDS, RegionRow, region_rows

# The supporter figures are the campaign's own. The boundaries are not: Eurostat GISCO passes them on
# for non-commercial use only, so the licence of the figures cannot cover them.
LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
BOUNDARIES_TERMS = (
    "Eurostat GISCO, NUTS 2024: non-commercial use only (https://ec.europa.eu/eurostat/web/gisco/geodata)"
)
ATTRIBUTION_FIGURES = "#CohesionAlliance"
OPEN_DATA_MAX_AGE = 5 * 60
# Five decimals of a degree, about a metre: far finer than the published boundaries (1:1 million at best).
COORDINATE_GRID = 1e-5
# A cell starting with one of these runs as a formula in a spreadsheet: a leading quote keeps it text.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _open_data(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Read-only, cached by anyone for a while, and readable by scripts on any site: it is public."""

    @require_safe
    @cache_control(public=True, max_age=OPEN_DATA_MAX_AGE)
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped


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


def _version(*shown: object) -> str:
    return hashlib.sha256(json.dumps(shown, sort_keys=True).encode()).hexdigest()[:16]


def _generated() -> str:
    return timezone.now().isoformat(timespec="seconds")


def _conditional(
    request: HttpRequest, *, name: str, version: str, content_type: str, build: Callable[[], str]
) -> HttpResponse:
    """A 304 when the client holds this version, otherwise the body from the cache, built when missing.

    The ETag is weak: a body built again after the cache forgot it shows the same, only a later `generated`.
    """
    etag = f'W/"{version}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        key = f"regions:open-data:{name}:{version}"
        response = HttpResponse(cache.get_or_set(key, build, MAP_CACHE_SECONDS), content_type=content_type)
    response["ETag"] = etag
    return response


def _compact_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _boundary(geometry: str) -> dict[str, Any]:
    """A stored boundary on a grid of five decimals, exterior rings anticlockwise as RFC 7946 advises."""
    shape = shapely.from_geojson(geometry)
    return mapping(shapely.orient_polygons(shapely.set_precision(shape, COORDINATE_GRID), exterior_cw=False))


def _feature_collection(figures: dict[str, dict[str, Any]]) -> str:
    boundaries = Region.objects.nuts2().filter(code__in=list(figures)).order_by("code").values_list("code", "geometry")
    with translation.override(settings.LANGUAGE_CODE):
        attribution = f"{ATTRIBUTION_FIGURES}; {ATTRIBUTION}"
    return _compact_json(
        {
            "type": "FeatureCollection",
            "generated": _generated(),
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


def _region_list(figures: dict[str, dict[str, Any]]) -> str:
    return _compact_json(
        {
            "generated": _generated(),
            "licence": LICENCE,
            "attribution": ATTRIBUTION_FIGURES,
            "regions": _records(figures),
        }
    )


def _cell(value: object) -> str:
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_PREFIXES) else text


def _region_table(figures: dict[str, dict[str, Any]]) -> str:
    records = _records(figures)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(list(records[0]))
    writer.writerows([_cell(value) for value in record.values()] for record in records)
    return out.getvalue()


@_open_data
def regions_geojson(request: HttpRequest) -> HttpResponse:
    loaded, latest = _eu_boundaries_loaded()
    if not loaded:
        message = gettext("The region boundaries have not been loaded yet; regions.json has the figures.")
        return JsonResponse({"error": {"status": 404, "message": message}}, status=404)
    figures = _region_figures(request)
    return _conditional(
        request,
        name="geojson",
        version=_version(figures, loaded, latest),
        content_type="application/geo+json",
        build=lambda: _feature_collection(figures),
    )


@_open_data
def regions_json(request: HttpRequest) -> HttpResponse:
    figures = _region_figures(request)
    return _conditional(
        request,
        name="json",
        version=_version(figures),
        content_type="application/json",
        build=lambda: _region_list(figures),
    )


@_open_data
def regions_csv(request: HttpRequest) -> HttpResponse:
    figures = _region_figures(request)
    response = _conditional(
        request,
        name="csv",
        version=_version(figures),
        content_type="text/csv; charset=utf-8",
        build=lambda: _region_table(figures),
    )
    response["Content-Disposition"] = 'attachment; filename="cohesion-alliance-regions.csv"'
    return response
