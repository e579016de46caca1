"""The migration that lets every save mix the day's rows counts the rows already there as mixed.

Counted as new, every save until the nightly mix would draw the rows it rewrites from the whole table,
and the first ones would rewrite old rows instead of the day's.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from finintegriteit.referentie import models as ref
from tests.bouwstenen.tellijst import TELLIJST_OPEN, geldige_invoer
from vertrouwenspersonen.models import Adviesvraag

VOOR = [("vertrouwenspersonen", "0008_hulptekst_gebruiker")]
NA = [("vertrouwenspersonen", "0009_sinds_het_mengen")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.time_machine(TELLIJST_OPEN)
def test_na_de_migratie_schrijft_de_eerste_opslag_alleen_de_nieuwe_rij(vp_client):
    executor = MigrationExecutor(connection)
    executor.migrate(VOOR)
    try:
        oud = executor.loader.project_state(VOOR).apps.get_model("vertrouwenspersonen", "Adviesvraag")
        sub = ref.Subcategorie.objects.get(code="8-arbeidsconflict")
        oud.objects.bulk_create(
            oud(
                jaar=2024,
                onderdeel_id=ref.Onderdeel.objects.get(code="douane").pk,
                hoofdcategorie_id=sub.hoofdcategorie_id,
                subcategorie_id=sub.pk,
                wie_betreft_id=ref.WieBetreft.objects.get(code="direct-leidinggevende").pk,
                wijze_van_afdoening_id=ref.WijzeVanAfdoening.objects.get(code="loopt-nog").pk,
                situatie_id=ref.SituatieNaInterventie.objects.get(code="loopt-nog").pk,
                pseudoniem="van-voor-de-migratie",
            )
            for _ in range(3)
        )
        executor = MigrationExecutor(connection)
        executor.migrate(NA)

        assert vp_client.post(reverse("vertrouwenspersonen:invoeren"), geldige_invoer()).status_code == 302

        assert Adviesvraag.objects.count() == 4
        assert Adviesvraag.objects.filter(gemengd=False).count() == 1
        assert not Adviesvraag.objects.filter(gemengd=False, pseudoniem="van-voor-de-migratie").exists()
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
