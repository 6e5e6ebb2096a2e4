from django.urls import path

from . import views

app_name = "regions"

urlpatterns = [
    path("map/", views.map_page, name="map"),
    path("map/<str:code>/", views.region_page, name="region"),
    path("map.svg", views.map_svg, name="map_svg"),
    path("map.png", views.map_png, name="map_png"),
]
