from django.apps import AppConfig


class WidgetsConfig(AppConfig):
    name = "alliance.widgets"
    label = "widgets"
    verbose_name = "Widgets"
