from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "alliance.campaigns"
    label = "campaigns"
    verbose_name = "Campaigns"
