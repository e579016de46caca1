"""OIF figures: meldingen received in the year, betrokkenen afgedaan in the year, Bijlage 2."""

import datetime

import pytest

from finintegriteit.referentie import models as ref
from rapportage.selectors import jaarcijfers
from tests.bouwstenen import afgedaan, melding

pytestmark = pytest.mark.django_db


def oif(jaar=2024, onderdeel=None):
    return jaarcijfers(jaar=jaar, onderdeel=onderdeel)["oif"]


def rij(rijen, label):
    return next(r for r in rijen if r["label"] == label)


def test_meldingen_tellen_in_het_jaar_van_ontvangst_met_de_jaargrenzen():
    melding(ontvangen_op=datetime.date(2023, 12, 31), melder="burger")
    melding(ontvangen_op=datetime.date(2024, 1, 1), melder="burger")
    melding(ontvangen_op=datetime.date(2024, 12, 31), melder="management", onderwerp="misstanden")
    melding(ontvangen_op=datetime.date(2025, 1, 1), melder="burger")

    cijfers = oif()

    assert cijfers["meldingen"] == 2
    assert cijfers["melder"] == {
        "Management": 1,
        "Medewerker": 0,
        "Extern": 0,
        "Anoniem": 0,
        "Vertrouwenspersoon": 0,
        "Burger": 1,
        "Decentrale meldpunten": 0,
    }
    assert cijfers["onderwerp"]["Misstanden volgens Klokkenluidersregeling"] == 1
    assert cijfers["onderwerp"]["Ongewenste omgangsvormen"] == 1
    burger = rij(cijfers["tabellen"]["melder"], "Burger")
    assert (burger["aantal"], burger["vorig_jaar"], burger["pijl"], burger["procent"]) == (1, 1, "=", 50)


def test_onderwerpen_met_een_vergelijkingsgroep_worden_ook_opgeteld():
    melding(onderwerp="misbruik-bevoegdheden")
    melding(onderwerp="misbruik-geweldsbevoegdheid")

    cijfers = oif()

    assert cijfers["onderwerp"]["Misbruik bevoegdheden"] == 1
    assert cijfers["groepen"]["onderwerp"] == {"Misbruik (gewelds)bevoegdheden": 2}


def test_betrokkenen_tellen_in_het_jaar_van_hun_afdoening():
    afgedaan(datum=datetime.date(2023, 12, 31))
    afgedaan(datum=datetime.date(2024, 1, 1))
    # Received in 2023, afgedaan in 2024: a betrokkene of 2024, not a melding of 2024.
    afgedaan(datum=datetime.date(2024, 12, 31), ontvangen_op=datetime.date(2023, 11, 1))
    afgedaan(datum=datetime.date(2025, 1, 1))

    cijfers = oif()

    assert cijfers["betrokkenen"] == 2
    assert cijfers["meldingen"] == 1
    assert cijfers["schending"]["Ongewenste omgangsvormen"] == 2


def test_type_onderzoek_van_de_melding_geldt_voor_elke_betrokkene():
    twee = melding(onderzoek="volledig-feitenonderzoek")
    afgedaan(bij=twee, schending="ongewenste-omgangsvormen")
    afgedaan(bij=twee, schending="lekken-misbruik-informatie")
    afgedaan(onderzoek="orienterend-onderzoek", schending="misstanden", type="geen-afdoening")
    afgedaan(onderzoek="geen-onderzoek")
    afgedaan(onderzoek=None)

    cijfers = oif()

    assert cijfers["onderzoek"] == {
        "Geen onderzoek": 1,
        "Volledig feitenonderzoek": 2,
        "Oriënterend onderzoek": 1,
        "Niet vastgelegd": 1,
    }
    assert cijfers["feitenonderzoek"]["Ongewenste omgangsvormen"] == 1
    assert (
        cijfers["feitenonderzoek"][
            "Lekken en misbruik en/of achterhouden van en/of ongeoorloofd omgaan met informatie"
        ]
        == 1
    )
    assert cijfers["feitenonderzoek"]["Misstanden volgens Klokkenluidersregeling"] == 0
    assert cijfers["misstanden"] == 1
    assert rij(cijfers["tabellen"]["feitenonderzoek"], "Ongewenste omgangsvormen")["procent"] == 50


def test_afdoening_klassen_en_maatregelen_per_onderdeel_van_de_betrokkene():
    afgedaan(type="geen-afdoening", onderdeel="douane")
    afgedaan(type="geen-afdoening", onderdeel="douane")
    afgedaan(type="corrigerend-gesprek", onderdeel="douane")
    afgedaan(type="schriftelijke-berisping", onderdeel="toeslagen")
    # The betrokkene works elsewhere than the melding's dienstonderdeel: the betrokkene counts.
    afgedaan(type="verplaatsing", onderdeel="beleidsdepartement", bij=melding(onderdeel="belastingdienst"))

    cijfers = oif()

    assert cijfers["afdoening_klasse"] == {"geen afdoening": 2, "niet-disciplinair": 1, "disciplinair": 2}
    assert cijfers["maatregelen"] == 3
    assert cijfers["maatregelen_per_onderdeel"] == {
        "Belastingdienst": 0,
        "Douane": 1,
        "Toeslagen": 1,
        "Beleidsdepartement": 1,
        "Anders": 0,
    }
    assert cijfers["afdoening"]["Schriftelijke berisping"] == 1
    assert cijfers["afdoening"]["Financiële afdoening (boete/uitsluiting periodiek)"] == 0
    assert cijfers["percentages"]["afdoening_klasse"] == {
        "geen afdoening": 40,
        "niet-disciplinair": 20,
        "disciplinair": 40,
    }
    assert cijfers["percentages"]["maatregelen_klasse"] == {"niet-disciplinair": 33, "disciplinair": 67}
    assert cijfers["afdoening_per_onderdeel"] == {
        "Douane": {
            "Geen afdoening/actie": 2,
            "Afdoening d.m.v. corrigerend gesprek, waarschuwingsbrief, training, coaching, e.d.": 1,
        },
        "Toeslagen": {"Schriftelijke berisping": 1},
        "Beleidsdepartement": {"Verplaatsing": 1},
    }
    assert rij(cijfers["tabellen"]["afdoening"], "Verplaatsing")["klasse"] == "disciplinair"


def test_bijlage2_geordend_op_dienstonderdeel_dan_schending():
    afgedaan(onderdeel="douane", schending="ongewenste-omgangsvormen", inhoud="C")
    afgedaan(onderdeel="belastingdienst", schending="ongepaste-communicatie", inhoud="B")
    afgedaan(
        onderdeel="belastingdienst",
        schending="misbruik-bedrijfsmiddelen-interne-regels",
        inhoud="A",
        type="geen-afdoening",
        datum=datetime.date(2024, 2, 3),
    )
    afgedaan(onderdeel="belastingdienst", datum=datetime.date(2025, 1, 2), inhoud="volgend jaar")

    rijen = oif()["bijlage2"]

    assert [r["inhoud"] for r in rijen] == ["A", "B", "C"]
    assert rijen[0] == {
        "dienstonderdeel": "Belastingdienst",
        "schending": "Misbruik bedrijfsmiddelen en overtreding interne regels",
        "inhoud": "A",
        "afdoening": "Geen afdoening/actie",
        "klasse": "geen afdoening",
        "datum": datetime.date(2024, 2, 3),
    }


def test_rapport_voor_een_onderdeel_telt_meldingen_en_betrokkenen_van_dat_onderdeel():
    melding(onderdeel="douane")
    melding(onderdeel="belastingdienst")
    afgedaan(onderdeel="douane", type="verplaatsing")
    afgedaan(onderdeel="belastingdienst")
    douane = ref.Onderdeel.objects.get(code="douane")

    cijfers = oif(onderdeel=douane)

    assert cijfers["meldingen"] == 2  # the one above and the melding of the afgedane Douane betrokkene
    assert cijfers["betrokkenen"] == 1
    assert cijfers["maatregelen_per_onderdeel"] == {"Douane": 1}
    assert [r["dienstonderdeel"] for r in cijfers["bijlage2"]] == ["Douane"]
