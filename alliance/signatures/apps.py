from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SignaturesConfig(AppConfig):
    name = "alliance.signatures"
    label = "signatures"
    verbose_name = "Signatures"

    def ready(self) -> None:
        from .abuse import forget_block_lists
        from .models import BlockedEmailDomain, BlockedNetwork

        for model in (BlockedEmailDomain, BlockedNetwork):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_block_lists, sender=model, dispatch_uid=f"forget-block-lists-{model.__name__}-{signal}"
                )
