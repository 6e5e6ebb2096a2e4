from django.urls import path

from . import api

app_name = "regions_api"

urlpatterns = [
    path("regions.geojson", api.regions_geojson, name="regions_geojson"),
    path("regions.json", api.regions_json, name="regions_json"),
    path("regions.csv", api.regions_csv, name="regions_csv"),
]
