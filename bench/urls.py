from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def ceiling(request: HttpRequest) -> HttpResponse:
    """Touches neither the database nor a template: the most the server can answer per second."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/ceiling", ceiling), *site_urlpatterns]
