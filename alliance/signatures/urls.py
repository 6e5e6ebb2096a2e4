from django.urls import path

from . import views

app_name = "signatures"

urlpatterns = [
    path("signatures/confirm/<str:token>/", views.confirm, name="confirm"),
    path("signatures/manage/<str:token>/", views.manage, name="manage"),
]
