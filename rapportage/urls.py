from django.urls import path

from . import views
from .teksten import views as teksten
from .vaststelling import views as vaststelling

app_name = "rapportage"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rapporten/", views.rapporten, name="rapporten"),
    path("rapporten/<int:pk>/status/", views.status, name="status"),
    path("rapporten/alle/", views.reeks, name="reeks"),
    path("rapporten/alle/<int:pk>/status/", views.reeks_status, name="reeks_status"),
    path("rapporten/<int:pk>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("rapporten/<int:pk>/download/", views.download, name="download"),
    path("tabellen/<slug:sleutel>.xlsx", views.tabel_xlsx, name="xlsx"),
    path("hoofdstuk/<slug:hoofdstuk>/", views.hoofdstuk_tabellen, name="hoofdstuk_tabellen"),
    path("voorbeeld/", views.voorbeeld, name="voorbeeld"),
    path("vaststellen/", vaststelling.vaststellen, name="vaststellen"),
    path("cijfers-importeren/", vaststelling.cijfers_importeren, name="cijfers_importeren"),
    path("vastgesteld/<int:pk>/download/", vaststelling.vaststelling_download, name="vaststelling_download"),
    path("teksten/", teksten.teksten, name="teksten"),
    path("gepubliceerd/", teksten.gepubliceerde_cijfers, name="gepubliceerde_cijfers"),
    path("teksten/aanmaken/", teksten.teksten_aanmaken, name="teksten_aanmaken"),
    path("teksten/nieuw/", teksten.deel_nieuw, name="deel_nieuw"),
    path("teksten/<int:pk>/", teksten.deel_wijzigen, name="deel_wijzigen"),
]
