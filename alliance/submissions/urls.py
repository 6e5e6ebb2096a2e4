from django.urls import path

from . import views

app_name = "submissions"

urlpatterns = [
    path("take-action/confirm/<str:token>/", views.confirm, name="confirm"),
    path("take-action/<slug:slug>/", views.submit, name="submit"),
    path("take-action/<slug:slug>/thanks/", views.thanks, name="thanks"),
]
