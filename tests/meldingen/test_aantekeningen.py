"""Notes on a case: added by an analist, never changed, corrected by a new note, erased with the case."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from meldingen.models import Aantekening, Melding
from meldingen.services import fouten
from meldingen.services.aantekeningen import aantekening_toevoegen
from meldingen.services.bewaartermijn import persoonsgegevens_wissen

pytestmark = pytest.mark.django_db


def test_aantekening_toevoegen_en_corrigeren_in_de_browser(analist_client, analist, maak_melding):
    melding = maak_melding()
    url = reverse("meldingen:aantekening_toevoegen", args=[melding.pk])
    antwoord = analist_client.post(url, {"tekst": "Gesprek met de leidinggevende op 3 maart."})
    assert antwoord.status_code == 302
    eerste = Aantekening.objects.get()
    assert (eerste.door, eerste.melding) == (analist, melding)
    analist_client.post(url, {"tekst": "Het gesprek was op 4 maart.", "corrigeert": eerste.pk})
    correctie = Aantekening.objects.exclude(pk=eerste.pk).get()
    assert correctie.corrigeert == eerste
    html = analist_client.get(melding.get_absolute_url()).content.decode()
    assert "Gesprek met de leidinggevende op 3 maart." in html  # the original stays
    assert "Correctie op aantekening" in html and f'href="#aantekening-{eerste.pk}"' in html
    assert list(
        AuditRegel.objects.filter(object_type="aantekening").order_by("pk").values_list("actie", "velden")
    ) == [("aangemaakt", ["tekst"]), ("aangemaakt", ["corrigeert", "tekst"])]


def test_lege_aantekening_wordt_geweigerd_en_schrijft_niets(analist_client, maak_melding):
    melding = maak_melding()
    antwoord = analist_client.post(
        reverse("meldingen:aantekening_toevoegen", args=[melding.pk]), {"tekst": "  "}
    )
    assert antwoord.status_code == 400
    assert "Dit veld is verplicht." in antwoord.content.decode()
    assert not Aantekening.objects.exists()


def test_geen_aantekening_bij_een_afgedane_melding(analist, maak_melding):
    melding = maak_melding()
    Melding.objects.filter(pk=melding.pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=F("ontvangen_op")
    )
    with pytest.raises(ValidationError) as fout:
        aantekening_toevoegen(melding=melding, door=analist, tekst="Nog iets.")
    assert fout.value.messages == [fouten.MELDING_AFGEDAAN]


def test_een_afgedane_melding_zonder_aantekeningen_en_documenten_zegt_dat(analist_client, maak_melding):
    melding = maak_melding()
    html = analist_client.get(melding.get_absolute_url()).content.decode()
    assert "Geen aantekeningen." not in html  # an open case shows the form instead
    Melding.objects.filter(pk=melding.pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=F("ontvangen_op")
    )
    html = analist_client.get(melding.get_absolute_url()).content.decode()
    assert "Geen aantekeningen." in html and "Geen documenten." in html


def test_correctie_moet_bij_dezelfde_melding_horen(analist, maak_melding):
    andere = aantekening_toevoegen(melding=maak_melding(), door=analist, tekst="Elders.")
    with pytest.raises(ValidationError):
        aantekening_toevoegen(melding=maak_melding(), door=analist, tekst="Correctie.", corrigeert=andere)
    assert Aantekening.objects.count() == 1


def test_er_is_geen_manier_om_een_aantekening_te_wijzigen():
    from meldingen.services import aantekeningen

    assert [naam for naam in dir(aantekeningen) if naam.startswith("aantekening_")] == [
        "aantekening_toevoegen"
    ]


def test_bewaartermijn_wist_de_tekst_van_aantekeningen(analist, maak_melding, settings):
    melding = maak_melding()
    aantekening_toevoegen(melding=melding, door=analist, tekst="Naam van de getuige: Piet.")
    Melding.objects.filter(pk=melding.pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=datetime.date(2010, 1, 1)
    )
    assert persoonsgegevens_wissen(vandaag=datetime.date(2025, 6, 1)) == [melding.nummer]
    aantekening = Aantekening.objects.get()
    assert aantekening.tekst == "" and aantekening.door == analist
