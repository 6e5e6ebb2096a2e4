from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from alliance.content.models import PartnersPage
from alliance.core.i18n import localized_page_url

from .map import ATTRIBUTION, SUPPORTER_KINDS, with_selected
from .nuts import nuts2_regions
from .selectors import TABLE_ORDERS, has_geometry, region_partners, region_rows, supporter_map_svg

MAP_MAX_AGE = 5 * 60


def _map_context(request: HttpRequest, *, selected: str = "") -> dict:
    order = request.GET.get("sort", "")
    rows = region_rows(order=order)
    svg = supporter_map_svg(kinds={row.code: row.kind for row in rows}) if has_geometry() else ""
    if svg and selected:
        svg = with_selected(svg, link=reverse("regions:region", kwargs={"code": selected}))
    return {
        "svg": svg,
        "rows": rows,
        "order": order if order in TABLE_ORDERS else "region",
        "kinds": SUPPORTER_KINDS,
        "attribution": ATTRIBUTION,
    }


@require_safe
def map_page(request: HttpRequest) -> HttpResponse:
    return render(request, "regions/map.html", _map_context(request))


@require_safe
def region_page(request: HttpRequest, code: str) -> HttpResponse:
    code = code.upper()
    if code not in nuts2_regions():
        raise Http404
    context = _map_context(request, selected=code)
    partners_page = PartnersPage.objects.live().first()
    context.update(
        {
            "region": next(row for row in context["rows"] if row.code == code),
            "partners": region_partners(code=code),
            "partner_list_url": f"{localized_page_url(partners_page, request)}?region={code}" if partners_page else "",
        }
    )
    return render(request, "regions/map.html", context)


@require_safe
@cache_control(public=True, max_age=MAP_MAX_AGE)
def map_download(request: HttpRequest) -> HttpResponse:
    if not has_geometry():
        raise Http404
    response = HttpResponse(supporter_map_svg(standalone=True), content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cohesion-alliance-map.svg"'
    return response
