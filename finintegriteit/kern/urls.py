from django.urls import path

from . import views

app_name = "kern"

urlpatterns = [
    path("", views.start, name="start"),
    path("inloggen/", views.inloggen, name="login"),
    path("uitloggen/", views.uitloggen, name="logout"),
]
