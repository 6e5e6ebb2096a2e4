from django import template
from wagtail.models import Page

from alliance.core import i18n

register = template.Library()


@register.simple_tag(takes_context=True)
def localized_pageurl(context: template.Context, page: Page) -> str:
    return i18n.localized_page_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def visitor_url(context: template.Context, page: Page) -> str:
    """The address of a page already shown in the visitor's language (no lookup of its translation)."""
    return i18n.url_for_visitor(page, context.get("request"))


@register.inclusion_tag("core/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict:
    request = context["request"]
    page = context.get("page")
    links = i18n.language_links(request, page if isinstance(page, Page) else None)
    current = next((link for link in links if link.is_current), links[0])
    return {"links": links, "current": current}


@register.filter
def shown_in_other_language(page: Page) -> bool:
    return i18n.shown_in_other_language(page)
