from django.urls import path

from . import views

app_name = "kern"

urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", views.inloggen, name="login"),
    path("inloggen/code/", views.tweestaps_verifieren, name="tweestaps"),
    path("inloggen/koppelen/", views.tweestaps_koppelen, name="tweestaps_koppelen"),
    path("uitloggen/", views.uitloggen, name="logout"),
    path("wachtwoord/", views.wachtwoord_wijzigen, name="wachtwoord_wijzigen"),
]
