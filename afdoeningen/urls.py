from django.urls import path

from .views import afdoening, importeren

app_name = "afdoeningen"

urlpatterns = [
    path("betrokkene/<int:betrokkene_pk>/", afdoening.vastleggen, name="vastleggen"),
    path("betrokkene/<int:betrokkene_pk>/controleren/", afdoening.controleren, name="controleren"),
    path("betrokkene/<int:betrokkene_pk>/intrekken/", afdoening.intrekken, name="intrekken"),
    path("importeren/", importeren.importeren, name="importeren"),
    path("importeren/sjabloon/", importeren.sjabloon, name="sjabloon"),
    path("importeren/<uuid:pk>/", importeren.voorbeeld, name="voorbeeld"),
    path("importeren/<uuid:pk>/bevestigen/", importeren.bevestigen, name="bevestigen"),
    path("importeren/<uuid:pk>/annuleren/", importeren.annuleren, name="annuleren"),
]
