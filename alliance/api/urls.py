from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from . import downloads, views

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("campaigns/", views.CampaignList.as_view(), name="campaigns"),
    path("campaigns/<slug:slug>/", views.CampaignDetail.as_view(), name="campaign"),
    path("campaigns/<slug:slug>/counts/<str:dimension>/", views.CampaignCounts.as_view(), name="campaign_counts"),
    path("partners/", views.PartnerList.as_view(), name="partners"),
    path("regions/", views.RegionList.as_view(), name="regions"),
    path("stories/", views.StoryList.as_view(), name="stories"),
    path("library/", views.LibraryDocumentList.as_view(), name="library"),
    path("events/", views.EventList.as_view(), name="events"),
    path("open-data/counts.csv", downloads.counts_csv, name="counts_csv"),
    path("open-data/counts.json", downloads.counts_json, name="counts_json"),
    path("open-data/partners.csv", downloads.partners_csv, name="partners_csv"),
    path("open-data/partners.json", downloads.partners_json, name="partners_json"),
]
