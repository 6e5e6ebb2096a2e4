"""The site's main navigation and footer links, found by page type so that editors can move pages freely."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from alliance.core.i18n import localized_page_url, localized_versions, url_for_visitor

from .models import (
    AboutPage,
    LibraryPage,
    MaterialsPage,
    PartnersPage,
    PetitionPage,
    StandardPage,
    StatementPage,
    StoryIndexPage,
    TakeActionPage,
)

# Labels are interface strings, so the navigation reads in the visitor's language even where the
# pages themselves have not been translated yet.
MAIN_NAVIGATION = (
    (AboutPage, _("About")),
    (StatementPage, _("Join us")),
    (PetitionPage, _("Petition")),
    (PartnersPage, _("Partners")),
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
    labels = dict(MAIN_NAVIGATION)
    first_of_each_type: dict[type[Page], Page] = {}
    candidates = Page.objects.live().descendant_of(root).filter(locale=root.locale).type(*labels)
    for page in candidates.select_related("locale").order_by("path"):
        first_of_each_type.setdefault(page.specific_class, page)
    pages = [first_of_each_type[page_type] for page_type in labels if page_type in first_of_each_type]
    links = [
        NavigationLink(
            label=labels[page.specific_class], url=url_for_visitor(shown, request), translation_key=page.translation_key
        )
        for page, shown in zip(pages, localized_versions(pages), strict=True)
    ]
    # The map is no Wagtail page: it follows the partner list, which it colours.
    after_partners = next((i + 1 for i, page in enumerate(pages) if page.specific_class is PartnersPage), len(links))
    links.insert(after_partners, NavigationLink(label=_("Map"), url=reverse("regions:map"), translation_key="map"))
    # Supporters' events follow the page that asks for them; their pages link to the videos and pictures.
    take_action_key = next((page.translation_key for page in pages if page.specific_class is TakeActionPage), None)
    after_take_action = next(
        (i + 1 for i, link in enumerate(links) if link.translation_key == take_action_key), len(links)
    )
    links.insert(
        after_take_action,
        NavigationLink(label=_("Events"), url=reverse("submissions:events"), translation_key="events"),
    )
    return links


def footer_links(request: HttpRequest) -> list[NavigationLink]:
    root = _site_root(request)
    if root is None:
        return []
    pages = list(StandardPage.objects.live().child_of(root).filter(locale=root.locale).select_related("locale"))
    return [
        NavigationLink(label=shown.title, url=url_for_visitor(shown, request), translation_key=page.translation_key)
        for page, shown in zip(pages, localized_versions(pages), strict=True)
    ]


def home_url(request: HttpRequest) -> str:
    root = _site_root(request)
    return localized_page_url(root, request) if root is not None else "/"


def _site_root(request: HttpRequest) -> Page | None:
    site = Site.find_for_request(request)
    return site.root_page if site is not None else None
