"""A report for one onderdeel hides small counts as '<N' when RAPPORTAGE_DREMPEL is set."""

import pytest

from finintegriteit.referentie.models import Onderdeel
from rapportage.selectors import drempel_voor, jaarcijfers, toon_aantal, toon_procent
from tests.bouwstenen import tellijst


def test_kleine_aantallen_worden_verborgen_nul_en_de_drempel_zelf_niet():
    assert toon_aantal(1, drempel=5) == "<5"
    assert toon_aantal(4, drempel=5) == "<5"
    assert toon_aantal(5, drempel=5) == 5
    assert toon_aantal(0, drempel=5) == 0
    assert toon_aantal(3, drempel=0) == 3


def test_een_percentage_van_een_verborgen_aantal_wordt_ook_verborgen():
    assert toon_procent(20, aantal=3, drempel=5) is None
    assert toon_procent(60, aantal=9, drempel=5) == 60


@pytest.mark.django_db
def test_drempel_staat_standaard_uit(settings):
    del settings.RAPPORTAGE_DREMPEL
    assert drempel_voor(Onderdeel.objects.get(code="douane")) == 0


@pytest.mark.django_db
def test_drempel_geldt_alleen_voor_een_rapport_van_een_onderdeel(settings):
    settings.RAPPORTAGE_DREMPEL = 5
    douane = Onderdeel.objects.get(code="douane")
    tellijst(2, onderdeel="douane")

    per_onderdeel = jaarcijfers(jaar=2024, onderdeel=douane)
    ministerie = jaarcijfers(jaar=2024)

    assert per_onderdeel["drempel"] == 5
    assert ministerie["drempel"] == 0  # the ministry-wide report shows exact counts, as published
    # The figures keep the raw numbers; only the presentation hides them.
    assert per_onderdeel["vertrouwenspersonen"]["totaal"] == 2
    assert (
        toon_aantal(per_onderdeel["vertrouwenspersonen"]["totaal"], drempel=per_onderdeel["drempel"]) == "<5"
    )
    assert toon_aantal(ministerie["vertrouwenspersonen"]["totaal"], drempel=ministerie["drempel"]) == 2
