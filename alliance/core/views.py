from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import captcha
from .health import run_checks


@require_safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)


@require_safe
@never_cache
def captcha_challenge(request: HttpRequest) -> JsonResponse:
    """A fresh proof-of-work challenge for a form that is about to be sent."""
    return JsonResponse(captcha.new_challenge())
