from typing import Literal

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


def public_endpoints_only(endpoints: list[tuple]) -> list[tuple]:
    """The OpenAPI document describes our public API, not the admin's own APIs that share the framework."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    message = serializers.CharField()
    fields = serializers.DictField(
        required=False, help_text="For 400: the parameters that were not valid, each with its messages."
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


class PublicApiSchema(AutoSchema):
    """Every operation documents the errors it can give, all in the one error shape."""

    def _get_response_bodies(self, direction: Literal["request", "response"] = "response") -> dict:
        responses = super()._get_response_bodies(direction)
        errors = {"429": "Over the rate limit: wait for the number of seconds in Retry-After."}
        if self._get_filter_parameters() or self._get_pagination_parameters() or self.get_override_parameters():
            errors["400"] = "A parameter is not valid."
        if "{" in self.path:
            errors["404"] = "There is no such thing."
        for code, description in errors.items():
            response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
            responses.setdefault(code, {**response, "description": description})
        return responses
