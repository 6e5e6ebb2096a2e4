from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from alliance.content.models import PartnersPage
from alliance.core.i18n import localized_page_url
from alliance.core.page_cache import cached_for_visitors

from .map import (
    ATTRIBUTION,
    KINDS_LAYER,
    LAYERS,
    SUPPORTER_KINDS,
    Shading,
    band_labels,
    with_layer,
    with_selected,
)
from .nuts import nuts2_regions
from .selectors import (
    TABLE_ORDERS,
    has_geometry,
    region_partners,
    region_rows,
    supporter_map_png,
    supporter_map_svg,
)

MAP_MAX_AGE = 5 * 60
DEFAULT_ORDER = "region"


def _layer(request: HttpRequest) -> str:
    layer = request.GET.get("layer", "")
    return layer if layer in dict(LAYERS) else KINDS_LAYER


def _map_context(request: HttpRequest, *, selected: str = "") -> dict:
    order = request.GET.get("sort", "")
    layer = _layer(request)
    rows = region_rows(order=order)
    svg = ""
    if has_geometry():
        shading = Shading(kinds={row.code: row.kind for row in rows}, bands={row.code: row.band for row in rows})
        svg = with_layer(supporter_map_svg(shading=shading), layer)
    if svg and selected:
        link = reverse("regions:region", kwargs={"code": selected})
        svg = with_selected(svg, link=link if layer == KINDS_LAYER else f"{link}?layer={layer}")
    order = order if order in TABLE_ORDERS else DEFAULT_ORDER
    # Each link changes one choice and keeps the other, so that sorting the table keeps the layer and back.
    kept_order = {} if order == DEFAULT_ORDER else {"sort": order}
    kept_layer = {} if layer == KINDS_LAYER else {"layer": layer}
    return {
        "svg": svg,
        "rows": rows,
        "order": order,
        "orders": {name: urlencode({"sort": name, **kept_layer}) for name in TABLE_ORDERS},
        "layer": layer,
        "layer_query": f"?{urlencode(kept_layer)}" if kept_layer else "",
        "layers": [(name, label, urlencode({"layer": name, **kept_order})) for name, label in LAYERS],
        "kinds": SUPPORTER_KINDS,
        "bands": list(enumerate(band_labels())),
        "attribution": ATTRIBUTION,
    }


@require_safe
@cached_for_visitors
def map_page(request: HttpRequest) -> HttpResponse:
    return render(request, "regions/map.html", _map_context(request))


@require_safe
@cached_for_visitors
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


def _download(content: bytes | str, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@cached_for_visitors
@cache_control(public=True, max_age=MAP_MAX_AGE)
def map_svg(request: HttpRequest) -> HttpResponse:
    if not has_geometry():
        raise Http404
    layer = _layer(request)
    return _download(
        supporter_map_svg(layer=layer, standalone=True),
        content_type="image/svg+xml; charset=utf-8",
        filename=f"cohesion-alliance-map-{layer}.svg",
    )


@require_safe
@cached_for_visitors
@cache_control(public=True, max_age=MAP_MAX_AGE)
def map_png(request: HttpRequest) -> HttpResponse:
    if not has_geometry():
        raise Http404
    layer = _layer(request)
    return _download(
        supporter_map_png(layer=layer), content_type="image/png", filename=f"cohesion-alliance-map-{layer}.png"
    )
