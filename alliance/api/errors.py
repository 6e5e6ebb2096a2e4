"""One shape for every error the API gives: {"error": {"status": 404, "message": "...", "fields": {...}}}."""

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def error_body(status: int, message: str, fields: dict[str, Any] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "message": message}
    if fields:
        error["fields"] = fields
    return {"error": error}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and set(data) == {"detail"}:
        response.data = error_body(response.status_code, str(data["detail"]))
    else:
        response.data = error_body(response.status_code, _("Some parameters are not valid."), fields=data)
    return response


def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any address under /api/ that is not an endpoint: the same shape as the endpoints' errors."""
    return JsonResponse(error_body(404, _("There is no such address in the API.")), status=404)
