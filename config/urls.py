from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from alliance.api import errors as api_errors
from alliance.content.signing import sign_without_routing
from alliance.core import views as core_views
from alliance.core.page_cache import cached_for_visitors
from alliance.signatures import views as signature_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("captcha/challenge.json", core_views.captcha_challenge, name="captcha_challenge"),
    path("counters/<slug:slug>.json", signature_views.counter, name="counter"),
    path("api/v1/map/", include("alliance.regions.api_urls")),
    path("api/v1/", include("alliance.api.urls")),
    re_path(r"^api/(?P<path>[\s\S]*)$", api_errors.not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages come whole from the cache for visitors, which a per-visitor CSRF token would prevent.
# Their forms act for no account or session, and whatever they store waits for e-mail confirmation or
# moderation; the proof-of-work captcha is what refuses forged posts (docs/architecture.md).
public_page = csrf_exempt(cached_for_visitors(sign_without_routing(wagtail_views.serve)))

urlpatterns += i18n_patterns(
    path("", include("alliance.campaigns.urls")),
    path("", include("alliance.signatures.urls")),
    path("", include("alliance.regions.urls")),
    path("", include("alliance.submissions.urls")),
    path("", include("alliance.widgets.urls")),
    re_path(r"^((?:[\w\-]+/)*)$", public_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
