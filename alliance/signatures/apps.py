from django.apps import AppConfig


class SignaturesConfig(AppConfig):
    name = "alliance.signatures"
    label = "signatures"
    verbose_name = "Signatures"
