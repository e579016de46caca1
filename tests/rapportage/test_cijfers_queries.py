"""jaarcijfers costs a fixed number of queries, however many rows there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from finintegriteit.referentie.models import Onderdeel
from rapportage.selectors import jaarcijfers
from tests.bouwstenen import SUB_HOOFD, afgedaan, melding, tellijst
from tests.factories import KerncijfersFactory

pytestmark = pytest.mark.django_db

# Taxonomies (10), years with data (1), Tellijst (6), OIF (3), kerncijfers (9) and the register (1) = 30;
# the test for one onderdeel also looks up that onderdeel.
MAX_QUERIES = 31


@pytest.fixture(autouse=True)
def kerncijfers():
    """One row per year, so not in gegevens(): a test adds gegevens more than once."""
    return KerncijfersFactory(jaar=2024, medewerkers_totaal=10, peildatum_register=datetime.date(2025, 2, 25))


def gegevens(factor: int):
    for jaar in (2022, 2023, 2024):
        for index, sub in enumerate(SUB_HOOFD):
            tellijst(factor, jaar=jaar, sub=sub, onderdeel=["douane", "toeslagen", "anders"][index % 3])
    for index in range(factor):
        melding(melder=["burger", "extern"][index % 2])
        afgedaan(
            type=["geen-afdoening", "verplaatsing", "corrigerend-gesprek"][index % 3],
            onderzoek="volledig-feitenonderzoek",
        )


def queries(**kwargs) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        jaarcijfers(jaar=2024, **kwargs)
    return len(vastgelegd)


def test_even_veel_queries_bij_weinig_en_veel_gegevens(django_assert_max_num_queries):
    gegevens(1)
    weinig = queries()
    gegevens(20)
    with django_assert_max_num_queries(MAX_QUERIES):
        jaarcijfers(jaar=2024)

    assert queries() == weinig


def test_ook_voor_een_onderdeel(django_assert_max_num_queries):
    gegevens(3)
    with django_assert_max_num_queries(MAX_QUERIES):
        jaarcijfers(jaar=2024, onderdeel=Onderdeel.objects.get(code="douane"))
