"""The supporter map: drawing it, its size, and its pages under load on PostgreSQL, beside its goals.

    .venv/bin/python bench/map.py [--clients 64] [--seconds 15] [--nuts-source ../shared/data/nuts]

Loads the demo content with its partners and the NUTS boundaries from --nuts-source (by default
../shared/data/nuts beside the repository; the site itself downloads them from Eurostat GISCO, the
benchmark reads files so that its figures stay comparable). Then prints:

- the time to draw the whole map in this process, with the cache cleared (boundaries read from the
  database, projected, simplified and drawn) and from the cache, median and max of several runs; the
  max is usually the first, which also starts PROJ;
- the size of the map SVG as the page embeds it and as the download gives it, plain and gzipped, and
  the time to rasterise the PNG download (kept in the cache afterwards, like the SVG);
- with the site served by gunicorn: the ceiling (a view touching neither database nor templates), the
  map page (the two in three alternating rounds, so that the machine's other load weighs on both;
  their medians make the ratio), a region's page and the SVG download in requests per second, with
  ratios to that ceiling,
  and the map page's latency. Clients keep no session, like most visitors, so they get what the site
  caches for those; they accept gzip like browsers, and leave the unpacking to the visitor's machine.

Each figure stands next to its goal, "met" or "missed"; the exit status is 0 either way.
"""

import argparse
import asyncio
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

# Run as a file, Python puts this folder on the path, not the repository that holds the bench package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import DEFAULT_WORKERS, ROOT, BenchSite, Request, hammer, percentiles

SITE = BenchSite(database="alliance_bench_map", redis_db=4, port=8766)
NUTS_SOURCE = ROOT.parent / "shared" / "data" / "nuts"
RENDER_REPETITIONS = 7
WARM_UP_SECONDS = 2
# zlib's default level, which Django's GZipMiddleware uses too.
GZIP_LEVEL = 6
CEILING = "/bench/ceiling"
ROUNDS = 3

GOAL_SHARE_OF_CEILING = 0.70
GOAL_COLD_RENDER_SECONDS = 1.0
GOAL_SVG_BYTES = 400_000
GOAL_GZIP_BYTES = 120_000

MAP_PAGE = "/en/map/"
REGION_PAGE = "/en/map/DE11/"
DOWNLOAD = "/en/map.svg"
# What shows that an answer holds the map, so that an error page or a page without it never counts.
DRAWN = b'class="supporter-map'
SELECTED = b'aria-current="page"'


@dataclass(frozen=True)
class Goal:
    name: str
    met: bool


def verdict(met: bool) -> str:
    return "met" if met else "missed"


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def spread(seconds: list[float]) -> str:
    return f"median {statistics.median(seconds) * 1000:7.1f} ms   max {max(seconds) * 1000:7.1f} ms"


def size_line(label: str, svg: str) -> tuple[str, list[Goal]]:
    plain = len(svg.encode())
    packed = len(gzip.compress(svg.encode(), compresslevel=GZIP_LEVEL))
    goals = [Goal(f"{label} < {GOAL_SVG_BYTES:,} bytes", plain < GOAL_SVG_BYTES)]
    goals.append(Goal(f"{label} gzipped < {GOAL_GZIP_BYTES:,} bytes", packed < GOAL_GZIP_BYTES))
    line = (
        f"{label + ':':26} {plain:9,} bytes ({verdict(goals[0].met)})   "
        f"gzip {packed:8,} bytes ({verdict(goals[1].met)})"
    )
    return line, goals


def measure_drawing(source: Path) -> list[Goal]:
    """Draw the map in this process, against the benchmark's database and cache."""
    SITE.setup_django()
    from django.core.cache import cache
    from django.utils import translation

    from alliance.regions.png import svg_to_png
    from alliance.regions.selectors import map_outlines, regions_per_level, supporter_map_svg

    with translation.override("en"):
        cold = []
        for _ in range(RENDER_REPETITIONS):
            cache.clear()
            cold.append(timed(supporter_map_svg))
        cached = [timed(supporter_map_svg) for _ in range(RENDER_REPETITIONS)]
        reading = [timed(map_outlines) for _ in range(RENDER_REPETITIONS)]
        inline, standalone = supporter_map_svg(), supporter_map_svg(standalone=True)
        png = svg_to_png(standalone)
        rasterising = [timed(lambda: svg_to_png(standalone)) for _ in range(RENDER_REPETITIONS)]
    levels = regions_per_level()
    cold_target = f"< {GOAL_COLD_RENDER_SECONDS:g} s (median)"
    cold_goal = Goal(f"cold drawing {cold_target}", statistics.median(cold) < GOAL_COLD_RENDER_SECONDS)
    inline_line, inline_goals = size_line("SVG in the map page", inline)
    download_line, download_goals = size_line("SVG download", standalone)

    print(f"\n== drawing the map: {levels.get(0, 0)} countries, {levels.get(2, 0)} NUTS-2 regions from {source} ==")
    print(f"cold (cache cleared):       {spread(cold)}   goal {cold_target}: {verdict(cold_goal.met)}")
    print(f"  reading the boundaries:   {spread(reading)}")
    print(f"from the cache:             {spread(cached)}")
    print(f"PNG, rasterised afresh:     {spread(rasterising)}   {len(png):,} bytes")
    print(f"sizes, gzip level {GZIP_LEVEL}; goals < {GOAL_SVG_BYTES:,} bytes, gzipped < {GOAL_GZIP_BYTES:,} bytes:")
    print(f"  {inline_line}")
    print(f"  {download_line}")
    return [cold_goal, *inline_goals, *download_goals]


def getting(path: str, mark: bytes) -> Request:
    """A request for `path` as a browser makes it, gzip accepted, checked against one fully read answer.

    The pages arrive gzipped and are not unpacked: a browser does that on the visitor's machine, and
    here it would only spend the cores the server runs on. Each answer must be a 200 of the same
    compressed size, give or take a twentieth, as a first answer that was unpacked and holds `mark`.
    """
    first = httpx.get(SITE.base + path, headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200, f"{path} answers {first.status_code}"
    assert mark in first.content, f"{path} does not show the map"
    with httpx.stream("GET", SITE.base + path, headers={"Accept-Encoding": "gzip"}) as response:
        expected = sum(len(chunk) for chunk in response.iter_raw())

    async def get(client: httpx.AsyncClient, _: str) -> bool:
        async with client.stream("GET", path, headers={"Accept-Encoding": "gzip"}) as response:
            size = sum([len(chunk) async for chunk in response.aiter_raw()])
        return response.status_code == 200 and abs(size - expected) <= expected / 20

    return get


def spread_of(rates: list[float]) -> str:
    return ", ".join(f"{rate:.1f}" for rate in rates)


def rate_line(label: str, rate: float, ceiling_rate: float) -> str:
    return f"{label + ':':28}{rate:8.1f} requests/s  = {rate / ceiling_rate:6.1%} of ceiling"


def measure_serving(clients: int, seconds: float) -> list[Goal]:
    map_page, region_page, download = getting(MAP_PAGE, DRAWN), getting(REGION_PAGE, SELECTED), getting(DOWNLOAD, DRAWN)
    # The ceiling goes through the same client code as the pages, so that the ratio compares servers only.
    ceiling = getting(CEILING, b"ok")
    # Every worker process imports and draws once before anything is timed, as on a running site.
    for request in (map_page, region_page, download):
        asyncio.run(hammer(SITE.base, clients, WARM_UP_SECONDS, request))
    page = httpx.get(SITE.base + MAP_PAGE).content
    # The machine's other load comes and goes: the ceiling and the map page take turns, and the ratio
    # is that of their medians.
    ceiling_rates, map_rates, full_load_latencies = [], [], []
    for _round in range(ROUNDS):
        ceiling_done, _ = asyncio.run(hammer(SITE.base, clients, seconds, ceiling))
        map_done, latencies = asyncio.run(hammer(SITE.base, clients, seconds, map_page))
        ceiling_rates.append(ceiling_done / seconds)
        map_rates.append(map_done / seconds)
        full_load_latencies += latencies
    ceiling_rate, map_rate = statistics.median(ceiling_rates), statistics.median(map_rates)
    # At half the most the server took: the latency a visitor sees when the site keeps up.
    half_rate = map_rate / 2
    _, half_latencies = asyncio.run(hammer(SITE.base, clients, seconds, map_page, rate=half_rate))
    region_done, _ = asyncio.run(hammer(SITE.base, clients, seconds, region_page))
    download_done, _ = asyncio.run(hammer(SITE.base, clients, seconds, download))
    region_rate, download_rate = region_done / seconds, download_done / seconds
    share = Goal(
        f"map page >= {GOAL_SHARE_OF_CEILING:.0%} of ceiling", map_rate >= GOAL_SHARE_OF_CEILING * ceiling_rate
    )

    print(f"\n== serving the map: {clients} clients, {seconds:g} s per phase ==")
    print(f"ceiling (minimal view):     {ceiling_rate:8.1f} requests/s   median of {spread_of(ceiling_rates)}")
    print(
        rate_line(f"map page {MAP_PAGE}", map_rate, ceiling_rate)
        + f"   goal >= {GOAL_SHARE_OF_CEILING:.0%}: {verdict(share.met)}"
    )
    print(f"  {'':26}median of {spread_of(map_rates)}")
    print(f"  latency at that load:     {percentiles(full_load_latencies)} (clients never pause: queueing)")
    print(f"  latency at {half_rate:6.1f}/s:      {percentiles(half_latencies)} (half the measured maximum)")
    print(rate_line(f"region page {REGION_PAGE}", region_rate, ceiling_rate))
    print(rate_line(f"SVG download {DOWNLOAD}", download_rate, ceiling_rate))
    packed = len(gzip.compress(page, compresslevel=GZIP_LEVEL))
    print(f"map page HTML as served:    {len(page):9,} bytes, gzip {packed:,} bytes")
    return [share]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    parser.add_argument("--nuts-source", type=Path, default=NUTS_SOURCE, help="NUTS 2024 GeoJSON or TopoJSON files")
    arguments = parser.parse_args()
    source = arguments.nuts_source.resolve()
    if not source.exists():
        parser.error(
            f"no NUTS boundaries at {source}. Pass --nuts-source with a folder (or file) of NUTS 2024 GeoJSON or "
            "TopoJSON; the benchmark does not download them from Eurostat GISCO as the site's load_regions does."
        )
    SITE.prepare_database(["load_demo", "--with-partners"], ["load_regions", "--source", str(source)])
    goals = measure_drawing(source)
    with SITE.serving(arguments.workers):
        goals += measure_serving(arguments.clients, arguments.seconds)
    missed = [goal.name for goal in goals if not goal.met]
    print(
        f"\ngoals met: {len(goals) - len(missed)} of {len(goals)}"
        + (f"; missed: {', '.join(missed)}" if missed else "")
    )


if __name__ == "__main__":
    main()
