"""The status machine: only the allowed transitions, each in the timeline; closing and reopening rules."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from afdoeningen.selectors import AFDOENING_ONTBREEKT
from meldingen.models import Melding, StatusOvergang
from meldingen.services import (
    betrokkene_wijzigen,
    fouten,
    melding_heropenen,
    melding_status_wijzigen,
    melding_termijnen_vastleggen,
    melding_wijzigen,
    toegestane_overgangen,
)
from tests.bouwstenen.meldingen import recht

S = Melding.Status
TOEGESTAAN = {
    (S.ONTVANGEN, S.IN_BEOORDELING),
    (S.IN_BEOORDELING, S.GEEN_ONDERZOEK),
    (S.IN_BEOORDELING, S.ORIENTEREND_ONDERZOEK),
    (S.IN_BEOORDELING, S.VOLLEDIG_FEITENONDERZOEK),
    (S.GEEN_ONDERZOEK, S.AFGEDAAN),
    (S.ORIENTEREND_ONDERZOEK, S.AFGEDAAN),
    (S.VOLLEDIG_FEITENONDERZOEK, S.AFGEDAAN),
}
ALLE_PAREN = list(itertools.product(S.values, S.values))
# The shortest way to each status through the flow.
PAD = {
    S.ONTVANGEN: [],
    S.IN_BEOORDELING: [S.IN_BEOORDELING],
    S.GEEN_ONDERZOEK: [S.IN_BEOORDELING, S.GEEN_ONDERZOEK],
    S.ORIENTEREND_ONDERZOEK: [S.IN_BEOORDELING, S.ORIENTEREND_ONDERZOEK],
    S.VOLLEDIG_FEITENONDERZOEK: [S.IN_BEOORDELING, S.VOLLEDIG_FEITENONDERZOEK],
    S.AFGEDAAN: [S.IN_BEOORDELING, S.GEEN_ONDERZOEK, S.AFGEDAAN],
}

pytestmark = pytest.mark.django_db


def naar(melding, status, door, reden="Omdat het kan."):
    return melding_status_wijzigen(
        melding=melding, door=door, naar=status, reden=reden, versie=melding.versie
    )


def melding_met_status(maak_melding, analist, status):
    melding = maak_melding()
    for stap in PAD[status]:
        naar(melding, stap, analist)
    assert melding.status == status
    return melding


def test_de_overgangstabel_is_precies_het_statusverloop_uit_het_issue():
    assert {(van, n) for van in S.values for n in toegestane_overgangen(van)} == TOEGESTAAN


@pytest.mark.parametrize(("van", "doel"), sorted(TOEGESTAAN))
def test_elke_toegestane_overgang_wordt_geaccepteerd_en_komt_in_de_tijdlijn(maak_melding, analist, van, doel):
    melding = melding_met_status(maak_melding, analist, van)
    naar(melding, doel, analist, reden="Zie dossier.")
    melding.refresh_from_db()
    assert melding.status == doel
    stap = StatusOvergang.objects.filter(melding=melding).latest("pk")
    assert (stap.van, stap.naar, stap.door, stap.reden) == (van, doel, analist, "Zie dossier.")


@pytest.mark.parametrize(("van", "doel"), [p for p in ALLE_PAREN if p not in TOEGESTAAN])
def test_elke_andere_overgang_wordt_geweigerd_en_verandert_niets(maak_melding, analist, van, doel):
    melding = melding_met_status(maak_melding, analist, van)
    aantal_stappen = StatusOvergang.objects.filter(melding=melding).count()
    with pytest.raises(ValidationError) as fout:
        naar(melding, doel, analist)
    assert fouten.OVERGANG_NIET_TOEGESTAAN.format(van=S(van).label, naar=S(doel).label) in str(fout.value)
    melding.refresh_from_db()
    assert melding.status == van
    assert StatusOvergang.objects.filter(melding=melding).count() == aantal_stappen


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (S.GEEN_ONDERZOEK, "geen-onderzoek"),
        (S.ORIENTEREND_ONDERZOEK, "orienterend-onderzoek"),
        (S.VOLLEDIG_FEITENONDERZOEK, "volledig-feitenonderzoek"),
    ],
)
def test_een_onderzoeksstatus_zet_het_type_onderzoek(maak_melding, analist, status, code):
    melding = melding_met_status(maak_melding, analist, status)
    melding.refresh_from_db()
    assert melding.onderzoek_type.code == code


def test_een_statuswijziging_zonder_reden_wordt_geweigerd(maak_melding, analist):
    melding = maak_melding()
    with pytest.raises(ValidationError) as fout:
        naar(melding, S.IN_BEOORDELING, analist, reden="  ")
    assert fouten.REDEN_VERPLICHT in str(fout.value)
    melding.refresh_from_db()
    assert melding.status == S.ONTVANGEN


def test_registratie_is_de_eerste_stap_van_de_tijdlijn(maak_melding, analist):
    melding = maak_melding()
    stap = melding.statusovergangen.get()
    assert (stap.van, stap.naar, stap.door) == ("", S.ONTVANGEN, analist)


# --- Afsluiten ---------------------------------------------------------------------------------------


def test_afdoen_kan_niet_zolang_een_betrokkene_geen_afdoening_heeft(
    maak_melding, maak_betrokkene, maak_afdoening, analist
):
    melding = melding_met_status(maak_melding, analist, S.VOLLEDIG_FEITENONDERZOEK)
    maak_afdoening(maak_betrokkene(melding, naam="A"))
    maak_betrokkene(melding, naam="B")
    with pytest.raises(ValidationError) as fout:
        naar(melding, S.AFGEDAAN, analist)
    assert AFDOENING_ONTBREEKT.format(aantal=1, totaal=2) in str(fout.value)
    melding.refresh_from_db()
    assert melding.status == S.VOLLEDIG_FEITENONDERZOEK and melding.afgedaan_op is None


def test_afdoen_kan_als_elke_betrokkene_een_afdoening_heeft(
    maak_melding, maak_betrokkene, maak_afdoening, analist, vandaag
):
    melding = melding_met_status(maak_melding, analist, S.GEEN_ONDERZOEK)
    for naam in ("A", "B"):
        maak_afdoening(maak_betrokkene(melding, naam=naam))
    naar(melding, S.AFGEDAAN, analist)
    melding.refresh_from_db()
    assert melding.status == S.AFGEDAAN and melding.afgedaan_op == vandaag


def test_zonder_betrokkenen_afdoen_vraagt_een_reden(maak_melding, analist):
    melding = melding_met_status(maak_melding, analist, S.GEEN_ONDERZOEK)
    with pytest.raises(ValidationError) as fout:
        naar(melding, S.AFGEDAAN, analist, reden="")
    assert fouten.ZONDER_BETROKKENEN_REDEN in str(fout.value)
    naar(melding, S.AFGEDAAN, analist, reden="Melding betrof geen medewerker van Financiën.")
    melding.refresh_from_db()
    assert melding.status == S.AFGEDAAN


def test_een_afgedane_melding_is_alleen_lezen(maak_melding, maak_betrokkene, maak_afdoening, analist):
    melding = melding_met_status(maak_melding, analist, S.GEEN_ONDERZOEK)
    Melding.objects.filter(pk=melding.pk).update(klokkenluidersmelding=True)
    melding.refresh_from_db()
    betrokkene = maak_betrokkene(melding)
    maak_afdoening(betrokkene)
    naar(melding, S.AFGEDAAN, analist)
    betrokkene.refresh_from_db()
    pogingen = {
        "melding": lambda: melding_wijzigen(
            melding=melding, door=analist, versie=melding.versie, gegevens={"omschrijving": "x"}
        ),
        "nieuwe betrokkene": lambda: maak_betrokkene(melding),
        "betrokkene": lambda: betrokkene_wijzigen(
            betrokkene=betrokkene, door=analist, versie=betrokkene.versie, gegevens={"naam": "x"}
        ),
        "termijnen": lambda: melding_termijnen_vastleggen(
            melding=melding,
            door=analist,
            versie=melding.versie,
            ontvangstbevestiging_op=melding.ontvangen_op,
            terugkoppeling_op=None,
        ),
    }
    for wat, poging in pogingen.items():
        with pytest.raises(ValidationError) as fout:
            poging()
        assert fouten.MELDING_AFGEDAAN in str(fout.value), wat
    melding.refresh_from_db()
    assert melding.omschrijving != "x" and melding.ontvangstbevestiging_op is None
    assert melding.betrokkenen.count() == 1


# --- Heropenen -----------------------------------------------------------------------------------------


def test_heropenen_vraagt_het_recht(maak_melding, analist):
    melding = melding_met_status(maak_melding, analist, S.AFGEDAAN)
    with pytest.raises(PermissionDenied):
        melding_heropenen(melding=melding, door=analist, reden="Nieuwe feiten.", versie=melding.versie)
    melding.refresh_from_db()
    assert melding.status == S.AFGEDAAN


def test_heropenen_vraagt_een_reden(maak_melding, analist):
    melding = melding_met_status(maak_melding, analist, S.AFGEDAAN)
    bevoegd = recht(analist, "melding_heropenen")
    with pytest.raises(ValidationError) as fout:
        melding_heropenen(melding=melding, door=bevoegd, reden=" ", versie=melding.versie)
    assert fouten.REDEN_VERPLICHT in str(fout.value)


def test_heropenen_zet_de_melding_terug_en_staat_in_de_tijdlijn(maak_melding, analist):
    melding = melding_met_status(maak_melding, analist, S.AFGEDAAN)
    bevoegd = recht(analist, "melding_heropenen")
    melding_heropenen(melding=melding, door=bevoegd, reden="Nieuwe feiten.", versie=melding.versie)
    melding.refresh_from_db()
    assert melding.status == S.GEEN_ONDERZOEK and melding.afgedaan_op is None
    stap = melding.statusovergangen.latest("pk")
    assert (stap.van, stap.naar, stap.heropend, stap.reden) == (
        S.AFGEDAAN,
        S.GEEN_ONDERZOEK,
        True,
        "Nieuwe feiten.",
    )
    # Open again: the flow continues from there.
    naar(melding, S.AFGEDAAN, analist)


def test_een_open_melding_kan_niet_heropend_worden(maak_melding, analist):
    melding = maak_melding()
    bevoegd = recht(analist, "melding_heropenen")
    with pytest.raises(ValidationError) as fout:
        melding_heropenen(melding=melding, door=bevoegd, reden="x", versie=melding.versie)
    assert fouten.NIET_AFGEDAAN in str(fout.value)
