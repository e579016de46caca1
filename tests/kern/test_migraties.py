"""The migrations build the project's tables from nothing, and each app's latest one can be undone.

A deployment that must roll back runs the last migration backwards; a new environment runs them all
forwards. Both run here against the test database, which ends in the state it started in.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

EIGEN_APPS = {"kern", "referentie", "meldingen", "afdoeningen", "vertrouwenspersonen", "rapportage"}
APP_TABELLEN = tuple(f"{app}_" for app in EIGEN_APPS)


def _executor() -> MigrationExecutor:
    return MigrationExecutor(connection)


def _bladeren() -> list[tuple[str, str]]:
    return sorted(_executor().loader.graph.leaf_nodes())


def _migreer(doelen: list[tuple[str, str | None]]) -> None:
    executor = _executor()
    executor.migrate(doelen)


def test_een_lege_database_migreert_vooruit_en_elke_app_een_stap_terug():
    bladeren = _bladeren()
    eigen = [(app, naam) for app, naam in bladeren if app in EIGEN_APPS]
    try:
        # The project's apps back to nothing; Django's own apps stay (auth cannot go back over rows
        # whose permission names outgrew its first schema).
        _migreer([(app, None) for app in sorted(EIGEN_APPS)])
        assert not [
            tabel for tabel in connection.introspection.table_names() if tabel.startswith(APP_TABELLEN)
        ]

        _migreer(bladeren)
        assert {"meldingen_melding", "rapportage_rapport"} <= set(connection.introspection.table_names())
        assert _executor().migration_plan(bladeren) == []

        graaf = _executor().loader.graph
        for app, naam in eigen:
            ouders = [ouder for ouder in graaf.node_map[(app, naam)].parents if ouder.key[0] == app]
            vorige = ouders[0].key if ouders else (app, None)
            _migreer([vorige])
            _migreer(bladeren)
    finally:
        # Whatever failed above, the tests after this one find the full schema.
        _migreer(_bladeren())
