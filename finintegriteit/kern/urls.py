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
    path("account/", views.mijn_account, name="mijn_account"),
    path("account/activeringscodes/", views.activeringscodes, name="activeringscodes"),
    path(
        "account/activeringscodes/<int:pk>/",
        views.activeringscode_uitgeven,
        name="activeringscode_uitgeven",
    ),
    path("gebruikers/", views.gebruikers, name="gebruikers"),
    path("gebruikers/nieuw/", views.gebruiker_nieuw, name="gebruiker_nieuw"),
    path("gebruikers/<int:pk>/", views.gebruiker, name="gebruiker"),
    path(
        "gebruikers/<int:pk>/activeringscode/",
        views.gebruiker_activeringscode,
        name="gebruiker_activeringscode",
    ),
    path("gebruikers/<int:pk>/deactiveren/", views.gebruiker_deactiveren, name="gebruiker_deactiveren"),
]
