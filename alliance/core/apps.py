from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_migrate, post_save


class CoreConfig(AppConfig):
    name = "alliance.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from .page_cache import forget_pages_when_content_changes
        from .signals import set_up_site_after_migrate

        # Core has no models of its own, so Django sends it no post_migrate: listen for Wagtail's.
        post_migrate.connect(
            set_up_site_after_migrate, sender=apps.get_app_config("wagtailcore"), dispatch_uid="core-set-up-site"
        )
        for signal in (post_save, post_delete):
            signal.connect(forget_pages_when_content_changes, dispatch_uid=f"core-page-cache-{signal}")
