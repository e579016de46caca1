import datetime

import pytest

from meldingen.models import Melding
from tests.factories import BetrokkeneFactory, MeldingFactory


@pytest.fixture
def maak_melding(db):
    """A melding with betrokkenen, built directly on the models (the meldingen app has its own services)."""

    def maak(
        *, betrokkenen=("Jan de Vries",), status=Melding.Status.IN_BEOORDELING, ontvangen_op=None, **velden
    ):
        melding = MeldingFactory(
            ontvangen_op=ontvangen_op or datetime.date(2024, 3, 1), status=status, **velden
        )
        for naam in betrokkenen:
            BetrokkeneFactory(
                melding=melding,
                naam=naam,
                personeelsnummer=f"{1234567 + melding.betrokkenen.count()}" if naam else "",
            )
        return melding

    return maak


@pytest.fixture
def betrokkene(maak_melding):
    return maak_melding().betrokkenen.get()
