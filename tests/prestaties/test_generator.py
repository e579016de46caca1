"""The generated data pass the same rules as the Tellijst form and import, and numbering stays gap-free."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from afdoeningen.models import Afdoening
from finintegriteit.prestaties.generator import adviesvragen_genereren, meldingen_genereren
from meldingen.models import Betrokkene, Melding
from vertrouwenspersonen import regels
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.selectors import eerste_tellijstjaar

pytestmark = pytest.mark.django_db


def _jaren(aantal: int) -> list[int]:
    jaar = timezone.localdate().year
    return list(range(jaar - aantal + 1, jaar + 1))


def test_elke_gegenereerde_adviesvraag_doorstaat_de_tellijstregels():
    gemaakt = adviesvragen_genereren(aantal=300, jaren=_jaren(10), seed=3)

    assert gemaakt == 300
    assert Adviesvraag.objects.count() == 300
    for rij in Adviesvraag.objects.select_related(*regels.OPTIEVELDEN, "subcategorie__hoofdcategorie"):
        fouten = regels.fouten_in_rij(
            jaar=rij.jaar,
            kwartaal=rij.kwartaal,
            melder_is_beklaagde=rij.melder_is_beklaagde,
            eerste_jaar=eerste_tellijstjaar(),
            vandaag=datetime.date(rij.jaar, 12, 31),  # as entered in its own year, before it closed
            **{veld: getattr(rij, veld) for veld in regels.OPTIEVELDEN},
        )
        assert fouten == {}, (rij.jaar, fouten)
        assert rij.subcategorie.hoofdcategorie_id == rij.hoofdcategorie_id


def test_meldingen_hebben_betrokkenen_en_afgedane_hebben_afdoeningen():
    resultaat = meldingen_genereren(aantal=40, jaren=_jaren(2), seed=5)

    assert resultaat.meldingen == Melding.objects.count() == 40
    assert not Melding.objects.filter(betrokkenen__isnull=True).exists()
    afgedaan = Betrokkene.objects.filter(melding__status=Melding.Status.AFGEDAAN)
    assert Afdoening.objects.count() == afgedaan.count() == resultaat.afdoeningen
    for optie_jaar, optie in Melding.objects.values_list("jaar", "melder_type__eerste_jaar"):
        assert optie is None or optie <= optie_jaar


def test_nummers_sluiten_zonder_gaten_aan_op_wat_er_al_is():
    jaren = _jaren(1)
    meldingen_genereren(aantal=5, jaren=jaren, seed=1)
    meldingen_genereren(aantal=5, jaren=jaren, seed=2)

    volgnummers = sorted(Melding.objects.values_list("volgnummer", flat=True))
    assert volgnummers == list(range(1, 11))


@pytest.mark.postgres
def test_na_het_genereren_heeft_de_planner_statistieken():
    """A freshly loaded table without statistics gets plans no production database would choose."""
    call_command("genereer_testdata", meldingen=30, jaren=2, stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Melding._meta.db_table])
        (geschat,) = cursor.fetchone()
    assert geschat >= 30, "zonder ANALYZE staat reltuples op -1 (nooit geteld)"
