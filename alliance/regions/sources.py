"""NUTS boundaries read from Eurostat GISCO's files or from Nuts2json's, in GeoJSON or TopoJSON.

Both publish the same data under different property names (GISCO: `NUTS_ID`, `NAME_LATN`,
`LEVL_CODE`, `CNTR_CODE`; Nuts2json: `id`, `na`). Nuts2json cuts its Europe frame at about 27° W
and 30° N and publishes the outermost regions in separate inset files, so a region found in
several files is taken from the one that draws it best: an inset over the frame, a finer scale
over a coarser one, and a file dedicated to fewer regions over a broader one.
"""

import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape
from topojson.utils import serialize_as_geojson

from .nuts import country_of

GISCO_URLS = tuple(
    f"https://gisco-services.ec.europa.eu/distribution/v2/nuts/geojson/NUTS_RG_20M_2024_4326_LEVL_{level}.geojson"
    for level in (0, 2)
)
FILE_SUFFIXES = {".geojson", ".json", ".topojson"}
LEVELS = (0, 2)

# Nuts2json's inset datasets, named in its paths (`pub/v2/2024/PT20/4326/03M/...`) and in file names.
_INSET = re.compile(r"(?:^|[/_])(GF|GP|MQ|RE|YT|IC|PT20|PT30|CARIB|MT|LI|IS|SJ_SV|SJ_JM)(?=[/_])")
# "03M" is 1:3 million; GISCO and Nuts2json both write the scale so.
_SCALE = re.compile(r"(?:^|[/_])(\d{2})M(?=[/_.])")
_LEVEL_BY_CODE_LENGTH = {2: 0, 3: 1, 4: 2, 5: 3}


class SourceError(Exception):
    """A source that cannot be read, said so that the person loading it knows what to do."""


@dataclass(frozen=True)
class RegionShape:
    code: str
    level: int
    country: str
    name: str
    geometry: dict[str, Any]
    inset: str
    source: str


@dataclass(frozen=True)
class LabelPoint:
    longitude: float
    latitude: float


@dataclass
class Boundaries:
    """The best shape and label point found for each NUTS code, across every file read."""

    regions: dict[str, RegionShape] = field(default_factory=dict)
    points: dict[str, LabelPoint] = field(default_factory=dict)
    files: int = 0
    repaired: list[str] = field(default_factory=list)
    unusable: list[str] = field(default_factory=list)
    _ranks: dict[tuple[str, str], tuple[int, int, int]] = field(default_factory=dict)

    def _wins(self, kind: str, code: str, rank: tuple[int, int, int]) -> bool:
        # Ties keep the first file read, so that the outcome does not depend on anything but the files.
        if rank <= self._ranks.get((kind, code), (-1, -1_000_000, -1_000_000)):
            return False
        self._ranks[(kind, code)] = rank
        return True

    def add_file(self, features: list[dict[str, Any]], *, source: str) -> None:
        inset_match = _INSET.search(source)
        scale_match = _SCALE.search(source)
        inset = inset_match.group(1) if inset_match else ""
        shapes: list[RegionShape] = []
        points: list[tuple[str, LabelPoint]] = []
        for feature in features:
            properties = feature.get("properties") or {}
            geometry = feature.get("geometry") or {}
            code, level = _code_and_level(properties)
            if level not in LEVELS:
                continue
            if geometry.get("type") == "Point":
                longitude, latitude = geometry["coordinates"][:2]
                points.append((code, LabelPoint(longitude=float(longitude), latitude=float(latitude))))
            elif geometry.get("type") in {"Polygon", "MultiPolygon"}:
                name = properties.get("NAME_LATN") or properties.get("na") or properties.get("NUTS_NAME") or code
                country = country_of(str(properties.get("CNTR_CODE") or code))
                # Only what a GeoJSON geometry needs: a member such as `bbox` would go stale once repaired.
                outline = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
                shapes.append(RegionShape(code, level, country, str(name).strip(), outline, inset=inset, source=source))
        rank = (int(bool(inset)), -int(scale_match.group(1)) if scale_match else -1000, -len(shapes))
        for region in shapes:
            if self._wins("region", region.code, rank):
                self.regions[region.code] = region
        for code, point in points:
            if self._wins("point", code, rank):
                self.points[code] = point
        self.files += 1

    def repair(self) -> None:
        """Make every kept geometry valid, noting which needed it, once all files have been read."""
        for code, region in list(self.regions.items()):
            geometry = _valid_polygonal(region.geometry)
            if geometry is None:
                self.unusable.append(code)
                del self.regions[code]
            elif geometry is not region.geometry:
                self.repaired.append(code)
                self.regions[code] = replace(region, geometry=geometry)


def _code_and_level(properties: dict[str, Any]) -> tuple[str, int | None]:
    code = str(properties.get("NUTS_ID") or properties.get("id") or "").strip().upper()
    level_code = properties.get("LEVL_CODE")
    if level_code is not None and str(level_code).isdigit():
        return code, int(level_code)
    return code, _LEVEL_BY_CODE_LENGTH.get(len(code))


def _valid_polygonal(geometry: dict[str, Any]) -> dict[str, Any] | None:
    """The geometry itself when valid, else its repaired areas (a repair can leave stray lines and points).

    None when nothing with an area is left.
    """
    parsed = shape(geometry)
    if parsed.is_valid:
        return geometry
    polygons: list[Polygon] = []
    for part in shapely.get_parts(shapely.make_valid(parsed)):
        if isinstance(part, Polygon):
            polygons.append(part)
        elif isinstance(part, MultiPolygon):
            polygons.extend(part.geoms)
    if not polygons:
        return None
    repaired = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
    return dict(mapping(repaired))


def _features(document: Any, *, source: str) -> list[dict[str, Any]]:
    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "FeatureCollection":
        return list(document.get("features") or [])
    if kind == "Feature":
        return [document]
    if kind == "Topology":
        return _topology_features(document, source=source)
    raise SourceError(f"{source} is neither GeoJSON nor TopoJSON.")


def _topology_features(topology: dict[str, Any], *, source: str) -> list[dict[str, Any]]:
    # serialize_as_geojson reads one GeometryCollection at a time.
    objects = {
        name: shape_object
        if shape_object.get("type") == "GeometryCollection"
        else {
            "type": "GeometryCollection",
            "geometries": [shape_object],
        }
        for name, shape_object in (topology.get("objects") or {}).items()
    }
    features: list[dict[str, Any]] = []
    try:
        for name in objects:
            collection = serialize_as_geojson({**topology, "objects": objects}, objectname=name)
            features.extend(collection["features"])
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise SourceError(f"{source} is not valid TopoJSON ({error!r}).") from error
    return features


def _parse(data: bytes, *, source: str) -> list[dict[str, Any]]:
    try:
        document = json.loads(data)
    except ValueError as error:
        raise SourceError(f"{source} is not JSON: {error}.") from error
    return _features(document, source=source)


def read_files(path: Path) -> Boundaries:
    """Read a GeoJSON or TopoJSON file, or every such file in a folder and its subfolders."""
    if not path.exists():
        raise SourceError(f"{path} does not exist.")
    if path.is_dir():
        files = sorted(file for file in path.rglob("*") if file.is_file() and file.suffix.lower() in FILE_SUFFIXES)
        root = path
    else:
        files, root = [path], path.parent
    if not files:
        raise SourceError(f"{path} holds no GeoJSON or TopoJSON file ({', '.join(sorted(FILE_SUFFIXES))}).")
    boundaries = Boundaries()
    for file in files:
        source = file.relative_to(root).as_posix()
        boundaries.add_file(_parse(file.read_bytes(), source=source), source=source)
    boundaries.repair()
    return boundaries


def fetch(url: str, *, timeout: float) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return bytes(response.read())
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise SourceError(
            f"Could not download {url} ({reason}). Without internet access, load local files with --source PATH."
        ) from error


def download_gisco(*, timeout: float) -> Boundaries:
    """GISCO's NUTS 2024 countries and NUTS-2 regions at 1:20 million, which include the outermost regions."""
    boundaries = Boundaries()
    for url in GISCO_URLS:
        boundaries.add_file(_parse(fetch(url, timeout=timeout), source=url), source=url)
    boundaries.repair()
    return boundaries
