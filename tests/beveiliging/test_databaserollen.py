"""The runtime database role cannot rewrite the audit trail (kern/databaserollen.py).

The suite runs as the owner (tests/conftest.py); these tests connect to the same test database as the
runtime role of DATABASE_URL and try every way to change, remove or hide audit rows. They run where
DATABASE_MIGRATIE_URL names a second role, as in CI."""

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from finintegriteit.kern.databaserollen import runtime_rechten_toekennen
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from tests.bouwstenen.omgeving import RUNTIME_ROL, manage
from tests.factories import AdviesvraagFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.DATABASE_RUNTIME_ROL,
        reason="vraagt twee databaserollen: zet DATABASE_MIGRATIE_URL naast DATABASE_URL (draait in CI)",
    ),
]

AANVALLEN = {
    "update": "UPDATE meldingen_auditregel SET actie = 'bekeken'",
    "delete": "DELETE FROM meldingen_auditregel",
    "truncate": "TRUNCATE meldingen_auditregel CASCADE",
    "trigger uit": "ALTER TABLE meldingen_auditregel DISABLE TRIGGER ALL",
    "replica": "SET session_replication_role = replica",
    "tabel weg": "DROP TABLE meldingen_auditregel CASCADE",
    "eigenaar worden": f"ALTER TABLE meldingen_auditregel OWNER TO {RUNTIME_ROL['USER']}",
}


def als_runtime_rol():
    return psycopg.connect(
        host=RUNTIME_ROL["HOST"] or "127.0.0.1",
        port=RUNTIME_ROL["PORT"] or 5432,
        dbname=connection.settings_dict["NAME"],
        user=RUNTIME_ROL["USER"],
        password=RUNTIME_ROL["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.fixture
def regels(analist):
    for i in range(3):
        audit_vastleggen(
            gebruiker=analist, actie=AuditRegel.Actie.STATUS, object_type="melding", object_id=str(i)
        )
    return list(AuditRegel.objects.order_by("pk").values_list("pk", "actie", "hash"))


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_de_runtime_rol_kan_de_audittrail_niet_herschrijven(regels, aanval):
    with als_runtime_rol() as verbinding, pytest.raises(psycopg.errors.InsufficientPrivilege):
        verbinding.execute(AANVALLEN[aanval])
    assert list(AuditRegel.objects.order_by("pk").values_list("pk", "actie", "hash")) == regels


def test_de_runtime_rol_mag_toevoegen_lezen_en_elders_gewoon_schrijven(regels):
    with als_runtime_rol() as verbinding:
        assert verbinding.execute("SELECT count(*) FROM meldingen_auditregel").fetchone() == (3,)
        verbinding.execute("SELECT pg_advisory_xact_lock(1)")
        verbinding.execute(
            "INSERT INTO meldingen_auditregel (op, actie, object_type, object_id, velden, reden_hash, hash)"
            " VALUES (now(), 'bekeken', 'melding', '1', '[]', '', '')"
        )
        verbinding.execute("UPDATE referentie_onderdeel SET label = label")
        verbinding.execute("DELETE FROM django_session")
        eigen = verbinding.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner = current_user"
        ).fetchone()
        super_ = verbinding.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    assert eigen == (0,) and super_ == (False,)


def test_rechten_toekennen_is_herhaalbaar(regels):
    runtime_rechten_toekennen(using="default", rol=RUNTIME_ROL["USER"])
    runtime_rechten_toekennen(using="default", rol=RUNTIME_ROL["USER"])
    with als_runtime_rol() as verbinding, pytest.raises(psycopg.errors.InsufficientPrivilege):
        verbinding.execute(AANVALLEN["delete"])


def test_de_worker_mengt_de_tellijst_als_runtime_rol():
    """Web and worker run as the runtime role, which may not TRUNCATE: the mix of each save (a lock
    between writers, a temporary table, delete and insert) and the nightly one (a lock that keeps saves
    out) must work with the rights it has."""
    AdviesvraagFactory.create_batch(3)
    server = f"{RUNTIME_ROL['HOST'] or '127.0.0.1'}:{RUNTIME_ROL['PORT'] or 5432}"
    wachtwoord = f":{RUNTIME_ROL['PASSWORD']}" if RUNTIME_ROL["PASSWORD"] else ""
    als_rol = f"postgres://{RUNTIME_ROL['USER']}{wachtwoord}@{server}/{connection.settings_dict['NAME']}"

    mengen = (
        "from django.db import transaction; from vertrouwenspersonen import mengen, services\n"
        "with transaction.atomic(): print(mengen.nieuwe_rijen_mengen())\n"
        "print(services.tellijst_mengen())"
    )

    uitkomst = manage("shell", "--no-imports", "-c", mengen, DEBUG="1", DATABASE_URL=als_rol)

    assert uitkomst.returncode == 0, uitkomst.stderr
    assert uitkomst.stdout.split() == ["3", "3"]
