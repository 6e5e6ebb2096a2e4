from django.conf import settings
from wagtail.models import Locale


def ensure_locales() -> None:
    """One Wagtail locale per site language, so every page and statement can be translated into it."""
    existing = set(Locale.objects.values_list("language_code", flat=True))
    Locale.objects.bulk_create(
        [Locale(language_code=code) for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES if code not in existing]
    )
