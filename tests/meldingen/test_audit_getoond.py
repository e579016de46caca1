"""The 'bekeken' row names every object whose content the page showed: the case page with its notes,
documents and messages, a correction page shown again after a refused POST, and a search's results."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from meldingen.models import Melding
from meldingen.services.aantekeningen import aantekening_toevoegen
from meldingen.services.berichten import bericht_aan_melder_sturen
from meldingen.services.documenten import document_toevoegen
from meldingen.services.status import melding_status_wijzigen

pytestmark = pytest.mark.django_db
BEKEKEN = AuditRegel.Actie.BEKEKEN
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def nieuwe_regels(voor: int) -> list[AuditRegel]:
    return list(AuditRegel.objects.order_by("pk")[voor:])


def test_de_zaakpagina_noemt_aantekeningen_documenten_en_berichten(
    analist_client, analist, maak_melding, settings, tmp_path
):
    settings.DOCUMENT_ROOT = tmp_path / "documenten"
    melding = maak_melding(kanaal=Melding.Kanaal.MELDKANAAL)
    aantekening = aantekening_toevoegen(melding=melding, door=analist, tekst="Gebeld met de getuige.")
    document = document_toevoegen(
        melding=melding, door=analist, bestand=SimpleUploadedFile("verslag.pdf", PDF)
    )
    bericht = bericht_aan_melder_sturen(melding=melding, door=analist, tekst="Wij nemen uw melding op.")
    voor = AuditRegel.objects.count()
    antwoord = analist_client.get(reverse("meldingen:detail", args=[melding.pk]))
    html = antwoord.content.decode()
    assert "Gebeld met de getuige." in html and "Wij nemen uw melding op." in html
    [regel] = nieuwe_regels(voor)
    assert (regel.actie, regel.object_type, regel.object_id) == (BEKEKEN, "melding", str(melding.pk))
    assert {f"aantekening:{aantekening.pk}", f"document:{document.pk}", f"bericht:{bericht.pk}"} <= set(
        regel.velden
    )


def test_de_zaakpagina_noemt_de_statuswijzigingen_waarvan_zij_de_reden_toont(
    analist_client, analist, beheerder, client, maak_melding
):
    melding = maak_melding()
    melding_status_wijzigen(
        melding=melding,
        door=analist,
        naar=Melding.Status.IN_BEOORDELING,
        versie=melding.versie,
        reden="Melder noemt de teamleider van Jan de Vries.",
    )
    voor = AuditRegel.objects.count()
    html = analist_client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    assert "Melder noemt de teamleider van Jan de Vries." in html
    [regel] = nieuwe_regels(voor)
    overgang = melding.statusovergangen.get(reden__startswith="Melder noemt")
    registratie = melding.statusovergangen.get(van="")
    assert f"statusovergang:{overgang.pk}" in regel.velden
    # The registration step's reason is the system's own text: naming it in every row would be noise.
    assert f"statusovergang:{registratie.pk}" not in regel.velden

    client.force_login(beheerder)
    antwoord = client.get(reverse("meldingen:audit"), {"object_type": "melding"})
    [benoemd] = [b for b in antwoord.context["regels"] if b.regel.pk == regel.pk]
    assert f"Statuswijziging {overgang.pk} bij {melding.nummer}" in benoemd.getoond


def test_betrokkene_verwijderen_na_een_geweigerde_post_is_een_gelezen_naam(
    analist_client, maak_melding, maak_betrokkene
):
    """The attack: a POST that fails validation shows the page with the name, without a 'bekeken' row."""
    betrokkene = maak_betrokkene(maak_melding(), naam="Jan Geheimhouder")
    url = reverse("meldingen:betrokkene_verwijderen", args=[betrokkene.pk])
    voor = AuditRegel.objects.count()
    antwoord = analist_client.post(url, {"versie": "abc"})
    assert antwoord.status_code == 200
    assert "Jan Geheimhouder" in antwoord.content.decode()
    assert [(r.actie, r.object_type, r.object_id) for r in nieuwe_regels(voor)] == [
        (BEKEKEN, "betrokkene", str(betrokkene.pk))
    ]


def test_betrokkene_verwijderen_schrijft_bij_gelukt_geen_extra_bekeken_regel(
    analist_client, maak_melding, maak_betrokkene
):
    betrokkene = maak_betrokkene(maak_melding())
    url = reverse("meldingen:betrokkene_verwijderen", args=[betrokkene.pk])
    voor = AuditRegel.objects.count()
    antwoord = analist_client.post(
        url, {"reden": "Verkeerde persoon.", "versie": betrokkene.versie, "bevestigd": "on"}
    )
    assert antwoord.status_code == 302
    assert BEKEKEN not in {r.actie for r in nieuwe_regels(voor)}


def test_zoeken_op_naam_noemt_de_getoonde_meldingen_en_niet_de_naam(
    analist_client, maak_melding, maak_betrokkene
):
    gevonden, ander = maak_melding(), maak_melding()
    maak_betrokkene(gevonden, naam="Fatima El Amrani", personeelsnummer="7005678")
    maak_betrokkene(ander, naam="Piet Pietersen", personeelsnummer="7001111")
    antwoord = analist_client.get(reverse("meldingen:werkvoorraad"), {"q": "El Amrani"})
    assert gevonden.nummer in antwoord.content.decode()
    regel = AuditRegel.objects.get(object_type="zoekopdracht")
    assert f"melding:{gevonden.pk}" in regel.velden
    assert f"melding:{ander.pk}" not in regel.velden
    assert "amrani" not in str(list(AuditRegel.objects.values())).lower()


def test_de_audittrail_toont_wat_een_zoekopdracht_liet_zien(
    client, analist, beheerder, maak_melding, maak_betrokkene
):
    gevonden = maak_melding()
    maak_betrokkene(gevonden, naam="Fatima El Amrani")
    client.force_login(analist)
    client.get(reverse("meldingen:werkvoorraad"), {"q": "El Amrani"})
    client.force_login(beheerder)
    html = client.get(reverse("meldingen:audit"), {"actie": "bekeken"}).content.decode()
    [velden] = re.findall(r'data-label="Velden">(.*?)</td>', html)
    # What the term was compared with, then the cases the result page showed.
    assert "naam" in velden.split("; ")[0]
    assert velden.endswith(f"; ook getoond: Melding {gevonden.nummer}")
    assert "Amrani" not in html
