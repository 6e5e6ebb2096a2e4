import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum
from django.urls import reverse
from django.utils import translation
from django_countries import countries
from shapely.geometry import shape

from alliance.partners.models import Partner
from alliance.partners.selectors import public_partners
from alliance.signatures.models import Signature, Tally

from .map import (
    KINDS_LAYER,
    LOCAL,
    NONE,
    REGION,
    Outline,
    Shading,
    render_map,
    strongest_kinds,
    supporter_band,
)
from .models import Region
from .nuts import country_of, nuts2_regions
from .png import svg_to_png

# The drawing's key changes with what it shows; the timeout only clears out keys nobody asks for any more.
MAP_CACHE_SECONDS = 24 * 60 * 60

_REGIONAL = Signature.OrganisationKind.REGIONAL_AUTHORITY
_LOCAL = Signature.OrganisationKind.LOCAL_AUTHORITY
_ASSOCIATION = Signature.OrganisationKind.NATIONAL_ASSOCIATION


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


@dataclass
class RegionSupporters:
    """Counts of publicly listed authorities: regional and local ones by NUTS-2 code, associations by country."""

    regional: dict[str, int] = field(default_factory=dict)
    local: dict[str, int] = field(default_factory=dict)
    associations: dict[str, int] = field(default_factory=dict)


def map_outlines() -> list[Outline]:
    """Every stored boundary, ready to draw."""
    rows = Region.objects.order_by("code").values_list("code", "level", "country", "name", "geometry")
    return [
        Outline(code=code, level=level, country=country, name=name, geometry=shape(json.loads(geometry)))
        for code, level, country, name, geometry in rows
    ]


def has_geometry() -> bool:
    return Region.objects.nuts2().exists()


def region_supporters() -> RegionSupporters:
    """Publicly listed authorities by region and national associations by country, in one query."""
    kinds = (_REGIONAL, _LOCAL, _ASSOCIATION)
    rows = (
        public_partners()
        .filter(organisation_kind__in=kinds)
        .order_by()
        .values_list("organisation_kind", "region", "country")
        .annotate(count=Count("pk"))
    )
    supporters = RegionSupporters()
    for kind, region, country, count in rows:
        if kind == _ASSOCIATION and country:
            supporters.associations[country] = supporters.associations.get(country, 0) + count
        elif region:
            counts = supporters.regional if kind == _REGIONAL else supporters.local
            counts[region] = counts.get(region, 0) + count
    return supporters


def supporter_kinds(supporters: RegionSupporters | None = None) -> dict[str, str]:
    """The map's kind for every EU-27 NUTS-2 region (region > local > association > none)."""
    supporters = supporters or region_supporters()
    region_kinds = [(code, REGION) for code in supporters.regional] + [(code, LOCAL) for code in supporters.local]
    return strongest_kinds(
        regions=[(code, country_of(code)) for code in nuts2_regions()],
        region_kinds=region_kinds,
        country_kinds=supporters.associations,
    )


def individual_supporters() -> dict[str, int]:
    """Confirmed signatures of people, by NUTS-2 region, across campaigns.

    The region tallies count every confirmed signature; organisations, few and listed apart, are taken off.
    """
    totals = dict(
        Tally.objects.filter(dimension=Tally.Dimension.REGION)
        .order_by()
        .values_list("key")
        .annotate(count=Sum("count"))
    )
    organisations = (
        Signature.objects.confirmed()
        .filter(kind=Signature.Kind.ORGANISATION)
        .exclude(region="")
        .order_by()
        .values_list("region")
        .annotate(count=Count("pk"))
    )
    for region, count in organisations:
        totals[region] = max(0, totals.get(region, 0) - count)
    return {region: count for region, count in totals.items() if count}


def map_shading() -> Shading:
    individuals = individual_supporters()
    return Shading(kinds=supporter_kinds(), bands={code: supporter_band(count) for code, count in individuals.items()})


def _map_version(shading: Shading) -> str:
    loaded = Region.objects.aggregate(count=Count("pk"), latest=Max("loaded_at"))
    coloured = sorted((code, kind) for code, kind in shading.kinds.items() if kind != NONE)
    banded = sorted((code, band) for code, band in shading.bands.items() if band)
    text = json.dumps([loaded["count"], str(loaded["latest"]), coloured, banded])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def supporter_map_svg(*, shading: Shading | None = None, layer: str = KINDS_LAYER, standalone: bool = False) -> str:
    """The map in the active language, from the cache while neither supporters nor boundaries change.

    Its key is derived from what the drawing shows, so a new, withdrawn or verified partner, a region
    passing into the next band of individual supporters or a new load of boundaries draws it afresh
    without anyone having to forget the old one. A caller that has the regions' shading already (the
    map page, from its table) passes it instead of reading it again.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    shading = shading or map_shading()
    key = f"regions:map:{language}:{layer}:{int(standalone)}:{_map_version(shading)}"
    svg = cache.get(key)
    if svg is None:
        svg = render_map(
            map_outlines(),
            shading,
            link=lambda code: reverse("regions:region", kwargs={"code": code}),
            layer=layer,
            standalone=standalone,
        )
        cache.set(key, svg, timeout=MAP_CACHE_SECONDS)
    return svg


def supporter_map_png(*, layer: str = KINDS_LAYER) -> bytes:
    """The standalone map as PNG, cached under the drawing it was made from."""
    svg = supporter_map_svg(layer=layer, standalone=True)
    key = f"regions:map-png:{hashlib.sha256(svg.encode()).hexdigest()[:16]}"
    png = cache.get(key)
    if png is None:
        png = svg_to_png(svg)
        cache.set(key, png, timeout=MAP_CACHE_SECONDS)
    return png


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    country: str
    country_name: str
    kind: str
    regional_authorities: int
    local_authorities: int
    associations: int
    individuals: int

    @property
    def partners(self) -> int:
        return self.regional_authorities + self.local_authorities + self.associations

    @property
    def band(self) -> int:
        return supporter_band(self.individuals)


TABLE_ORDERS = {
    "region": lambda row: (row.country_name, row.code),
    "name": lambda row: (row.name.casefold(), row.code),
    "partners": lambda row: (-row.partners, row.country_name, row.code),
    "supporters": lambda row: (-row.individuals, row.country_name, row.code),
}


def region_rows(*, order: str = "region") -> list[RegionRow]:
    """Every EU-27 NUTS-2 region with its partner counts by kind and its individual supporters.

    Associations count for every region of their country. Names come from the stored boundaries
    where loaded, from the official list otherwise, so the table stands without geometry.
    """
    supporters = region_supporters()
    kinds = supporter_kinds(supporters)
    individuals = individual_supporters()
    names = {**nuts2_regions(), **dict(Region.objects.nuts2().values_list("code", "name"))}
    rows = []
    for code in nuts2_regions():
        country = country_of(code)
        rows.append(
            RegionRow(
                code=code,
                name=names[code],
                country=country,
                country_name=str(countries.name(country)),
                kind=kinds[code],
                regional_authorities=supporters.regional.get(code, 0),
                local_authorities=supporters.local.get(code, 0),
                associations=supporters.associations.get(country, 0),
                individuals=individuals.get(code, 0),
            )
        )
    return sorted(rows, key=TABLE_ORDERS.get(order, TABLE_ORDERS["region"]))


def region_partners(*, code: str) -> list[Partner]:
    """The institutional partners that colour a region: its own authorities, then its country's associations."""
    partners = public_partners().filter(
        Q(region=code, organisation_kind__in=(_REGIONAL, _LOCAL))
        | Q(country=country_of(code), organisation_kind=_ASSOCIATION)
    )
    strength: dict[str, int] = {_REGIONAL: 0, _LOCAL: 1, _ASSOCIATION: 2}
    return sorted(partners, key=lambda partner: strength[partner.organisation_kind])
