"""Open data downloads: confirmed signatures by country, region and kind, and the public partner list.

Whole files in CSV and JSON for people who want everything at once, with the terms of reuse and the
time they were generated (alliance/api/open_data.py); the API endpoints give the same figures in pages.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse

from alliance.partners.selectors import public_partners
from alliance.signatures.models import Tally

from .open_data import attachment, conditional, csv_document, json_document, open_data, version
from .serializers import PartnerSerializer

COUNT_FIELDS = ["campaign", "dimension", "key", "confirmed"]
COUNT_DIMENSIONS = [Tally.Dimension.COUNTRY, Tally.Dimension.REGION, Tally.Dimension.KIND]
PARTNER_FIELDS = ["id", "name", "kind", "country", "region", "website", "logo"]


def _count_rows() -> list[dict[str, Any]]:
    """One row per campaign and key of each dimension that has confirmed signatures."""
    tallies = (
        Tally.objects.filter(dimension__in=COUNT_DIMENSIONS, count__gt=0)
        .order_by("campaign__slug", "dimension", "key")
        .values_list("campaign__slug", "dimension", "key", "count")
    )
    return [dict(zip(COUNT_FIELDS, tally, strict=True)) for tally in tallies]


def _partner_rows(request: HttpRequest) -> list[dict[str, Any]]:
    return list(PartnerSerializer(public_partners(), many=True, context={"request": request}).data)


def _csv(request: HttpRequest, *, name: str, fields: list[str], rows: list[dict[str, Any]]) -> HttpResponse:
    response = conditional(
        request,
        name=f"{name}.csv",
        version=version(rows),
        content_type="text/csv; charset=utf-8",
        build=lambda: csv_document(fields, ([row[field] for field in fields] for row in rows)),
    )
    return attachment(response, f"cohesion-alliance-{name}.csv")


def _json(request: HttpRequest, *, name: str, rows: list[dict[str, Any]]) -> HttpResponse:
    return conditional(
        request,
        name=f"{name}.json",
        version=version(rows),
        content_type="application/json",
        build=lambda: json_document(name, rows),
    )


@open_data
def counts_csv(request: HttpRequest) -> HttpResponse:
    return _csv(request, name="counts", fields=COUNT_FIELDS, rows=_count_rows())


@open_data
def counts_json(request: HttpRequest) -> HttpResponse:
    return _json(request, name="counts", rows=_count_rows())


@open_data
def partners_csv(request: HttpRequest) -> HttpResponse:
    return _csv(request, name="partners", fields=PARTNER_FIELDS, rows=_partner_rows(request))


@open_data
def partners_json(request: HttpRequest) -> HttpResponse:
    return _json(request, name="partners", rows=_partner_rows(request))
