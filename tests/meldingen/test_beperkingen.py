"""The database refuses a melding the services would never write, whoever writes it."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from meldingen.models import Melding
from tests.factories import MeldingFactory

pytestmark = pytest.mark.django_db

S = Melding.Status


@pytest.mark.parametrize(
    "velden",
    [
        {"status": S.AFGEDAAN, "afgedaan_op": None},
        {"status": S.IN_BEOORDELING, "afgedaan_op": datetime.date(2024, 6, 1)},
        {"niet_vernietigen": True, "niet_vernietigen_reden": ""},
    ],
    ids=["afgedaan-zonder-datum", "datum-zonder-afgedaan", "niet-vernietigen-zonder-reden"],
)
def test_de_database_weigert_een_melding_die_de_services_nooit_schrijven(velden):
    melding = MeldingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Melding.objects.filter(pk=melding.pk).update(**velden)
    melding.refresh_from_db()
    assert (melding.status, melding.afgedaan_op, melding.niet_vernietigen) == (S.ONTVANGEN, None, False)


def test_afgedaan_met_datum_en_niet_vernietigen_met_reden_mogen_wel():
    melding = MeldingFactory()
    Melding.objects.filter(pk=melding.pk).update(
        status=S.AFGEDAAN,
        afgedaan_op=datetime.date(2024, 6, 1),
        niet_vernietigen=True,
        niet_vernietigen_reden="Lopende procedure.",
    )
    melding.refresh_from_db()
    assert melding.status == S.AFGEDAAN
