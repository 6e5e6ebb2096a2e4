"""The site's main navigation and footer links, found by page type so that editors can move pages freely."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from alliance.core.i18n import localized_page_url

from .models import AboutPage, LibraryPage, MaterialsPage, StandardPage, StatementPage, StoryIndexPage, TakeActionPage

# Labels are interface strings, so the navigation reads in the visitor's language even where the
# pages themselves have not been translated yet.
MAIN_NAVIGATION = (
    (AboutPage, _("About")),
    (StatementPage, _("Join us")),
    (StoryIndexPage, _("See it")),
    (TakeActionPage, _("Take action")),
    (LibraryPage, _("Library")),
    (MaterialsPage, _("Materials")),
)


@dataclass(frozen=True)
class NavigationLink:
    label: str | Promise
    url: str
    translation_key: object


def main_navigation(request: HttpRequest) -> list[NavigationLink]:
    root = _site_root(request)
    if root is None:
        return []
    links = []
    for page_type, label in MAIN_NAVIGATION:
        page = page_type.objects.live().descendant_of(root).filter(locale=root.locale).first()
        if page is not None:
            links.append(
                NavigationLink(label=label, url=localized_page_url(page, request), translation_key=page.translation_key)
            )
    return links


def footer_links(request: HttpRequest) -> list[NavigationLink]:
    root = _site_root(request)
    if root is None:
        return []
    pages = StandardPage.objects.live().child_of(root).filter(locale=root.locale)
    return [
        NavigationLink(
            label=page.localized.title, url=localized_page_url(page, request), translation_key=page.translation_key
        )
        for page in pages
    ]


def home_url(request: HttpRequest) -> str:
    root = _site_root(request)
    return localized_page_url(root, request) if root is not None else "/"


def _site_root(request: HttpRequest) -> Page | None:
    site = Site.find_for_request(request)
    return site.root_page if site is not None else None
