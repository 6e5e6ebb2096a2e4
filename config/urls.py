from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from alliance.core import views as core_views
from alliance.signatures import views as signature_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("captcha/challenge.json", core_views.captcha_challenge, name="captcha_challenge"),
    path("counters/<slug:slug>.json", signature_views.counter, name="counter"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("alliance.campaigns.urls")),
    path("", include("alliance.signatures.urls")),
    path("", include(wagtail_urls)),
)
