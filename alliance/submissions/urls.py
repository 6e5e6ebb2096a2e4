from django.urls import path

from . import files, gallery, views

app_name = "submissions"

urlpatterns = [
    path("take-action/confirm/<str:token>/", views.confirm, name="confirm"),
    path("take-action/manage/<str:token>/", views.manage, name="manage"),
    path("take-action/files/<int:pk>/<str:field>/", files.serve_file, name="file"),
    path("take-action/videos/", gallery.videos, name="videos"),
    path("take-action/pictures/", gallery.pictures, name="pictures"),
    path("take-action/events/", gallery.events, name="events"),
    path("take-action/events.ics", gallery.events_ics, name="events_ics"),
    path("take-action/<slug:gallery>/<int:pk>/", gallery.detail, name="detail"),
    path("take-action/<slug:slug>/", views.submit, name="submit"),
    path("take-action/<slug:slug>/thanks/", views.thanks, name="thanks"),
]
