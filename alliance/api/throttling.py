from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from alliance.signatures.abuse import client_ip
from alliance.signatures.identity import ip_hash


class ApiRateThrottle(SimpleRateThrottle):
    """API_RATE_LIMIT requests per client address, counted in the shared cache so that every server agrees."""

    scope = "api"

    def get_rate(self) -> str:
        return settings.API_RATE_LIMIT

    def get_cache_key(self, request: Request, view: object) -> str:
        return self.cache_format % {"scope": self.scope, "ident": ip_hash(client_ip(request._request))}
