from django.urls import path

from .views import afdoening, importeren

app_name = "afdoeningen"

urlpatterns = [
    path("betrokkene/<int:betrokkene_pk>/", afdoening.vastleggen, name="vastleggen"),
    path("betrokkene/<int:betrokkene_pk>/controleren/", afdoening.controleren, name="controleren"),
    path("betrokkene/<int:betrokkene_pk>/intrekken/", afdoening.intrekken, name="intrekken"),
    path("importeren/", importeren.importeren, name="importeren"),
    path("importeren/sjabloon/", importeren.sjabloon, name="sjabloon"),
    path("importeren/<int:pk>/", importeren.voorbeeld, name="voorbeeld"),
    path("importeren/<int:pk>/bevestigen/", importeren.bevestigen, name="bevestigen"),
]
