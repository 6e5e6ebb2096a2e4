from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("statements/<slug:slug>.pdf", views.statement_pdf, name="statement_pdf"),
]
