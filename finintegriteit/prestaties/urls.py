"""The project's URLs plus the baseline page of the web benchmark (used only by instellingen.py)."""

from django.urls import path

from finintegriteit.urls import urlpatterns as project_urls

from . import views

BASELINE_PAD = "/prestaties/baseline/"

urlpatterns = [
    path(BASELINE_PAD.lstrip("/"), views.baseline, name="prestaties-baseline"),
    *project_urls,
]
