from django.urls import path

from . import views

app_name = "widgets"

urlpatterns = [
    path("widget/<slug:slug>/", views.widget, name="widget"),
    path("widget/<slug:slug>/thanks/", views.thanks, name="thanks"),
    path("partners/widget/", views.snippet, name="snippet"),
]
