from django.urls import path

from . import views

app_name = "meldkanaal"

urlpatterns = [
    path("", views.loket, name="loket"),
    path("oif/", views.melden, name="melden"),
    path("terug/", views.terug, name="terug"),
    path("terug/aanvullen/", views.aanvullen, name="aanvullen"),
    path("terug/afmelden/", views.afmelden, name="afmelden"),
]
