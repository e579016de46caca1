"""Migration 0007 chains the rows that existed before the chain: the check accepts them afterwards.

The migration carries its own frozen copy of the chain's serialization; this test is what tells when
that copy and finintegriteit/kern/auditketen.py no longer agree.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.bouwstenen import controleer_audittrail

VOOR = [("meldingen", "0006_bewaartermijn")]
NA = [("meldingen", "0007_audittrail_keten")]


@pytest.mark.postgres  # going back over the search indexes of meldingen needs PostgreSQL
@pytest.mark.django_db(transaction=True)
def test_bestaande_regels_worden_geketend_en_de_controle_keurt_ze_goed(analist):
    executor = MigrationExecutor(connection)
    executor.migrate(VOOR)
    AuditRegel = executor.loader.project_state(VOOR).apps.get_model("meldingen", "AuditRegel")
    for reden in ["", "Status teruggezet na overleg", ""]:
        AuditRegel.objects.create(
            gebruiker_id=analist.pk,
            actie="status" if reden else "bekeken",
            object_type="melding",
            object_id="999",
            velden=["status"] if reden else [],
            reden=reden,
        )
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(NA)
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        uitvoer = controleer_audittrail()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert "Audittrail in orde: 3 regel(s) gecontroleerd." in uitvoer
