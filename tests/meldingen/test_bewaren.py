"""The retention hold in the browser flow: an analist marks a closed case 'niet vernietigen'."""

import datetime

import pytest
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.vergrendeling import VERSIE_CONFLICT
from meldingen.models import Betrokkene, Melding
from meldingen.services.bewaartermijn import persoonsgegevens_wissen, wissen_vanaf
from meldingen.services.fouten import AL_GEWIST, BEWAREN_REDEN_VERPLICHT

pytestmark = pytest.mark.django_db

REDEN = "Beroepsprocedure bij de rechtbank loopt nog."


@pytest.fixture
def afgedaan(maak_melding, maak_betrokkene):
    def maak(afgedaan_op=datetime.date(2020, 5, 1)):
        melding = maak_melding(ontvangen_op=datetime.date(2020, 1, 6))
        maak_betrokkene(melding, naam="Jan Jansen")
        Melding.objects.filter(pk=melding.pk).update(status=Melding.Status.AFGEDAAN, afgedaan_op=afgedaan_op)
        melding.refresh_from_db()
        return melding

    return maak


def _bewaren(client, melding, **gegevens):
    gegevens.setdefault("versie", melding.versie)
    return client.post(reverse("meldingen:bewaren", args=[melding.pk]), gegevens)


def test_een_afgedane_zaak_op_niet_vernietigen_wordt_door_de_bewaartermijn_overgeslagen(
    client, analist, afgedaan
):
    melding = afgedaan()
    client.force_login(analist)

    antwoord = _bewaren(client, melding, niet_vernietigen="on", reden=REDEN)

    assert antwoord.status_code == 302
    pagina = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    assert "Niet vernietigen" in pagina and REDEN in pagina
    assert persoonsgegevens_wissen(vandaag=datetime.date(2030, 1, 1)) == []
    assert Betrokkene.objects.get(melding=melding).naam == "Jan Jansen"
    regel = AuditRegel.objects.filter(object_id=str(melding.pk), actie=AuditRegel.Actie.GEWIJZIGD).get()
    assert set(regel.velden) == {"niet_vernietigen", "niet_vernietigen_reden"}
    assert REDEN not in str(regel.velden), "de audit bewaart veldnamen, geen inhoud"


def test_zonder_reden_geen_bewaarplicht_en_een_duidelijke_melding(client, analist, afgedaan):
    melding = afgedaan()
    client.force_login(analist)

    antwoord = _bewaren(client, melding, niet_vernietigen="on", reden="   ")

    assert antwoord.status_code == 200
    assert BEWAREN_REDEN_VERPLICHT in antwoord.content.decode()
    melding.refresh_from_db()
    assert not melding.niet_vernietigen


def test_opheffen_laat_de_bewaartermijn_weer_gelden_en_vergeet_de_reden(client, analist, afgedaan):
    melding = afgedaan()
    client.force_login(analist)
    _bewaren(client, melding, niet_vernietigen="on", reden=REDEN)
    melding.refresh_from_db()

    assert _bewaren(client, melding, reden=REDEN).status_code == 302

    melding.refresh_from_db()
    assert (melding.niet_vernietigen, melding.niet_vernietigen_reden) == (False, "")
    assert persoonsgegevens_wissen(vandaag=datetime.date(2030, 1, 1)) == [melding.nummer]


def test_wie_een_verouderde_pagina_opslaat_krijgt_het_conflict_en_overschrijft_niets(
    client, analist, afgedaan
):
    melding = afgedaan()
    oude_versie = melding.versie
    client.force_login(analist)
    _bewaren(client, melding, niet_vernietigen="on", reden=REDEN)

    antwoord = _bewaren(client, melding, versie=oude_versie, reden="")

    assert antwoord.status_code == 409 and VERSIE_CONFLICT in antwoord.content.decode()
    melding.refresh_from_db()
    assert melding.niet_vernietigen and melding.niet_vernietigen_reden == REDEN


def test_na_het_wissen_valt_er_niets_meer_te_bewaren(client, analist, afgedaan):
    melding = afgedaan()
    persoonsgegevens_wissen(vandaag=datetime.date(2030, 1, 1))
    melding.refresh_from_db()
    client.force_login(analist)

    antwoord = _bewaren(client, melding, niet_vernietigen="on", reden=REDEN)

    assert AL_GEWIST in antwoord.content.decode()
    melding.refresh_from_db()
    assert not melding.niet_vernietigen
    detail = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()
    assert "Persoonsgegevens gewist op 01-01-2030" in detail
    assert reverse("meldingen:bewaren", args=[melding.pk]) not in detail


@pytest.mark.parametrize(
    "afgedaan_op", [datetime.date(2020, 5, 1), datetime.date(2020, 2, 29), datetime.date(2020, 12, 31)]
)
def test_de_zaakpagina_noemt_de_dag_waarop_de_bewaartermijn_werkelijk_wist(
    client, analist, afgedaan, afgedaan_op
):
    melding = afgedaan(afgedaan_op)
    dag = wissen_vanaf(melding=melding)
    client.force_login(analist)

    detail = client.get(reverse("meldingen:detail", args=[melding.pk])).content.decode()

    assert f"Persoonsgegevens worden gewist vanaf {dag:%d-%m-%Y}" in detail
    assert persoonsgegevens_wissen(vandaag=dag - datetime.timedelta(days=1)) == []
    assert persoonsgegevens_wissen(vandaag=dag) == [melding.nummer]
