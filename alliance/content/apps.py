from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "alliance.content"
    label = "content"
    verbose_name = "Content"
