import datetime

import pytest

from finintegriteit.referentie import models as ref
from meldingen.models import Betrokkene, Melding
from meldingen.nummering import volgend_meldingsnummer


@pytest.fixture
def maak_melding(db):
    """A melding with betrokkenen, built directly on the models (the meldingen app has its own services)."""
    from django.db import transaction

    def maak(
        *, betrokkenen=("Jan de Vries",), status=Melding.Status.IN_BEOORDELING, ontvangen_op=None, **velden
    ):
        ontvangen_op = ontvangen_op or datetime.date(2024, 3, 1)
        with transaction.atomic():
            volgnummer, nummer = volgend_meldingsnummer(jaar=ontvangen_op.year)
            melding = Melding.objects.create(
                nummer=nummer,
                jaar=ontvangen_op.year,
                volgnummer=volgnummer,
                ontvangen_op=ontvangen_op,
                melder_type=ref.MelderType.objects.get(code="medewerker"),
                onderwerp=ref.SchendingSoort.objects.get(code="ongewenste-omgangsvormen"),
                dienstonderdeel=ref.Onderdeel.objects.get(code="belastingdienst"),
                status=status,
                **velden,
            )
        for naam in betrokkenen:
            Betrokkene.objects.create(
                melding=melding,
                naam=naam,
                personeelsnummer=f"{1234567 + melding.betrokkenen.count()}" if naam else "",
                dienstonderdeel=melding.dienstonderdeel,
            )
        return melding

    return maak


@pytest.fixture
def betrokkene(maak_melding):
    return maak_melding().betrokkenen.get()


def optie(model, code):
    return model.objects.get(code=code)
