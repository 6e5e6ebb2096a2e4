"""The supporter map drawn as SVG text on the server, so that it works without JavaScript and prints.

NUTS-2 regions of the EU are projected to ETRS89-LAEA (EPSG:3035, Eurostat's projection for maps of
Europe), simplified to what the display size can show and clipped to the EU's frame. Each is a link
to its region's page, coloured by the strongest kind of supporter found there. The outermost regions,
far outside the frame, are drawn in inset boxes of their own, each in a projection centred on it.
"""

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import numpy as np
import shapely
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pyproj import Transformer
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from .nuts import EU_COUNTRIES

WIDTH = 800
PADDING = 8
INSET_COLUMNS = 4
INSET_HEIGHT = 110
INSET_GAP = 6
INSET_CAPTION = 14
LEGEND_ROW = 22
# Boundaries finer than about a pixel only add bytes; a third of a pixel keeps small regions' shapes.
SIMPLIFY_PIXELS = 0.35
WGS84 = "EPSG:4326"
LAEA_EUROPE = "EPSG:3035"

REGION = "region"
LOCAL = "local"
ASSOCIATION = "association"
NONE = "none"
# Strongest first: a region takes the first kind any of its supporters have.
SUPPORTER_KINDS: tuple[tuple[str, str | Promise], ...] = (
    (REGION, _("EU region: the regional authority joined")),
    (LOCAL, _("Local and regional authorities below NUTS-2 level")),
    (ASSOCIATION, _("National association of local and regional authorities")),
    (NONE, _("No supporters yet")),
)
KIND_STRENGTH = {kind: strength for strength, (kind, _label) in enumerate(SUPPORTER_KINDS)}

# The map shows one of two layers; both are in every drawing, and the root element's class picks one.
KINDS_LAYER = "kinds"
SUPPORTERS_LAYER = "supporters"
LAYERS: tuple[tuple[str, str | Promise], ...] = (
    (KINDS_LAYER, _("Institutional partners")),
    (SUPPORTERS_LAYER, _("Individual supporters")),
)
# Lower bounds of the bands of individual supporters: tenfold steps, so that a few signatures show and
# a region with thousands still stands out.
SUPPORTER_BANDS = (0, 1, 10, 100, 1000, 10000)

# The eight outermost regions as the campaign leaflet shows them, with the short names it uses.
OUTERMOST_REGIONS = {
    "PT30": "Madeira",
    "PT20": "Açores",
    "ES70": "Canarias",
    "FRY1": "Guadeloupe",
    "FRY2": "Martinique",
    "FRY3": "Guyane",
    "FRY5": "Mayotte",
    "FRY4": "Réunion",
}

ATTRIBUTION = _("© EuroGeographics for the administrative boundaries")

# Blue and orange stay apart for every common colour-vision deficiency; each kind also has its own
# texture, so that the map reads in greyscale print too.
STYLE = """
.map-sea{fill:#eef3f8}
.map-context{fill:#cfcfcf;stroke:#fff;stroke-width:.4}
.map-region{stroke:#6b6b6b;stroke-width:.3;stroke-linejoin:round}
.kind-region{fill:#1d4f91}
.kind-local{fill:url(#map-fill-local)}
.kind-association{fill:url(#map-fill-association)}
.kind-none{fill:#fbfaf6}
.map-borders{fill:none;stroke:#262626;stroke-width:.7;stroke-linejoin:round;pointer-events:none}
.map-inset-frame{fill:#eef3f8;stroke:#6b6b6b;stroke-width:.6}
.layer-supporters .band-0{fill:#fbfaf6}
.layer-supporters .band-1{fill:#d6efe6}
.layer-supporters .band-2{fill:#97d1bf}
.layer-supporters .band-3{fill:#4fa894}
.layer-supporters .band-4{fill:#1f7766}
.layer-supporters .band-5{fill:#0b463c}
.map-label{font:11px sans-serif;fill:#1a1a1a}
a.is-selected .map-region,a:focus .map-region,a:hover .map-region{stroke:#000;stroke-width:1.6}
"""

PATTERNS = """
<pattern id="map-fill-local" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
<rect width="5" height="5" fill="#7aaedc"/><line x1="0" y1="0" x2="0" y2="5" stroke="#1d4f91" stroke-width="1.4"/>\
</pattern>
<pattern id="map-fill-association" width="5" height="5" patternUnits="userSpaceOnUse">\
<rect width="5" height="5" fill="#f6b26b"/><circle cx="2.5" cy="2.5" r="1" fill="#8a4b08"/></pattern>
"""


@dataclass(frozen=True)
class Outline:
    """A region's boundary as stored: longitude and latitude."""

    code: str
    level: int
    country: str
    name: str
    geometry: BaseGeometry


@dataclass(frozen=True)
class Drawing:
    """Turns projected metres into SVG pixels within a box."""

    left: float
    top: float
    scale: float
    offset_x: float = 0
    offset_y: float = 0

    def pixels(self, xy: np.ndarray) -> np.ndarray:
        x = (xy[:, 0] - self.left) * self.scale + self.offset_x
        y = (self.top - xy[:, 1]) * self.scale + self.offset_y
        return np.round(np.column_stack((x, y)), 1)


def strongest_kinds(
    *, regions: Iterable[tuple[str, str]], region_kinds: Iterable[tuple[str, str]], country_kinds: Iterable[str]
) -> dict[str, str]:
    """The kind of each NUTS-2 region: its strongest supporter's, a country's association spreading to all its regions.

    `regions` are (code, country) pairs; `region_kinds` (code, kind) pairs of supporters found in a
    region; `country_kinds` the countries with a national association.
    """
    associated = set(country_kinds)
    found: dict[str, str] = {}
    for code, kind in region_kinds:
        if KIND_STRENGTH[kind] < KIND_STRENGTH[found.get(code, NONE)]:
            found[code] = kind
    return {code: found.get(code, ASSOCIATION if country in associated else NONE) for code, country in regions}


def supporter_band(count: int) -> int:
    return bisect_right(SUPPORTER_BANDS, count) - 1


def band_labels() -> list[str]:
    """The legend of the individual supporters' layer, in the active language."""
    labels = [gettext("No individual supporters yet")]
    bounds = SUPPORTER_BANDS[1:]
    for low, following in zip(bounds, (*bounds[1:], None), strict=True):
        low_text = number_format(low, force_grouping=True)
        if following is None:
            labels.append(gettext("%(count)s or more") % {"count": low_text})
        else:
            labels.append(f"{low_text}–{number_format(following - 1, force_grouping=True)}")
    return labels


def _lonlat_to(crs: str) -> Callable[[np.ndarray], np.ndarray]:
    transformer = Transformer.from_crs(WGS84, crs, always_xy=True)

    def project(xy: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack((x, y))

    return project


def _path_data(geometry: BaseGeometry, drawing: Drawing) -> str:
    rings: list[str] = []
    for part in shapely.get_parts(geometry):
        if not isinstance(part, Polygon):
            continue
        for ring in (part.exterior, *part.interiors):
            points = drawing.pixels(np.asarray(ring.coords)[:-1])
            # Vertices that round to the same pixel tenth add nothing.
            keep = np.any(points != np.roll(points, 1, axis=0), axis=1)
            points = points[keep] if keep.any() else points[:1]
            if len(points) < 3:
                continue
            coordinates = [f"{x:g} {y:g}" for x, y in points]
            rings.append(f"M{coordinates[0]}L{' '.join(coordinates[1:])}Z")
    return "".join(rings)


def _simplified(geometries: Sequence[BaseGeometry], tolerance: float) -> list[BaseGeometry]:
    if not geometries:
        return []
    # Simplifying the regions as one coverage keeps neighbours' shared edges identical: no gaps, no overlaps.
    return list(shapely.coverage_simplify(np.array(geometries, dtype=object), tolerance))


@dataclass(frozen=True)
class Shading:
    """What colours the regions: the kind of supporter and the band of individual supporters of each."""

    kinds: Mapping[str, str]
    bands: Mapping[str, int]

    def region(self, code: str) -> tuple[str, int]:
        return self.kinds.get(code, NONE), self.bands.get(code, 0)


@dataclass(frozen=True)
class _Labels:
    kinds: Mapping[str, str]
    bands: Sequence[str]
    # The bands as a screen reader says them after a region's name and kind.
    spoken_bands: Sequence[str]


def _labels() -> _Labels:
    bands = band_labels()
    spoken = [gettext("no individual supporters yet")]
    spoken += [gettext("%(range)s individual supporters") % {"range": label} for label in bands[1:]]
    return _Labels(kinds={kind: str(label) for kind, label in SUPPORTER_KINDS}, bands=bands, spoken_bands=spoken)


def _region_link(outline: Outline, path: str, *, shading: Shading, labels: _Labels, link: Callable[[str], str]) -> str:
    kind, band = shading.region(outline.code)
    name = gettext("%(name)s: %(kind)s; %(supporters)s") % {
        "name": outline.name,
        "kind": labels.kinds[kind],
        "supporters": labels.spoken_bands[band],
    }
    return (
        f"<a href={quoteattr(link(outline.code))} aria-label={quoteattr(name)}>"
        f'<path id="{outline.code}" data-nuts="{outline.code}" data-kind="{kind}" data-band="{band}" '
        f'class="map-region kind-{kind} band-{band}" d="{path}"><title>{escape(outline.name)}</title></path></a>'
    )


@dataclass(frozen=True)
class _Frame:
    left: float
    bottom: float
    right: float
    top: float

    @property
    def scale(self) -> float:
        return (WIDTH - 2 * PADDING) / (self.right - self.left)

    @property
    def height(self) -> float:
        return (self.top - self.bottom) * self.scale


def _eu_frame(projected: Sequence[BaseGeometry]) -> _Frame:
    left, bottom, right, top = shapely.total_bounds(np.array(projected, dtype=object))
    margin = 0.02 * max(right - left, top - bottom)
    return _Frame(left - margin, bottom - margin, right + margin, top + margin)


def _main_map(
    outlines: Sequence[Outline], *, shading: Shading, labels: _Labels, link: Callable[[str], str]
) -> tuple[list[str], float]:
    project = _lonlat_to(LAEA_EUROPE)
    eu_regions = [
        outline
        for outline in outlines
        if outline.level == 2 and outline.country in EU_COUNTRIES and outline.code not in OUTERMOST_REGIONS
    ]
    countries = [outline for outline in outlines if outline.level == 0]
    projected_regions = [shapely.transform(outline.geometry, project) for outline in eu_regions]
    projected_countries = [shapely.transform(outline.geometry, project) for outline in countries]
    if not projected_regions:
        return [], 0
    frame = _eu_frame(projected_regions)
    tolerance = SIMPLIFY_PIXELS / frame.scale
    drawing = Drawing(left=frame.left, top=frame.top, scale=frame.scale, offset_x=PADDING, offset_y=PADDING)

    def clipped(geometry: BaseGeometry) -> BaseGeometry:
        return shapely.clip_by_rect(geometry, frame.left, frame.bottom, frame.right, frame.top)

    regions = [
        _region_link(outline, _path_data(clipped(geometry), drawing), shading=shading, labels=labels, link=link)
        for outline, geometry in zip(eu_regions, _simplified(projected_regions, tolerance), strict=True)
    ]
    country_shapes = [clipped(geometry) for geometry in _simplified(projected_countries, tolerance)]
    context = [
        _path_data(geometry, drawing)
        for outline, geometry in zip(countries, country_shapes, strict=True)
        if outline.country not in EU_COUNTRIES
    ]
    borders = [_path_data(geometry, drawing) for geometry in country_shapes]
    width, height = WIDTH - 2 * PADDING, frame.height
    parts = [
        f'<rect class="map-sea" x="{PADDING}" y="{PADDING}" width="{width:g}" height="{height:.1f}"/>',
        f'<path class="map-context" aria-hidden="true" d="{"".join(context)}"/>',
        f'<g class="map-regions">{"".join(regions)}</g>',
        f'<path class="map-borders" aria-hidden="true" d="{"".join(borders)}"/>',
    ]
    return parts, PADDING + height


def _insets(
    outlines: Sequence[Outline], *, top: float, shading: Shading, labels: _Labels, link: Callable[[str], str]
) -> list[str]:
    by_code = {outline.code: outline for outline in outlines}
    box_width = (WIDTH - 2 * PADDING - (INSET_COLUMNS - 1) * INSET_GAP) / INSET_COLUMNS
    map_height = INSET_HEIGHT - INSET_CAPTION
    parts: list[str] = []
    for index, (code, short_name) in enumerate(OUTERMOST_REGIONS.items()):
        outline = by_code.get(code)
        if outline is None:
            continue
        row, column = divmod(index, INSET_COLUMNS)
        x = PADDING + column * (box_width + INSET_GAP)
        y = top + row * (INSET_HEIGHT + INSET_GAP)
        centre = outline.geometry.centroid
        # A projection centred on the island keeps its shape true however far it lies from Europe.
        project = _lonlat_to(f"+proj=laea +lat_0={centre.y:.3f} +lon_0={centre.x:.3f} +ellps=GRS80 +units=m")
        geometry = shapely.transform(outline.geometry, project)
        left, bottom, right, upper = geometry.bounds
        scale = min((box_width - 8) / max(right - left, 1), (map_height - 8) / max(upper - bottom, 1))
        geometry = shapely.coverage_simplify(geometry, SIMPLIFY_PIXELS / scale)
        drawing = Drawing(
            left=left,
            top=upper,
            scale=scale,
            offset_x=x + (box_width - (right - left) * scale) / 2,
            offset_y=y + (map_height - (upper - bottom) * scale) / 2,
        )
        region = _region_link(outline, _path_data(geometry, drawing), shading=shading, labels=labels, link=link)
        parts.append(
            f'<g class="map-inset" id="inset-{code}">'
            f'<rect class="map-inset-frame" x="{x:.1f}" y="{y:g}" width="{box_width:.1f}" height="{INSET_HEIGHT}"/>'
            f"{region}"
            f'<text class="map-label" x="{x + 4:.1f}" y="{y + INSET_HEIGHT - 4:g}" aria-hidden="true">'
            f"{escape(short_name)}</text></g>"
        )
    return parts


def _legend_entries(layer: str, labels: _Labels) -> list[tuple[str, str]]:
    if layer == SUPPORTERS_LAYER:
        return [(f"band-{band}", label) for band, label in enumerate(labels.bands)]
    return [(f"kind-{kind}", labels.kinds[kind]) for kind, _label in SUPPORTER_KINDS]


def _legend(*, top: float, entries: Sequence[tuple[str, str]]) -> list[str]:
    parts = [f'<g class="map-legend" transform="translate({PADDING} {top:g})">']
    for row, (swatch, label) in enumerate(entries):
        y = row * LEGEND_ROW
        parts.append(
            f'<rect class="map-region {swatch}" x="0" y="{y}" width="24" height="14"/>'
            f'<text class="map-label" x="32" y="{y + 11}">{escape(label)}</text>'
        )
    parts.append("</g>")
    return parts


def render_map(
    outlines: Sequence[Outline],
    shading: Shading,
    *,
    link: Callable[[str], str],
    layer: str = KINDS_LAYER,
    standalone: bool = False,
) -> str:
    """The map as an SVG document showing `layer`; `standalone` adds the layer's legend and the attribution,
    which a page shows as HTML.

    `shading` gives each NUTS-2 code its supporter kind and band (none and 0 where missing); `link` gives a
    region's address.
    """
    labels = _labels()
    main, bottom = _main_map(outlines, shading=shading, labels=labels, link=link)
    insets = _insets(outlines, top=bottom + PADDING, shading=shading, labels=labels, link=link)
    rows = -(-len(insets) // INSET_COLUMNS)
    height = bottom + PADDING + rows * (INSET_HEIGHT + INSET_GAP)
    extra: list[str] = []
    if standalone:
        entries = _legend_entries(layer, labels)
        extra = _legend(top=height + PADDING, entries=entries)
        height += PADDING + len(entries) * LEGEND_ROW
        extra.append(f'<text class="map-label" x="{PADDING}" y="{height + 12:g}">{escape(str(ATTRIBUTION))}</text>')
        height += 12 + 2 * PADDING
    title = gettext("Supporters of the #CohesionAlliance by NUTS-2 region")
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="supporter-map layer-{layer}" '
            f'viewBox="0 0 {WIDTH} {height:.0f}" '
            f'role="group" aria-label={quoteattr(title)}>',
            f"<title>{escape(title)}</title>",
            f"<defs><style>{STYLE}</style>{PATTERNS}</defs>",
            *main,
            *insets,
            *extra,
            "</svg>",
        ]
    )


_REGION_LINK = re.compile(r'(<a href="[^"?]+)(")')


def with_layer(svg: str, layer: str) -> str:
    """The map showing `layer` instead of the one it was drawn with, without drawing it again.

    Its region links then keep the layer too, so that a visitor without JavaScript stays in it.
    """
    for drawn, _label in LAYERS:
        svg = svg.replace(f'class="supporter-map layer-{drawn}"', f'class="supporter-map layer-{layer}"', 1)
    if layer != KINDS_LAYER:
        svg = _REGION_LINK.sub(rf"\1?layer={layer}\2", svg)
    return svg


def with_selected(svg: str, *, link: str) -> str:
    """The map with the region behind `link` marked as the one shown, without drawing it again."""
    anchor = f"<a href={quoteattr(link)} "
    return svg.replace(anchor, f'{anchor}class="is-selected" aria-current="page" ', 1)
