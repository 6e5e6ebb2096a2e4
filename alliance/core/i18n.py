"""Language helpers: where the same page lives in another language, and which language a page is shown in."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from .languages import EU_LANGUAGES

PageT = TypeVar("PageT", bound=Page)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def with_language_prefix(path: str, language_code: str) -> str:
    """Replace the language segment that starts every prefixed path (`/en/about/` -> `/fr/about/`)."""
    _, _, rest = path.lstrip("/").partition("/")
    return f"/{language_code}/{rest}"


def localized_versions(pages: Sequence[PageT], model: type[PageT] = Page) -> list[PageT]:
    """Each page in the visitor's language where it has a live translation, else the page itself.

    Translations are read as `model`, so a list of one page type comes back with its own fields.
    """
    language_code = translation.get_language() or settings.LANGUAGE_CODE
    translations = {
        translated.translation_key: translated
        for translated in model.objects.live()
        .filter(translation_key__in={page.translation_key for page in pages}, locale__language_code=language_code)
        .select_related("locale")
    }
    return [translations.get(page.translation_key, page) for page in pages]


def url_for_visitor(page: Page, request: HttpRequest | None = None) -> str:
    """The page's address under the visitor's language prefix.

    A translated page has its own address. A page without a translation is served in its source
    language under the visitor's prefix, so that following a link keeps the visitor in their language.
    """
    language_code = translation.get_language() or settings.LANGUAGE_CODE
    url = page.get_url(request) or ""
    if page.locale.language_code == language_code:
        return url
    return with_language_prefix(url, language_code)


def localized_page_url(page: Page, request: HttpRequest | None = None) -> str:
    return url_for_visitor(localized_versions([page])[0], request)


def page_urls_by_language(page: Page, request: HttpRequest | None = None) -> dict[str, str]:
    translations = {
        translated.locale.language_code: translated
        for translated in page.get_translations(inclusive=True).live().select_related("locale")
    }
    source = translations.get(settings.LANGUAGE_CODE, page)
    source_url = source.get_url(request) or ""
    return {
        code: (translations[code].get_url(request) or "")
        if code in translations
        else with_language_prefix(source_url, code)
        for code, _ in EU_LANGUAGES
    }


def language_links(request: HttpRequest, page: Page | None = None) -> list[LanguageLink]:
    """The switcher's entries: the same page in each language (the same URL for pages outside Wagtail)."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    if page is None:
        urls = {code: translate_url(request.get_full_path(), code) for code, _ in EU_LANGUAGES}
    else:
        urls = page_urls_by_language(page, request)
        # A page's own sub-address (a statement version) is kept: it is the same in every language.
        suffix = request.path.removeprefix(urls[current]) if request.path.startswith(urls[current]) else ""
        urls = {code: url + suffix for code, url in urls.items()}
    return [
        LanguageLink(code=code, name=name, url=urls[code], is_current=code == current) for code, name in EU_LANGUAGES
    ]


def shown_in_other_language(page: Page) -> bool:
    """True when the visitor's language has no translation of the page, so its source text is shown."""
    return page.locale.language_code != translation.get_language()
