"""Handing over: the new behandelaar gets an e-mail with a link only; 'Mijn zaken' lists own open cases."""

import pytest
from django.core import mail
from django.urls import reverse

from finintegriteit.kern import rollen as r
from meldingen.services import melding_wijzigen

pytestmark = pytest.mark.django_db


def test_toewijzen_mailt_alleen_een_link(
    analist, maak_gebruiker, maak_melding, django_capture_on_commit_callbacks, settings
):
    settings.BASIS_URL = "https://integriteit.example.nl"
    collega = maak_gebruiker("collega", r.OIF_ANALIST)
    collega.email = "collega@example.nl"
    collega.save()
    melding = maak_melding(omschrijving="Geheime omschrijving.")
    with django_capture_on_commit_callbacks(execute=True):
        melding_wijzigen(
            melding=melding, door=analist, versie=melding.versie, gegevens={"behandelaar": collega}
        )
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["collega@example.nl"]
    assert f"https://integriteit.example.nl/meldingen/{melding.pk}/" in bericht.body
    for geheim in (melding.nummer, "Geheime", "ongewenste", "Belastingdienst"):
        assert geheim.lower() not in (bericht.subject + bericht.body).lower()


def test_geen_mail_bij_jezelf_toewijzen_of_ongewijzigd(
    analist, maak_melding, django_capture_on_commit_callbacks
):
    analist.email = "analist@example.nl"
    analist.save()
    melding = maak_melding()
    with django_capture_on_commit_callbacks(execute=True):
        melding_wijzigen(
            melding=melding, door=analist, versie=melding.versie, gegevens={"behandelaar": analist}
        )
    assert mail.outbox == []


def test_mijn_zaken_toont_eigen_open_zaken_eerste_termijn_boven(analist_client, analist, maak_melding):
    eigen = maak_melding(behandelaar=analist, klokkenluidersmelding=True)
    maak_melding()
    antwoord = analist_client.get(reverse("meldingen:mijn_zaken"))
    html = antwoord.content.decode()
    assert eigen.nummer in html and "1 open melding" in html
    assert 'aria-sort="ascending"><a id="sorteer-termijn" href="?behandelaar' in html
    # Its own page: the title and the highlighted menu item say 'Mijn zaken', not 'Werkvoorraad'.
    assert "<title>Mijn zaken" in html and '<h1 class="h3 mb-0">Mijn zaken</h1>' in html
    assert [item["label"] for item in antwoord.context["navigatie"] if item["actief"]] == ["Mijn zaken"]


def test_in_mijn_zaken_kan_de_analist_alle_behandelaars_kiezen(analist_client, analist, maak_melding):
    maak_melding(behandelaar=analist)
    ander = maak_melding()
    html = analist_client.get(reverse("meldingen:mijn_zaken"), {"behandelaar": ""}).content.decode()
    assert ander.nummer in html
