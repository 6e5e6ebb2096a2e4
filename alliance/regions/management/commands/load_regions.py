from collections import Counter
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alliance.regions import sources
from alliance.regions.selectors import eu_nuts2_coverage, regions_per_level
from alliance.regions.services import LoadResult, store_boundaries
from alliance.regions.sources import Boundaries, SourceError, download_gisco, read_files


class Command(BaseCommand):
    help = (
        "Load NUTS 2024 country and NUTS-2 boundaries for the supporter map: downloaded from Eurostat GISCO, "
        "or read from local GeoJSON or TopoJSON files with --source. Safe to repeat."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--source",
            type=Path,
            help="A GeoJSON or TopoJSON file, or a folder of them (subfolders included), instead of the download.",
        )
        parser.add_argument("--timeout", type=float, default=30, help="Seconds to wait for each download.")

    def handle(self, *args: object, **options: Any) -> None:
        source: Path | None = options["source"]
        try:
            if source:
                boundaries = read_files(source)
            else:
                self.stdout.write(f"Downloading {', '.join(sources.GISCO_URLS)}")
                boundaries = download_gisco(timeout=options["timeout"])
        except SourceError as error:
            raise CommandError(str(error)) from error
        if not boundaries.regions:
            raise CommandError(f"{source or 'The download'} holds no NUTS level 0 or 2 region.")
        result = store_boundaries(boundaries=boundaries)
        self._report(boundaries, result)

    def _report(self, boundaries: Boundaries, result: LoadResult) -> None:
        read = Counter(region.level for region in boundaries.regions.values())
        self.stdout.write(
            f"Read {boundaries.files} files: {read[0]} countries, {read[2]} NUTS-2 regions, "
            f"{len(boundaries.points)} label points."
        )
        if boundaries.repaired:
            self.stdout.write(f"Repaired invalid geometry: {', '.join(sorted(boundaries.repaired))}.")
        if boundaries.unusable:
            self.stdout.write(self.style.WARNING(f"Left out, no area: {', '.join(sorted(boundaries.unusable))}."))
        self.stdout.write(f"Stored: {result.created} new, {result.updated} updated, {result.unchanged} unchanged.")
        stored = regions_per_level()
        self.stdout.write(f"In the database: {stored.get(0, 0)} countries, {stored.get(2, 0)} NUTS-2 regions.")
        coverage = eu_nuts2_coverage()
        summary = f"EU-27 NUTS-2 regions (NUTS 2024): {coverage.loaded} of {coverage.expected} loaded."
        if coverage.missing:
            self.stdout.write(self.style.WARNING(f"{summary} Missing: {', '.join(coverage.missing)}."))
        else:
            self.stdout.write(self.style.SUCCESS(summary))
