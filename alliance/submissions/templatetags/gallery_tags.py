from django import template
from django_countries import countries

from alliance.core.languages import NATIVE_NAMES
from alliance.regions import nuts

register = template.Library()


@register.filter
def region_name(code: str) -> str:
    return nuts.region_name(code) if code else ""


@register.filter
def country_name(code: str) -> str:
    return str(countries.name(code)) if code else ""


@register.filter
def language_names(codes: list[str]) -> str:
    return ", ".join(NATIVE_NAMES[code] for code in codes if code in NATIVE_NAMES)
