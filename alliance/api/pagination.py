from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request


class Pagination(LimitOffsetPagination):
    """`limit` and `offset` as documented, and a 400 for anything else rather than a silent default."""

    default_limit = 50
    max_limit = 500

    def _parameter(self, request: Request, name: str, *, minimum: int, maximum: int | None) -> int | None:
        values = request.query_params.getlist(name)
        if not values:
            return None
        try:
            if len(values) > 1:
                raise ValueError
            value = int(values[0])
        except ValueError:
            raise ValidationError({name: [_("A whole number is expected.")]}) from None
        if value < minimum or (maximum is not None and value > maximum):
            upper = "" if maximum is None else f"–{maximum}"
            raise ValidationError({name: [_("A number in %(range)s is expected.") % {"range": f"{minimum}{upper}"}]})
        return value

    def get_limit(self, request: Request) -> int:
        limit = self._parameter(request, self.limit_query_param, minimum=1, maximum=self.max_limit)
        return self.default_limit if limit is None else limit

    def get_offset(self, request: Request) -> int:
        return self._parameter(request, self.offset_query_param, minimum=0, maximum=None) or 0

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: {"minimum": 1, "maximum": self.max_limit, "default": self.default_limit},
            self.offset_query_param: {"minimum": 0, "default": 0},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters
