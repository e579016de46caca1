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


def _bladeren() -> list[tuple[str, str]]:
    return sorted(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _migreer(doelen) -> None:
    MigrationExecutor(connection).migrate(doelen)


@pytest.mark.postgres  # the search indexes of meldingen (pg_trgm) cannot be undone on SQLite
def test_een_lege_database_migreert_vooruit():
    bladeren = _bladeren()
    try:
        # The project's apps back to nothing; Django's own apps stay (auth cannot go back over rows
        # whose permission names outgrew its first schema).
        _migreer([(app, None) for app in sorted(EIGEN_APPS)])
        assert not [
            tabel for tabel in connection.introspection.table_names() if tabel.startswith(APP_TABELLEN)
        ]

        _migreer(bladeren)
        assert {"meldingen_melding", "rapportage_rapport"} <= set(connection.introspection.table_names())
        assert MigrationExecutor(connection).migration_plan(bladeren) == []
    finally:
        # Whatever failed above, the tests after this one find the full schema.
        _migreer(_bladeren())


def test_de_laatste_migratie_van_elke_app_gaat_terug_en_weer_vooruit():
    bladeren = _bladeren()
    graaf = MigrationExecutor(connection).loader.graph
    try:
        for app, naam in bladeren:
            # A latest migration that others depend on (referentie's taxonomy) goes back only with
            # them; the first test covers that on PostgreSQL.
            if app not in EIGEN_APPS or graaf.node_map[(app, naam)].children:
                continue
            ouders = [ouder for ouder in graaf.node_map[(app, naam)].parents if ouder.key[0] == app]
            _migreer([ouders[0].key if ouders else (app, None)])
            assert (app, naam) not in MigrationExecutor(connection).loader.applied_migrations
            _migreer(bladeren)
    finally:
        _migreer(_bladeren())
