"""The views of the running year share their counts; no hidden cell may follow from all of them together.

A coordinator of the whole ministry sees the ministry's figures and can have every onderdeel's report
made. The ministry's table per onderdeel shows each onderdeel's counts, and each count of the ministry is
the sum of the onderdelen's. The attacker here lays every view of the year side by side and solves all
their sums at once, with everything the views show as known, and knows that the parts of a visible 0
are 0. In a closed year the ministry's figures are exact, as the published report: then nothing may
follow from all the views that does not already follow from the published figures alone.
"""

import datetime
import random

import pytest
import time_machine
from django.conf import settings

from finintegriteit.referentie import models as ref
from rapportage import inhoud
from rapportage.selectors import afscherming_samen, gepubliceerd
from rapportage.selectors.afscherming import VERBORGEN, Cellen, cellen_van
from rapportage.services.publicatie import tellijst_publiceren
from tests.bouwstenen import tellijst
from tests.bouwstenen.afscherming import (
    gepubliceerde_cellen,
    sub_waarde,
    uit_de_sommen_te_halen,
    willekeurige_tellijst,
)

pytestmark = pytest.mark.django_db

NU = datetime.datetime(2025, 6, 16, 10, 0, tzinfo=datetime.UTC)  # 2025 runs, 2024 is closed
ONDERDELEN = ["douane", "belastingdienst", "toeslagen"]


def _een_telling(scope, sleutel, jaar):
    """The same count under one name, whichever view shows it (scope None: the whole ministry)."""
    if sleutel[0] == "C" and (scope is None or sleutel[1] == scope):
        return (sleutel[1], (*sleutel[2:], jaar))
    if sleutel[0] == "O" and (scope is None or sleutel[1] == scope):
        return (sleutel[1], ("T", jaar))
    return (scope, sleutel)


def _alle_weergaven_samen(jaar):
    """Every view's raw counts and sums under one name per count, plus the sums across views; and what
    the pages show of each count."""
    samen, getoond, van_het_ministerie = Cellen(), set(), set()
    ministerie = None
    for code in [None, *ONDERDELEN]:
        onderdeel = ref.Onderdeel.objects.get(code=code) if code else None
        ruw = gepubliceerde_cellen(jaar, onderdeel)
        pagina = inhoud.paginacijfers(jaar=jaar, onderdeel=onderdeel)
        zichtbaar = cellen_van(pagina["vertrouwenspersonen"], jaar=jaar, jaren=pagina["jaren"])
        for sleutel, waarde in ruw.waarde.items():
            naam = _een_telling(code, sleutel, jaar)
            assert samen.waarde.setdefault(naam, waarde) == waarde, naam
            if sleutel in zichtbaar.waarde:
                getoond.add(naam)
            if code is None:
                van_het_ministerie.add(naam)
        samen.sommen += [
            (_een_telling(code, t, jaar), [_een_telling(code, d, jaar) for d in delen])
            for t, delen in ruw.sommen
        ]
        if code is None:
            ministerie = ruw
    for sleutel in ministerie.waarde:
        if sleutel[0] not in "CO":
            samen.som((None, sleutel), [(o, sleutel) for o in ONDERDELEN])
    for totaal, delen in samen.sommen:
        assert samen.waarde[totaal] == sum(samen.waarde[d] for d in delen), (totaal, delen)
    return samen, getoond, van_het_ministerie


def _nullen(samen, bekend: set) -> set:
    """The unknown parts of a sum that must be 0: its known total less its known parts leaves 0 (no
    count is negative)."""
    nul = set()
    for totaal, delen in samen.sommen:
        onbekend = {d for d in delen if d not in bekend}
        rest = samen.waarde[totaal] - sum(samen.waarde[d] for d in delen if d in bekend)
        if totaal in bekend and onbekend and rest == 0:
            nul |= onbekend
    return nul


def _onthuld(samen, bekend: set) -> set:
    """The cells the attacker learns beyond `bekend`: zeros, what the sums then give, and again."""
    alles = set(bekend)
    while True:
        erbij = _nullen(samen, alles)
        erbij |= uit_de_sommen_te_halen(samen, set(samen.waarde) - alles - erbij)
        if not erbij:
            return alles - bekend
        alles |= erbij


def _gepubliceerd(jaar) -> set:
    """What the ministry's exact views of `jaar` and the closed years before it show, under the names
    of _alle_weergaven_samen: its own counts, and per onderdeel that onderdeel's count per category."""
    publiek = set()
    for j in [jaar - 2, jaar - 1, jaar]:
        for sleutel in gepubliceerde_cellen(j, None).waarde:
            if sleutel[0] == "C":
                publiek.add((sleutel[1], (*sleutel[2:], j)))
            elif sleutel[0] == "O":
                publiek.add((sleutel[1], ("T", j)))
            elif j == jaar:
                publiek.add((None, sleutel))
    return publiek


@time_machine.travel(NU, tick=False)
@pytest.mark.parametrize("zaad", [4, 5, 6])
def test_alle_weergaven_van_een_afgesloten_jaar_geven_niets_prijs_dat_niet_al_gepubliceerd_is(zaad):
    """The ministry's exact outcomes of 2024 minus what the other onderdelen show gave an onderdeel's
    hidden outcome: every view of the year is laid beside the published figures."""
    willekeurige_tellijst(random.Random(zaad), rijen=40, jaren=[2023, 2024], onderdelen=ONDERDELEN)
    tellijst_publiceren()

    samen, getoond, van_het_ministerie = _alle_weergaven_samen(2024)
    publiek = _gepubliceerd(2024)
    assert van_het_ministerie <= getoond and van_het_ministerie <= publiek
    klein = {k for k, v in samen.waarde.items() if 0 < v < settings.TELLIJST_DREMPEL}
    al_bekend = publiek | _onthuld(samen, publiek)
    assert klein - al_bekend <= set(samen.waarde) - getoond
    assert {k for k in _onthuld(samen, getoond) if samen.waarde[k]} - al_bekend == set()


@time_machine.travel(NU, tick=False)
def test_vindt_de_afscherming_geen_patroon_dan_toont_een_onderdeel_alleen_wat_gepubliceerd_is(monkeypatch):
    """The safety net when the rounds of hiding more do not end: every view shows only what the
    published figures give (here forced by allowing no round at all)."""
    monkeypatch.setattr(afscherming_samen, "RONDES", 0)
    willekeurige_tellijst(random.Random(5), rijen=40, jaren=[2023, 2024], onderdelen=ONDERDELEN)
    tellijst_publiceren()

    samen, getoond, _ = _alle_weergaven_samen(2024)
    publiek = _gepubliceerd(2024)
    assert getoond - publiek
    assert getoond <= publiek | _onthuld(samen, publiek)


@time_machine.travel(NU, tick=False)
@pytest.mark.parametrize("zaad", [1, 2, 3])
def test_alle_weergaven_van_het_lopende_jaar_samen_geven_geen_verborgen_cel_prijs(zaad):
    willekeurige_tellijst(random.Random(zaad), rijen=30, jaren=[2025], onderdelen=ONDERDELEN)
    tellijst_publiceren()

    samen, getoond, _ = _alle_weergaven_samen(2025)
    verborgen = set(samen.waarde) - getoond
    klein = {k for k, v in samen.waarde.items() if 0 < v < settings.TELLIJST_DREMPEL}
    assert klein and klein <= verborgen
    # Learning that a hidden cell is 0 names nobody; learning any other hidden count would.
    assert {k for k in _onthuld(samen, getoond) if samen.waarde[k]} == set()


@time_machine.travel(NU, tick=False)
def test_een_publicatie_tussen_de_cijfers_en_het_patroon_laat_geen_kleine_cel_zien():
    """A request counts with one publication; the next one lands before it stores the pattern of its
    year under the cache's (new) data version. A page of the new publication must not use that pattern."""
    tellijst(9, jaar=2025, sub="8-arbeidsconflict")
    tellijst(9, jaar=2025, sub="5-intimidatie")
    tellijst_publiceren()
    oud = gepubliceerd()
    tellijst(2, jaar=2025, sub="1-fraude")
    tellijst(3, jaar=2025, sub="8-arbeidsconflict")  # enough changed rows to be counted at once
    tellijst_publiceren()
    inhoud.tellijstpatroon(jaar=2025, tellijst=oud)

    cijfers = inhoud.paginacijfers(jaar=2025, onderdeel=ref.Onderdeel.objects.get(code="douane"))
    assert sub_waarde(cijfers, "1-fraude", 2025) == VERBORGEN


@pytest.mark.parametrize("zaad", [25, 26, 28])
def test_wat_een_vorige_publicatie_toonde_en_niet_veranderde_geeft_geen_verborgen_cel_prijs(zaad):
    """Last week's publication showed a count of one onderdeel; this week another onderdeel took a step,
    and the new pattern hid that count as a complement. Its onderdeel did not move, so whoever kept
    last week's page still knows it, and with it took the hidden count it was to protect."""
    kiezer = random.Random(zaad)
    with time_machine.travel(NU - datetime.timedelta(days=7), tick=False):
        willekeurige_tellijst(kiezer, rijen=30, jaren=[2025], onderdelen=ONDERDELEN)
        tellijst_publiceren()
        vorige, vorige_getoond, _ = _alle_weergaven_samen(2025)
    with time_machine.travel(NU, tick=False):
        willekeurige_tellijst(kiezer, rijen=settings.TELLIJST_DREMPEL, jaren=[2025], onderdelen=["douane"])
        tellijst_publiceren()
        samen, getoond, _ = _alle_weergaven_samen(2025)

    onthouden = {k for k in vorige_getoond if samen.waarde.get(k) == vorige.waarde[k]}
    bekend = getoond | onthouden
    assert {k for k in _onthuld(samen, bekend) if samen.waarde[k]} == set()


@pytest.mark.parametrize("zaad", [1, 2, 3])
def test_wat_het_open_jaar_toonde_geeft_na_de_sluitdag_geen_verborgen_cel_prijs(zaad):
    """On the closing day the ministry's figures of the year become exact and the onderdelen' views are
    hidden anew. Whoever kept the last page of the open year still knows what it showed."""
    willekeurige_tellijst(random.Random(zaad), rijen=40, jaren=[2025], onderdelen=ONDERDELEN)
    sluitdag = datetime.datetime(2026, 2, 1, 6, 0, tzinfo=datetime.UTC)
    with time_machine.travel(sluitdag - datetime.timedelta(days=7), tick=False):
        tellijst_publiceren()
        open_jaar, open_getoond, _ = _alle_weergaven_samen(2025)
    with time_machine.travel(sluitdag, tick=False):
        tellijst_publiceren()
        samen, getoond, _ = _alle_weergaven_samen(2025)
        publiek = _gepubliceerd(2025)

    bekend = getoond | publiek | {k for k in open_getoond if samen.waarde[k] == open_jaar.waarde[k]}
    al_bekend = publiek | _onthuld(samen, publiek)
    assert {k for k in _onthuld(samen, bekend) if samen.waarde[k]} - al_bekend == set()

    with time_machine.travel(sluitdag + datetime.timedelta(days=7), tick=False):
        tellijst_publiceren()
        later = _alle_weergaven_samen(2025)[1]
    assert later == getoond, "een gesloten jaar houdt het patroon van de sluitdag"
