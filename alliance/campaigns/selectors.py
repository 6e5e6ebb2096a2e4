from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from alliance.core.languages import NATIVE_NAMES

from .models import Statement


def statements_for_language(language_code: str) -> list[Statement]:
    """Every statement version, newest first, in the given language where it has been translated."""
    sources = list(Statement.objects.in_language(settings.LANGUAGE_CODE).newest_first().select_related("locale"))
    translated = {
        statement.translation_key: statement
        for statement in Statement.objects.in_language(language_code).select_related("locale")
    }
    return [translated.get(source.translation_key, source) for source in sources]


def statement_for_language(*, slug: str, language_code: str) -> Statement | None:
    """The version with this slug in the given language, else in the site's default language."""
    candidates = Statement.objects.filter(
        slug=slug, locale__language_code__in=[language_code, settings.LANGUAGE_CODE]
    ).select_related("locale")
    by_language = {statement.language_code: statement for statement in candidates}
    return by_language.get(language_code) or by_language.get(settings.LANGUAGE_CODE)


def statement_languages(statement: Statement) -> list[str]:
    """Language codes in which this statement version exists, in the order of the site's languages."""
    available = set(
        Statement.objects.filter(translation_key=statement.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )
    return [code for code, _ in settings.LANGUAGES if code in available]


@dataclass(frozen=True)
class PdfLink:
    language_code: str
    language_name: str
    url: str


def statement_pdf_links(statement: Statement) -> list[PdfLink]:
    """The statement version's PDF in each language it exists in, each under its own language prefix."""
    links = []
    for code in statement_languages(statement):
        with translation.override(code):
            links.append(PdfLink(language_code=code, language_name=NATIVE_NAMES[code], url=statement.get_pdf_url()))
    return links
