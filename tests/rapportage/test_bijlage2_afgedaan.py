"""Bijlage 2 shows an afdoening's own text only when the melding is afgedaan and the text was checked
against the melder (docs/beveiliging.md, 'Geen orakel op de identiteit van de melder')."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from afdoeningen.services import afdoening_controleren, afdoening_vastleggen
from finintegriteit.kern import rollen as r
from finintegriteit.referentie import models as ref
from meldingen import services as meldingen_services
from meldingen.models import Melding
from rapportage.selectors import bijlage2
from tests.bouwstenen import afgedaan
from tests.bouwstenen.meldingen import recht
from tests.factories import BetrokkeneFactory, MelderIdentiteitFactory, MeldingFactory, optie

pytestmark = pytest.mark.django_db

JAAR = 2026
MET_NAAM = "MELDERNAAM Piet Melder meldde dit bij zijn chef"
NETJES = "Ongepast gedrag tegenover een collega."


def _vastleggen(betrokkene, door, inhoud, versie=0):
    return afdoening_vastleggen(
        betrokkene=betrokkene,
        door=door,
        versie=versie,
        schending=optie(ref.SchendingSoort, "ongewenste-omgangsvormen"),
        aangetoond=True,
        type=optie(ref.AfdoeningType, "corrigerend-gesprek"),
        datum=datetime.date(JAAR, 6, 1),
        inhoud=inhoud,
    )


def _wat_coordinatoren_zien(client, *coordinatoren) -> dict[str, str]:
    """Everything the coordinators get of Bijlage 2, per way: the .xlsx, the chapter's page, the preview."""
    gezien = {"xlsx": "", "hoofdstuk": "", "voorbeeld": ""}
    for coordinator in coordinatoren:
        client.force_login(coordinator)
        lijst = client.get(reverse("rapportage:xlsx", args=["bijlage2"]), {"jaar": JAAR})
        assert lijst.status_code == 200
        blad = load_workbook(io.BytesIO(lijst.content)).active
        gezien["xlsx"] += "\n".join(str(c) for rij in blad.iter_rows(values_only=True) for c in rij if c)
        for wat, url in (
            ("hoofdstuk", reverse("rapportage:hoofdstuk_tabellen", args=["bijlage2"])),
            ("voorbeeld", reverse("rapportage:voorbeeld")),
        ):
            pagina = client.get(url, {"jaar": JAAR})
            assert pagina.status_code == 200
            gezien[wat] += pagina.content.decode()
    return gezien


def test_een_ongecontroleerde_tekst_bij_een_open_melding_staat_niet_in_bijlage2(
    client, settings, maak_gebruiker, analist, coordinator, coordinator_douane
):
    # What the figures contain, not when the cache renews them (a test transaction never commits).
    settings.CIJFERS_CACHE_SECONDEN = 0
    teamleider = recht(maak_gebruiker("teamleider", r.OIF_ANALIST), "melder_identiteit_inzien")
    melding = MeldingFactory(
        ontvangen_op=datetime.date(JAAR, 3, 2),
        status=Melding.Status.ORIENTEREND_ONDERZOEK,
        dienstonderdeel=optie(ref.Onderdeel, "douane"),
    )
    MelderIdentiteitFactory(melding=melding, naam="Piet Melder")
    betrokkene = BetrokkeneFactory(melding=melding, naam="Jan de Vries")

    # The analist without the identity right writes a text that names the melder: it waits for the check.
    afdoening = _vastleggen(betrokkene, analist, MET_NAAM)
    assert afdoening.controle_melder_open
    for wat, tekst in _wat_coordinatoren_zien(client, coordinator, coordinator_douane).items():
        assert "Piet Melder" not in tekst and "MELDERNAAM" not in tekst, wat

    # Rewritten and checked, but the melding is still open: still no line (a new line in a small
    # onderdeel would point to a person).
    afdoening = _vastleggen(betrokkene, analist, NETJES, versie=afdoening.versie)
    afdoening_controleren(afdoening=afdoening, door=teamleider)
    for wat, tekst in _wat_coordinatoren_zien(client, coordinator, coordinator_douane).items():
        assert NETJES not in tekst, wat

    melding.refresh_from_db()
    meldingen_services.melding_status_wijzigen(
        melding=melding, door=analist, naar=Melding.Status.AFGEDAAN, reden="Klaar.", versie=melding.versie
    )
    gezien = _wat_coordinatoren_zien(client, coordinator, coordinator_douane)
    # The checked line, for both coordinators, in the list and in the preview of the PDF.
    assert gezien["xlsx"].count(NETJES) == 2 and gezien["voorbeeld"].count(NETJES) == 2
    assert not any("Piet Melder" in tekst for tekst in gezien.values())


def test_een_afgedane_melding_met_een_open_controle_telt_niet_in_bijlage2():
    # As an import or a direct write could leave it: afgedaan, the text not yet checked.
    gecontroleerd = afgedaan(datum=datetime.date(2024, 5, 1), inhoud="Gecontroleerd.")
    open_controle = afgedaan(datum=datetime.date(2024, 5, 2), inhoud=MET_NAAM)
    type(open_controle).objects.filter(pk=open_controle.pk).update(controle_melder_open=True)
    lopend = afgedaan(datum=datetime.date(2024, 5, 3), inhoud="Nog open.")
    Melding.objects.filter(pk=lopend.betrokkene.melding_id).update(
        status=Melding.Status.IN_BEOORDELING, afgedaan_op=None
    )

    assert [rij["inhoud"] for rij in bijlage2(jaar=2024)] == [gecontroleerd.inhoud]
