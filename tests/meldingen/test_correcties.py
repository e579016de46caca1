"""Corrections of an open case: each needs a reason, is audited, and leaves a closed case alone."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse

from afdoeningen.models import Afdoening
from afdoeningen.services import AfdoeningAlleenLezen, afdoening_intrekken
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.vergrendeling import VersieConflict
from meldingen.models import Betrokkene, Melding
from meldingen.services import fouten
from meldingen.services.correcties import betrokkene_verwijderen, onderzoek_corrigeren

pytestmark = pytest.mark.django_db

S = Melding.Status


@pytest.fixture
def in_onderzoek(maak_melding):
    melding = maak_melding()
    Melding.objects.filter(pk=melding.pk).update(status=S.ORIENTEREND_ONDERZOEK)
    melding.refresh_from_db()
    return melding


def test_type_onderzoek_corrigeren_in_de_browser(analist_client, in_onderzoek):
    url = reverse("meldingen:onderzoek_corrigeren", args=[in_onderzoek.pk])
    pagina = analist_client.get(url).content.decode()
    assert "Volledig feitenonderzoek" in pagina and 'value="orienterend_onderzoek"' not in pagina
    leeg = analist_client.post(url, {"naar": S.VOLLEDIG_FEITENONDERZOEK, "versie": in_onderzoek.versie})
    assert leeg.status_code == 200 and "Geef een reden op." in leeg.content.decode()
    antwoord = analist_client.post(
        url, {"naar": S.VOLLEDIG_FEITENONDERZOEK, "reden": "Meer getuigen.", "versie": in_onderzoek.versie}
    )
    assert antwoord.status_code == 302
    in_onderzoek.refresh_from_db()
    assert in_onderzoek.status == S.VOLLEDIG_FEITENONDERZOEK
    assert in_onderzoek.onderzoek_type.code == "volledig-feitenonderzoek"
    stap = in_onderzoek.statusovergangen.order_by("-pk").first()
    assert (stap.van, stap.naar, stap.reden) == (
        S.ORIENTEREND_ONDERZOEK,
        S.VOLLEDIG_FEITENONDERZOEK,
        "Correctie: Meer getuigen.",
    )
    assert AuditRegel.objects.filter(
        actie="status", object_id=str(in_onderzoek.pk), reden_tekst__tekst="Meer getuigen."
    ).exists()


def test_type_onderzoek_alleen_als_de_melding_in_onderzoek_is(analist, maak_melding):
    melding = maak_melding()
    with pytest.raises(ValidationError) as fout:
        onderzoek_corrigeren(
            melding=melding, door=analist, versie=melding.versie, naar=S.VOLLEDIG_FEITENONDERZOEK, reden="x"
        )
    assert fout.value.message_dict["naar"] == [fouten.ONDERZOEK_CORRECTIE_NIET_MOGELIJK]


def test_betrokkene_zonder_afdoening_verwijderen(analist_client, maak_melding, maak_betrokkene):
    melding = maak_melding()
    betrokkene = maak_betrokkene(melding, naam="Per Ongeluk")
    url = reverse("meldingen:betrokkene_verwijderen", args=[betrokkene.pk])
    zonder_vinkje = analist_client.post(url, {"reden": "Verkeerde persoon.", "versie": betrokkene.versie})
    assert zonder_vinkje.status_code == 200 and Betrokkene.objects.filter(pk=betrokkene.pk).exists()
    antwoord = analist_client.post(
        url, {"reden": "Verkeerde persoon.", "versie": betrokkene.versie, "bevestigd": "on"}
    )
    assert antwoord.status_code == 302
    assert not Betrokkene.objects.filter(pk=betrokkene.pk).exists()
    regel = AuditRegel.objects.get(actie="gewist", object_type="betrokkene")
    assert (regel.object_id, regel.reden) == (str(betrokkene.pk), "Verkeerde persoon.")
    assert "Ongeluk" not in str(list(AuditRegel.objects.values()))


def test_betrokkene_met_afdoening_eerst_intrekken(analist, maak_melding, maak_betrokkene, maak_afdoening):
    melding = maak_melding()
    betrokkene = maak_betrokkene(melding)
    afdoening = maak_afdoening(betrokkene)
    with pytest.raises(ValidationError) as fout:
        betrokkene_verwijderen(betrokkene=betrokkene, door=analist, versie=betrokkene.versie, reden="Fout.")
    assert fout.value.messages == [fouten.BETROKKENE_HEEFT_AFDOENING]
    afdoening_intrekken(
        afdoening=afdoening, door=analist, versie=afdoening.versie, reden="Verkeerd vastgelegd."
    )
    assert not Afdoening.objects.exists()
    assert AuditRegel.objects.filter(
        actie="gewist", object_type="afdoening", reden_tekst__tekst="Verkeerd vastgelegd."
    ).exists()
    betrokkene_verwijderen(betrokkene=betrokkene, door=analist, versie=betrokkene.versie, reden="Fout.")
    assert not Betrokkene.objects.exists()


def test_verwijderen_en_intrekken_van_een_oudere_versie_geven_een_conflict(
    analist, maak_melding, maak_betrokkene, maak_afdoening
):
    melding = maak_melding()
    afdoening = maak_afdoening(maak_betrokkene(melding))
    betrokkene = maak_betrokkene(melding)
    with pytest.raises(VersieConflict):
        afdoening_intrekken(afdoening=afdoening, door=analist, versie=afdoening.versie + 1, reden="x")
    with pytest.raises(VersieConflict):
        betrokkene_verwijderen(betrokkene=betrokkene, door=analist, versie=betrokkene.versie + 1, reden="x")
    assert Afdoening.objects.filter(pk=afdoening.pk).exists()
    assert Betrokkene.objects.filter(pk=betrokkene.pk).exists()
    assert not AuditRegel.objects.filter(actie="gewist").exists()
    # Removed in another tab already: the second attempt is the same conflict, not an error page.
    betrokkene_verwijderen(betrokkene=betrokkene, door=analist, versie=betrokkene.versie, reden="x")
    with pytest.raises(VersieConflict):
        betrokkene_verwijderen(betrokkene=betrokkene, door=analist, versie=betrokkene.versie, reden="x")


def test_afdoening_intrekken_in_de_browser_en_niet_na_afdoen(
    analist_client, analist, maak_melding, maak_betrokkene, maak_afdoening
):
    melding = maak_melding()
    afdoening = maak_afdoening(maak_betrokkene(melding))
    url = reverse("afdoeningen:intrekken", args=[afdoening.betrokkene_id])
    assert "Afdoening intrekken" in analist_client.get(url).content.decode()
    Melding.objects.filter(pk=melding.pk).update(status=S.AFGEDAAN, afgedaan_op=F("ontvangen_op"))
    assert (
        analist_client.post(url, {"reden": "x", "versie": afdoening.versie, "bevestigd": "on"}).status_code
        == 302
    )
    assert Afdoening.objects.filter(pk=afdoening.pk).exists()
    with pytest.raises(AfdoeningAlleenLezen):
        afdoening_intrekken(afdoening=afdoening, door=analist, versie=afdoening.versie, reden="x")


def test_geen_correctie_aan_een_afgedane_melding(analist, in_onderzoek, maak_betrokkene):
    betrokkene = maak_betrokkene(in_onderzoek)
    Melding.objects.filter(pk=in_onderzoek.pk).update(status=S.AFGEDAAN, afgedaan_op=F("ontvangen_op"))
    in_onderzoek.refresh_from_db()
    for poging in (
        lambda: onderzoek_corrigeren(
            melding=in_onderzoek, door=analist, versie=in_onderzoek.versie, naar=S.GEEN_ONDERZOEK, reden="x"
        ),
        lambda: betrokkene_verwijderen(
            betrokkene=betrokkene, door=analist, versie=betrokkene.versie, reden="x"
        ),
    ):
        with pytest.raises(ValidationError) as fout:
            poging()
        assert fout.value.messages == [fouten.MELDING_AFGEDAAN]
    assert Betrokkene.objects.filter(pk=betrokkene.pk).exists()
