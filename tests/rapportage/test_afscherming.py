"""Small Tellijst cells are hidden, and so many others that none can be worked back from the totals.

Every sum the figures contain (selectors.afscherming.Cellen) is first checked against the raw counts, so
the sums the test reasons with are real ones. Then, for the published figures of one onderdeel and of
the current year, the test solves the sums for the hidden cells as an attacker would (linear algebra
over the visible numbers): no hidden cell may come out with one value, and none may be pinned by the
knowledge that a hidden cell is at least 1.
"""

import datetime
import random

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from finintegriteit.referentie import models as ref
from rapportage import inhoud
from rapportage.selectors import gepubliceerd, jaarcijfers
from rapportage.selectors.afscherming import VERBORGEN, cellen_van, verborgen_cellen
from rapportage.services.publicatie import tellijst_publiceren
from tests.bouwstenen import SUB_HOOFD, dashboard_met_tabellen, tellijst
from tests.bouwstenen.afscherming import (
    gepubliceerde_cellen,
    sub_waarde,
    uit_de_sommen_te_halen,
    willekeurige_tellijst,
)

pytestmark = pytest.mark.django_db

NU = datetime.datetime(2025, 6, 16, 10, 0, tzinfo=datetime.UTC)  # 2025 runs, 2024 is closed


def _onderdeel(code="douane"):
    return ref.Onderdeel.objects.get(code=code)


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
    c = gepubliceerde_cellen(jaar, onderdeel)
    for totaal, delen in c.sommen:
        assert c.waarde[totaal] == sum(c.waarde[d] for d in delen), (totaal, delen)
    verborgen = verborgen_cellen(c, drempel=settings.TELLIJST_DREMPEL)
    klein = {k for k, v in c.waarde.items() if 0 < v < settings.TELLIJST_DREMPEL}
    assert klein <= verborgen
    assert uit_de_sommen_te_halen(c, verborgen) == set()
    assert _vastgepind(c, verborgen) == []
    return c, verborgen


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
            assert sub_waarde(cijfers, "5-intimidatie", 2025) == VERBORGEN
        # 2 hidden in its hoofdcategorie (5), so another cell of it had to go as well.
        ruw = jaarcijfers(jaar=2025, onderdeel=onderdeel, tellijst=gepubliceerd())
        assert sub_waarde(ruw, "5-intimidatie", 2025) == (2 if onderdeel else 7)
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
    willekeurige_tellijst(random.Random(zaad), rijen=16, jaren=[2024, 2025])
    tellijst_publiceren()
    for onderdeel in [_onderdeel(), _onderdeel("belastingdienst"), None]:
        _controleer(2025, onderdeel)


@time_machine.travel(NU, tick=False)
def test_het_ministerie_van_een_afgesloten_jaar_is_exact_en_wat_het_toont_is_nergens_verborgen():
    tellijst(2, jaar=2024, sub="5-intimidatie")
    tellijst(9, jaar=2024, sub="8-arbeidsconflict")
    tellijst(2, jaar=2025, sub="5-intimidatie")
    tellijst(9, jaar=2025, sub="8-arbeidsconflict")
    tellijst_publiceren()
    assert sub_waarde(inhoud.paginacijfers(jaar=2024), "5-intimidatie", 2024) == 2
    # The exact view's table per onderdeel shows Douane's 2 as well: hiding it elsewhere protects nothing.
    assert sub_waarde(inhoud.paginacijfers(jaar=2024, onderdeel=_onderdeel()), "5-intimidatie", 2024) == 2
    assert sub_waarde(inhoud.paginacijfers(jaar=2025), "5-intimidatie", 2024) == 2
    # The running year is not public: there the small cell is hidden, in every view.
    assert sub_waarde(inhoud.paginacijfers(jaar=2025), "5-intimidatie", 2025) == VERBORGEN
    assert (
        sub_waarde(inhoud.paginacijfers(jaar=2025, onderdeel=_onderdeel()), "5-intimidatie", 2025)
        == VERBORGEN
    )


@time_machine.travel(NU, tick=False)
@pytest.mark.parametrize("zaad", [7, 8, 9])
def test_naast_de_exacte_cijfers_van_het_ministerie_is_een_verborgen_deel_niet_vastgepind(zaad):
    """An onderdeel's view of a closed year beside the ministry's exact views of that year and the year
    before (the published report), whose table per onderdeel gives the onderdeel's count per category and
    dimension. Those counts are shown as they are; under such a published total, hidden parts may not add
    up to their number of cells (each is at least 1, so all would be 1). What all views together give
    back is tested in test_afscherming_samen."""
    willekeurige_tellijst(random.Random(zaad), rijen=24, jaren=[2023, 2024])
    tellijst_publiceren()
    ministerie = {j: gepubliceerde_cellen(j, None) for j in [2023, 2024]}

    for code in ["douane", "belastingdienst"]:
        onderdeel = _onderdeel(code)
        ruw = gepubliceerde_cellen(2024, onderdeel)
        getoond = inhoud.paginacijfers(jaar=2024, onderdeel=onderdeel)
        zichtbaar = cellen_van(getoond["vertrouwenspersonen"], jaar=2024, jaren=getoond["jaren"])
        verborgen = set(ruw.waarde) - set(zichtbaar.waarde)
        publiek = {}
        for j, m in ministerie.items():
            for k, v in m.waarde.items():
                if k[0] == "C" and k[1] == code:
                    publiek[(*k[2:], j)] = v
            publiek[("T", j)] = m.waarde[("O", code)]
        # The view's own table per onderdeel is its column of the ministry's.
        for k in ruw.waarde:
            if k[0] == "C" and k[1] == code:
                publiek[k] = publiek[(*k[2:], 2024)]
        publiek[("O", code)] = publiek[("T", 2024)]
        assert {k: ruw.waarde[k] for k in publiek if k in ruw.waarde} == {
            k: v for k, v in publiek.items() if k in ruw.waarde
        }
        geheim = verborgen - set(publiek)
        assert geheim and not geheim & set(publiek)
        # A published total of 2 over two hidden parts is not 1 + 1 to the reader: when nothing else is
        # left, a zero is hidden beside a small count, so 0 + 2 and 2 + 0 look the same.
        assert [
            (totaal, delen)
            for totaal, delen in ruw.sommen
            if totaal not in geheim
            and sum(ruw.waarde[d] for d in delen if d in geheim) == sum(d in geheim for d in delen) > 0
            and not (totaal in publiek and set(delen) <= geheim)
        ] == []


@time_machine.travel(NU, tick=False)
def test_dashboard_en_rapport_tonen_verborgen_cellen(client, coordinator_douane):
    tellijst(2, jaar=2025, sub="5-intimidatie")
    tellijst(9, jaar=2025, sub="8-arbeidsconflict")
    tellijst_publiceren()
    client.force_login(coordinator_douane)
    pagina = dashboard_met_tabellen(client, jaar=2025).content.decode()
    assert f">{VERBORGEN}<" in pagina
    assert "staan als ‘×’" in pagina
    # Small public counts of a closed year stand beside the ×: the page says why.
    assert "per onderdeel publiceert (aantallen per soort" in pagina
    voorbeeld = client.get(reverse("rapportage:voorbeeld"), {"jaar": 2025})
    assert voorbeeld.status_code == 200 and f">{VERBORGEN}<" in voorbeeld.content.decode()


@time_machine.travel(NU, tick=False)
def test_een_kleine_overig_is_ook_verborgen_in_de_telling_per_hoofdcategorie():
    """Every hoofdcategorie has a subcategorie 'Overig'. The count per hoofdcategorie holds each under
    that one label: the small 'Overig' of one hoofdcategorie is hidden there too, whatever the others'."""
    overig_5 = ref.Subcategorie.objects.get(code="5-overig")
    overig_8 = ref.Subcategorie.objects.get(code="8-overig")
    assert overig_5.label == overig_8.label
    tellijst(9, jaar=2025, sub="5-overig")
    tellijst(2, jaar=2025, sub="8-overig")
    tellijst(9, jaar=2025, sub="8-arbeidsconflict")
    tellijst_publiceren()

    per_hoofd = inhoud.paginacijfers(jaar=2025, onderdeel=_onderdeel())["vertrouwenspersonen"]["subcategorie"]
    assert per_hoofd[overig_8.hoofdcategorie.label][overig_8.label] == VERBORGEN
    assert sub_waarde(inhoud.paginacijfers(jaar=2025), "8-overig", 2025) == VERBORGEN
