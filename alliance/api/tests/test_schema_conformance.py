"""Schemathesis drives every endpoint with generated requests and checks each answer against the OpenAPI document.

It finds any 500, any answer outside the documented shapes and status codes, and any content type
the document does not declare.
"""

import json

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings

from config.wsgi import application

# The document as /api/v1/schema/ serves it; generating it reads no table, so it can happen at collection.
schema = schemathesis.openapi.from_dict(
    json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
)
schema.app = application


@pytest.fixture(autouse=True)
def served_in_the_test_transaction(settings):
    """Requests go through the real WSGI handler, which must not close the test transaction's connection."""
    # Generated requests come fast from one address; the rate limit has tests of its own.
    settings.API_RATE_LIMIT = "100000/minute"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_answers_every_generated_request_as_its_schema_says(case, db):
    cache.clear()
    case.call_and_validate()
