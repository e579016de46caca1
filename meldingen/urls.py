from django.urls import path

from .views import berichten, betrokkenen, bewaren, correcties, meldingen, overzichten, zaakstukken

app_name = "meldingen"

urlpatterns = [
    path("", overzichten.werkvoorraad, name="werkvoorraad"),
    path("nieuw/", meldingen.nieuw, name="nieuw"),
    path("mijn-zaken/", overzichten.mijn_zaken, name="mijn_zaken"),
    path("termijnen/", overzichten.termijnen, name="termijnen"),
    path("audittrail/", overzichten.audit, name="audit"),
    path("audittrail/export/", overzichten.audit_export, name="audit_export"),
    path("<int:pk>/", meldingen.detail, name="detail"),
    path("<int:pk>/wijzigen/", meldingen.wijzigen, name="wijzigen"),
    path("<int:pk>/status/", meldingen.status, name="status"),
    path("<int:pk>/heropenen/", meldingen.heropenen, name="heropenen"),
    path("<int:pk>/termijnen/", meldingen.termijnen_vastleggen, name="termijnen_vastleggen"),
    path("<int:pk>/bewaren/", bewaren.bewaren, name="bewaren"),
    path("<int:pk>/aantekeningen/", zaakstukken.aantekening, name="aantekening_toevoegen"),
    path("<int:pk>/documenten/", zaakstukken.document, name="document_toevoegen"),
    path("<int:pk>/berichten/", berichten.bericht, name="bericht_versturen"),
    path("documenten/<int:pk>/", zaakstukken.downloaden, name="document_downloaden"),
    path("<int:pk>/melder/", betrokkenen.melder, name="melder"),
    path("<int:pk>/betrokkenen/nieuw/", betrokkenen.betrokkene_toevoegen, name="betrokkene_toevoegen"),
    path("<int:pk>/duplicaat/", correcties.duplicaat, name="duplicaat"),
    path("<int:pk>/afschermen/", correcties.afschermen, name="afschermen"),
    path("<int:pk>/onderzoek-corrigeren/", correcties.onderzoek, name="onderzoek_corrigeren"),
    path("betrokkenen/<int:pk>/verwijderen/", correcties.betrokkene, name="betrokkene_verwijderen"),
    path("betrokkenen/<int:pk>/", betrokkenen.betrokkene_wijzigen, name="betrokkene_wijzigen"),
]
