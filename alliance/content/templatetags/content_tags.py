from django import template

from alliance.content import navigation

register = template.Library()


@register.inclusion_tag("content/includes/main_navigation.html", takes_context=True)
def main_navigation(context: template.Context) -> dict:
    request = context["request"]
    page = context.get("page")
    current_keys = (
        {page.translation_key, *page.get_ancestors().values_list("translation_key", flat=True)} if page else set()
    )
    return {"links": navigation.main_navigation(request), "current_keys": current_keys}


@register.inclusion_tag("content/includes/footer_links.html", takes_context=True)
def footer_links(context: template.Context) -> dict:
    return {"links": navigation.footer_links(context["request"])}


@register.simple_tag(takes_context=True)
def home_url(context: template.Context) -> str:
    return navigation.home_url(context["request"])
