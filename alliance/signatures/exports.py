"""Signatures as CSV for staff: streamed row by row, safe to open in a spreadsheet."""

import csv
from collections.abc import Iterator

from alliance.core.spreadsheets import spreadsheet_cell

from .models import Signature
from .selectors import CountryActivity, PartnerReferrals

COLUMNS = (
    ("signed_at", "created_at"),
    ("confirmed_at", "confirmed_at"),
    ("status", "status"),
    ("kind", "kind"),
    ("name", "name"),
    ("email", "email"),
    ("organisation", "organisation_name"),
    ("organisation_kind", "organisation_kind"),
    ("role", "role"),
    ("website", "website"),
    ("country", "country"),
    ("region", "region"),
    ("language", "language"),
    ("news_opt_in", "news_opt_in"),
)


class _Echo:
    def write(self, value: str) -> str:
        return value


def signature_csv_rows(signatures: "Iterator[Signature]") -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow([header for header, _ in COLUMNS])
    for signature in signatures:
        yield writer.writerow([spreadsheet_cell(getattr(signature, field)) for _, field in COLUMNS])


def country_csv(countries: "list[CountryActivity]") -> str:
    """The dashboard's per-country table; the share is of the period's confirmed signatures."""
    writer = csv.writer(_Echo())
    lines = [writer.writerow(["country", "confirmed", "pending", "share_percent"])]
    lines += [writer.writerow([row.country, row.confirmed, row.pending, f"{row.share:.1f}"]) for row in countries]
    return "".join(lines)


def partner_csv(partners: "list[PartnerReferrals]") -> str:
    """The dashboard's per-partner table: signatures sent through each partner's widget."""
    writer = csv.writer(_Echo())
    lines = [writer.writerow(["partner_id", "organisation", "organisation_kind", "confirmed", "signatures"])]
    lines += [
        writer.writerow(
            [
                row.partner_id,
                spreadsheet_cell(row.organisation_name),
                row.organisation_kind,
                row.confirmed,
                row.signatures,
            ]
        )
        for row in partners
    ]
    return "".join(lines)
