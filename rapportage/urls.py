from django.urls import path

from . import views

app_name = "rapportage"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rapporten/", views.rapporten, name="rapporten"),
    path("rapporten/<int:pk>/status/", views.status, name="status"),
    path("rapporten/<int:pk>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("rapporten/<int:pk>/download/", views.download, name="download"),
    path("tabellen/<slug:sleutel>.xlsx", views.tabel_xlsx, name="xlsx"),
    path("voorbeeld/", views.voorbeeld, name="voorbeeld"),
]
