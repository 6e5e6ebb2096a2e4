from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "alliance.regions"
    label = "regions"
    verbose_name = "Regions"
