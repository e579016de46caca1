"""Fixtures for the meldingen tests: a fixed today, an afdoening
straight in the table, and the meldkanaal's counters emptied. Melding and betrokkene factories through
the services are shared with other areas (tests/conftest.py)."""

import datetime

import pytest
from django.core.cache import cache

from finintegriteit.referentie.models import AfdoeningType
from tests.factories import AfdoeningFactory, optie

VANDAAG = datetime.date(2025, 3, 10)


@pytest.fixture
def lege_tellers():
    """The meldkanaal counts attempts per address in the cache: its tests start and end with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def vandaag(time_machine):
    time_machine.move_to(datetime.datetime(2025, 3, 10, 10, 0), tick=False)
    return VANDAAG


@pytest.fixture
def maak_afdoening():
    """An afdoening straight in the table: the afdoeningen app has its own service and tests."""

    def maak(betrokkene, *, type="corrigerend-gesprek"):
        return AfdoeningFactory(
            betrokkene=betrokkene,
            schending=betrokkene.melding.onderwerp,
            aangetoond=True,
            type=optie(AfdoeningType, type),
            datum=betrokkene.melding.ontvangen_op,
            inhoud="Medewerker heeft zich ongepast uitgelaten tegen een collega.",
        )

    return maak
