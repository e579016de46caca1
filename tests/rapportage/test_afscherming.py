"""Small Tellijst cells are hidden, and so many others that none can be worked back from the totals.

Every sum the figures contain (selectors.afscherming.Cellen) is first checked against the raw counts, so
the sums the test reasons with are real ones. Then, for the published figures of one onderdeel and of
the current year, the test solves the sums for the hidden cells as an attacker would (linear algebra
over the visible numbers): no hidden cell may come out with one value, and none may be pinned by the
knowledge that a hidden cell is at least 1.
"""

import datetime
import random
from fractions import Fraction

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from finintegriteit.referentie import models as ref
from rapportage import inhoud
from rapportage.selectors import gepubliceerd, jaarcijfers
from rapportage.selectors.afscherming import VERBORGEN, _cellen, verborgen_cellen
from rapportage.services.publicatie import tellijst_publiceren
from tests.bouwstenen import SUB_HOOFD, dashboard_met_tabellen, tellijst

pytestmark = pytest.mark.django_db

NU = datetime.datetime(2025, 6, 16, 10, 0, tzinfo=datetime.UTC)  # 2025 runs, 2024 is closed


def _onderdeel(code="douane"):
    return ref.Onderdeel.objects.get(code=code)


def _cellen_van(jaar, onderdeel):
    ruw = jaarcijfers(jaar=jaar, onderdeel=onderdeel, tellijst=gepubliceerd())
    return _cellen(ruw["vertrouwenspersonen"], jaar=jaar, jaren=ruw["jaren"])


def _uit_de_sommen_te_halen(c, verborgen) -> set:
    """The hidden cells whose value follows from the sums and the visible cells (Gaussian elimination)."""
    basis = {}

    def verminderen(rij: dict) -> dict:
        rij = dict(rij)
        while rij:
            spil = min(rij)
            if spil not in basis:
                return rij
            factor = rij[spil] / basis[spil][spil]
            for k, v in basis[spil].items():
                rij[k] = rij.get(k, 0) - factor * v
                if rij[k] == 0:
                    del rij[k]
        return rij

    volgorde = {k: i for i, k in enumerate(sorted(verborgen, key=repr))}
    for totaal, delen in c.sommen:
        rij = {}
        for sleutel, teken in [(totaal, 1), *((d, -1) for d in delen)]:
            if sleutel in verborgen:
                rij[volgorde[sleutel]] = rij.get(volgorde[sleutel], 0) + Fraction(teken)
        rij = verminderen({k: v for k, v in rij.items() if v})
        if rij:
            basis[min(rij)] = rij
    return {k for k, i in volgorde.items() if not verminderen({i: Fraction(1)})}


def _vastgepind(c, verborgen) -> list:
    """Sums with a visible total whose hidden parts are all 1 (each is known to be at least 1)."""
    uit = []
    for totaal, delen in c.sommen:
        verborgen_delen = [d for d in delen if d in verborgen]
        if verborgen_delen and totaal not in verborgen:
            if sum(c.waarde[d] for d in verborgen_delen) == len(verborgen_delen):
                uit.append((totaal, verborgen_delen))
    return uit


def _controleer(jaar, onderdeel):
    c = _cellen_van(jaar, onderdeel)
    for totaal, delen in c.sommen:
        assert c.waarde[totaal] == sum(c.waarde[d] for d in delen), (totaal, delen)
    verborgen = verborgen_cellen(c, drempel=settings.TELLIJST_DREMPEL)
    klein = {k for k, v in c.waarde.items() if 0 < v < settings.TELLIJST_DREMPEL}
    assert klein <= verborgen
    assert _uit_de_sommen_te_halen(c, verborgen) == set()
    assert _vastgepind(c, verborgen) == []
    return c, verborgen


def _sub_waarde(cijfers, sub_code, jaar):
    for hoofd in cijfers["vertrouwenspersonen"]["bijlage1"]["aard"]:
        for sub in hoofd["subcategorieen"]:
            if sub["code"] == sub_code:
                return next(w["aantal"] for w in sub["waarden"] if w["jaar"] == jaar)
    raise AssertionError(sub_code)


@time_machine.travel(NU, tick=False)
def test_een_kleine_cel_is_verborgen_en_niet_uit_de_totalen_terug_te_rekenen():
    tellijst(2, jaar=2025, sub="5-intimidatie")
    tellijst(6, jaar=2025, sub="5-pesten-treiteren-roddelen-buitensluiten")
    tellijst(7, jaar=2025, sub="8-arbeidsconflict")
    tellijst(5, jaar=2025, sub="5-intimidatie", onderdeel="belastingdienst")
    tellijst_publiceren()

    for onderdeel in [_onderdeel(), None]:
        cijfers = inhoud.paginacijfers(jaar=2025, onderdeel=onderdeel)
        if onderdeel is not None:
            assert _sub_waarde(cijfers, "5-intimidatie", 2025) == VERBORGEN
        # 2 hidden in its hoofdcategorie (5), so another cell of it had to go as well.
        ruw = jaarcijfers(jaar=2025, onderdeel=onderdeel, tellijst=gepubliceerd())
        assert _sub_waarde(ruw, "5-intimidatie", 2025) == (2 if onderdeel else 7)
        _controleer(2025, onderdeel)


@time_machine.travel(NU, tick=False)
@pytest.mark.parametrize("zaad", [1, 2, 3])
def test_willekeurige_tellijsten_geven_geen_enkele_verborgen_cel_prijs(zaad):
    kiezer = random.Random(zaad)
    subs = list(SUB_HOOFD)
    for _ in range(14):
        tellijst(
            kiezer.choice([1, 1, 2, 3, 6]),
            jaar=kiezer.choice([2023, 2024, 2025]),
            sub=kiezer.choice(subs),
            onderdeel=kiezer.choice(["douane", "belastingdienst"]),
        )
    tellijst_publiceren()
    for onderdeel in [_onderdeel(), _onderdeel("belastingdienst"), None]:
        c, verborgen = _controleer(2025, onderdeel)
        assert verborgen or not any(0 < v < settings.TELLIJST_DREMPEL for v in c.waarde.values())


@time_machine.travel(NU, tick=False)
def test_twee_sommen_samen_geven_geen_verborgen_cel_prijs():
    """Leidinggevende (direct + andere) and the year's total share their hidden cells: 17 - 6 - 10 - 0
    gave the one 'medewerker ander organisatieonderdeel' back, though no sum did so alone."""
    tellijst(3, jaar=2025, wie="direct-leidinggevende")
    tellijst(3, jaar=2025, wie="andere-leidinggevende")
    tellijst(10, jaar=2025, wie="collega-eigen-organisatieonderdeel")
    tellijst(1, jaar=2025, wie="medewerker-ander-organisatieonderdeel")
    tellijst_publiceren()

    for onderdeel in [_onderdeel(), None]:
        _controleer(2025, onderdeel)


@time_machine.travel(NU, tick=False)
@pytest.mark.parametrize("zaad", [4, 5, 6])
def test_willekeurige_tellijsten_over_alle_dimensies_geven_geen_verborgen_cel_prijs(zaad):
    """As above, but also who the question is about (with the comparison group), the handling and the
    situation afterwards vary: the sums then cross in every direction."""
    kiezer = random.Random(zaad)
    wie = list(
        ref.WieBetreft.objects.filter(eerste_jaar__lte=2024, laatste_jaar__isnull=True).values_list(
            "code", flat=True
        )
    )
    wijzen = list(
        ref.WijzeVanAfdoening.objects.filter(eerste_jaar__lte=2024, laatste_jaar__isnull=True).values_list(
            "code", flat=True
        )
    )
    situaties = list(
        ref.SituatieNaInterventie.objects.filter(
            eerste_jaar__lte=2024, laatste_jaar__isnull=True
        ).values_list("code", flat=True)
    )
    for _ in range(16):
        tellijst(
            kiezer.choice([1, 1, 2, 3, 6]),
            jaar=kiezer.choice([2024, 2025]),
            sub=kiezer.choice(list(SUB_HOOFD)),
            onderdeel=kiezer.choice(["douane", "belastingdienst"]),
            wie=kiezer.choice(wie),
            wijze=kiezer.choice(wijzen),
            situatie=kiezer.choice(situaties),
        )
    tellijst_publiceren()
    for onderdeel in [_onderdeel(), _onderdeel("belastingdienst"), None]:
        _controleer(2025, onderdeel)


@time_machine.travel(NU, tick=False)
def test_het_ministerie_van_een_afgesloten_jaar_is_exact():
    tellijst(2, jaar=2024, sub="5-intimidatie")
    tellijst(9, jaar=2024, sub="8-arbeidsconflict")
    tellijst_publiceren()
    assert _sub_waarde(inhoud.paginacijfers(jaar=2024), "5-intimidatie", 2024) == 2
    assert (
        _sub_waarde(inhoud.paginacijfers(jaar=2024, onderdeel=_onderdeel()), "5-intimidatie", 2024)
        == VERBORGEN
    )
    assert _sub_waarde(inhoud.paginacijfers(jaar=2025), "5-intimidatie", 2024) == VERBORGEN, "lopend jaar"


@time_machine.travel(NU, tick=False)
def test_dashboard_en_rapport_tonen_verborgen_cellen(client, coordinator_douane):
    tellijst(2, jaar=2025, sub="5-intimidatie")
    tellijst(9, jaar=2025, sub="8-arbeidsconflict")
    tellijst_publiceren()
    client.force_login(coordinator_douane)
    pagina = dashboard_met_tabellen(client, jaar=2025).content.decode()
    assert f">{VERBORGEN}<" in pagina
    assert "staan als ‘×’" in pagina
    voorbeeld = client.get(reverse("rapportage:voorbeeld"), {"jaar": 2025})
    assert voorbeeld.status_code == 200 and f">{VERBORGEN}<" in voorbeeld.content.decode()
