"""Shared fixtures: one persona per role, meldingen and betrokkenen through the services, and markers
for tests that need a real server.

Tests that need PostgreSQL or Redis skip with a reason on a bare machine (SQLite, no REDIS_URL) and
run in CI, where .ci/run points DATABASE_URL and REDIS_URL at the real servers.
"""

import datetime
import os

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.models import Group
from django.test import Client, override_settings
from django_otp import DEVICE_ID_SESSION_KEY

from finintegriteit import celery_app
from finintegriteit.kern import rollen as r
from finintegriteit.kern.selectors import ledenlijsten_vergeten
from finintegriteit.kern.tweestaps import tweestaps_vereist
from finintegriteit.referentie import keuzelijsten
from finintegriteit.referentie.models import MelderType, Onderdeel, SchendingSoort
from meldingen.services import betrokkene_toevoegen, melding_registreren
from rapportage.cijfercache import nieuwe_versie
from tests.bouwstenen.inloggen import WACHTWOORD, bevestigd_totp_apparaat
from tests.bouwstenen.meldingen import recht
from tests.bouwstenen.omgeving import RUNTIME_ROL  # noqa: F401  (read before the role is swapped, below)
from tests.factories import ProfielFactory


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "zonder_tweestaps: force_login leaves the second login step (TOTP) undone, as a real login would",
    )
    config.addinivalue_line(
        "markers",
        "productie_wachtwoorden: hash with the production PASSWORD_HASHERS (Argon2 at its full cost)",
    )


# What the settings ask in production, before the suite swaps in the cheap Argon2 below.
PRODUCTIE_WACHTWOORDHASHERS = list(settings.PASSWORD_HASHERS)


class GoedkopeArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 at the lowest cost argon2-cffi accepts, for the suite only.

    Production's Argon2 takes 0.3-0.4 s a hash on this machine, on purpose; the suite creates users
    and logs in for almost every test, which made hashing a good part of its time. The algorithm and
    the stored form ("argon2$argon2id$...") stay the same, so the same code paths run; only the
    cost parameters in the hash differ. Tests about the hashing itself use the production
    hashers (@pytest.mark.productie_wachtwoorden).
    """

    time_cost = 1
    memory_cost = 8
    parallelism = 1


@pytest.fixture(scope="session", autouse=True)
def goedkope_wachtwoorden():
    with override_settings(PASSWORD_HASHERS=[f"{__name__}.GoedkopeArgon2PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def productie_wachtwoorden(request):
    if "productie_wachtwoorden" not in request.keywords:
        yield
        return
    with override_settings(PASSWORD_HASHERS=PRODUCTIE_WACHTWOORDHASHERS):
        yield


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """With two database roles the suite runs as the owner: it creates the test database, migrates it
    and empties it between tests (TRUNCATE), which the runtime role may not. The migration grants the
    runtime role its rights there, and tests/beveiliging/test_databaserollen.py connects as that role."""
    if "migratie" in settings.DATABASES:
        from django.db import connections

        for sleutel in ("USER", "PASSWORD"):
            connections["default"].settings_dict[sleutel] = settings.DATABASES["migratie"].get(sleutel)
        connections["default"].close()


def pytest_collection_modifyitems(config, items):
    op_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    redis = bool(os.environ.get("REDIS_URL"))
    for item in items:
        if "postgres" in item.keywords and not op_postgres:
            item.add_marker(
                pytest.mark.skip(reason="vraagt PostgreSQL: zet DATABASE_URL=postgres://… (draait in CI)")
            )
        if "redis" in item.keywords and not redis:
            item.add_marker(pytest.mark.skip(reason="vraagt een Redis-server: zet REDIS_URL (draait in CI)"))


@pytest.fixture(autouse=True)
def bestanden_in_een_tijdelijke_map(settings, tmp_path):
    """Reports and case documents that a test makes go to its own temporary folder, never into the
    checkout's var/ (a test that loads the demo work requests a report, for one)."""
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    settings.DOCUMENT_ROOT = tmp_path / "documenten"


@pytest.fixture(autouse=True)
def celery_eager(request):
    """Run tasks in-process unless the test drives a real worker (marked redis)."""
    if "redis" in request.keywords:
        yield
        return
    vorige = celery_app.conf.task_always_eager, settings.TAKEN_IN_DRAAD
    # In the request, as the tests expect; tests of the thread turn it on themselves.
    celery_app.conf.task_always_eager, settings.TAKEN_IN_DRAAD = True, False
    yield
    celery_app.conf.task_always_eager, settings.TAKEN_IN_DRAAD = vorige


@pytest.fixture(autouse=True)
def force_login_met_tweede_stap(request, monkeypatch):
    """`client.force_login(user)` also passes the TOTP step, which every role needs.

    Without this, every page of every logged-in user would redirect to the code page. Tests of
    the second step itself opt out with @pytest.mark.zonder_tweestaps.
    """
    if "zonder_tweestaps" in request.keywords:
        return
    force_login = Client.force_login

    def force_login_geverifieerd(self, user, backend=None):
        force_login(self, user, backend)
        vers = get_user_model().objects.get(pk=user.pk)
        if tweestaps_vereist(vers):
            sessie = self.session
            sessie[DEVICE_ID_SESSION_KEY] = bevestigd_totp_apparaat(vers).persistent_id
            sessie.save()

    monkeypatch.setattr(Client, "force_login", force_login_geverifieerd)


# What the migrations left in the test database, per table (PostgreSQL only; see migratiedata_herstellen).
_MIGRATIEDATA: dict[str, tuple[list[str], bytes]] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as pytest-django makes it; on PostgreSQL its rows are then kept aside, so
    that after a flush they can be copied back instead of re-running the seeding migrations."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with django_db_blocker.unblock():
            _MIGRATIEDATA.update(_migratiedata_vastleggen())
    yield


def _django_tabellen() -> list[str]:
    from django.db import connection

    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


def _copy(tabel: str, kolommen: list[str], richting: str) -> str:
    from django.db import connection

    namen = connection.ops.quote_name
    return f"COPY {namen(tabel)} ({', '.join(map(namen, kolommen))}) {richting}"


def _migratiedata_vastleggen() -> dict[str, tuple[list[str], bytes]]:
    """Every row of every table that holds any, with its columns named: COPY then keeps working
    after a test that migrated a table back and forth (columns in another physical order)."""
    from django.db import connection

    vastgelegd = {}
    with connection.cursor() as cursor:
        for tabel in _django_tabellen():
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {connection.ops.quote_name(tabel)})")
            if not cursor.fetchone()[0]:
                continue
            kolommen = [kolom.name for kolom in connection.introspection.get_table_description(cursor, tabel)]
            with cursor.cursor.copy(_copy(tabel, kolommen, "TO STDOUT")) as copy:
                vastgelegd[tabel] = (kolommen, b"".join(bytes(blok) for blok in copy))
    return vastgelegd


def migratiedata_herstellen():
    """Put back what data migrations seed (taxonomies, roles, rights, standard phrases).

    A transactional test (live server, real worker) ends with a flush that empties every table, so
    the transactional tests after it would find no taxonomies and no role groups. On PostgreSQL the
    rows the migrations left are copied back as they were (same keys; the content types and rights
    that the flush's post_migrate made anew are replaced), which takes a fraction of re-running the
    seeding code. Elsewhere the seeding migrations are re-run against the final migration state: only
    RunPython steps whose reverse is a no-op are data seeds; the others (the audit trigger) change
    the schema, which a flush keeps.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    if _MIGRATIEDATA:
        namen = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            # Without RESTART IDENTITY: the sequences stay past every key the copied rows use.
            cursor.execute(f"TRUNCATE {', '.join(map(namen, _django_tabellen()))}")
            for tabel, (kolommen, rijen) in _MIGRATIEDATA.items():
                with cursor.cursor.copy(_copy(tabel, kolommen, "FROM STDIN")) as copy:
                    copy.write(rijen)
        # The content types are those of the migration again, with their keys; COPY passes no
        # execute wrapper, so the option lists and cached figures are forgotten here.
        ContentType.objects.clear_cache()
        keuzelijsten.vergeten()
        ledenlijsten_vergeten()
        nieuwe_versie()
        return
    loader = MigrationLoader(connection)
    plan = []
    for blad in sorted(loader.graph.leaf_nodes()):
        plan += [knoop for knoop in loader.graph.forwards_plan(blad) if knoop not in plan]
    apps = loader.project_state().apps
    for knoop in plan:
        for operatie in loader.graph.nodes[knoop].operations:
            if isinstance(operatie, RunPython) and operatie.reverse_code is RunPython.noop:
                operatie.code(apps, connection.schema_editor())


@pytest.fixture(autouse=True)
def na_flush_herstellen(request):
    marker = request.node.get_closest_marker("django_db")
    transactioneel = "live_server" in request.fixturenames or bool(
        marker and marker.kwargs.get("transaction")
    )
    if not transactioneel:
        return
    request.getfixturevalue("transactional_db")
    if not Onderdeel.objects.exists() or not Group.objects.filter(name=r.COORDINATOR).exists():
        migratiedata_herstellen()


@pytest.fixture(autouse=True)
def zonder_gecachete_cijfers():
    """No test sees dashboard figures or lists kept by another (whose rows were rolled back)."""
    nieuwe_versie()
    keuzelijsten.vergeten()
    ledenlijsten_vergeten()


@pytest.fixture
def maak_gebruiker(db):
    def maak(gebruikersnaam: str, *rollen: str, onderdeel: str | None = None):
        gebruiker = get_user_model().objects.create_user(gebruikersnaam, password=WACHTWOORD)
        for rol in rollen:
            gebruiker.groups.add(Group.objects.get(name=rol))
        if r.BEHEERDER in rollen:
            gebruiker.is_staff = True
            gebruiker.save()
        if onderdeel:
            ProfielFactory(gebruiker=gebruiker, onderdeel=Onderdeel.objects.get(code=onderdeel))
        return gebruiker

    return maak


@pytest.fixture
def analist(maak_gebruiker):
    return maak_gebruiker("analist", r.OIF_ANALIST)


@pytest.fixture
def analist_client(client, analist):
    """The test client, logged in as the OIF analist (second login step done)."""
    client.force_login(analist)
    return client


@pytest.fixture
def teamleider(maak_gebruiker):
    """An OIF analist with every special right, as the demo's teamleider; she also hands analists their
    activation codes."""
    gebruiker = maak_gebruiker("teamleider", r.OIF_ANALIST)
    for naam in r.BIJZONDERE_RECHTEN:
        gebruiker = recht(gebruiker, naam.split(".", 1)[1])
    return gebruiker


@pytest.fixture
def vertrouwenspersoon(maak_gebruiker):
    return maak_gebruiker("vp", r.VERTROUWENSPERSOON)


@pytest.fixture
def vp_client(client, vertrouwenspersoon):
    """The test client, logged in as the vertrouwenspersoon."""
    client.force_login(vertrouwenspersoon)
    return client


@pytest.fixture
def andere_vertrouwenspersoon(maak_gebruiker):
    return maak_gebruiker("vp2", r.VERTROUWENSPERSOON)


@pytest.fixture
def coordinator(maak_gebruiker):
    return maak_gebruiker("coordinator", r.COORDINATOR)


@pytest.fixture
def coordinator_douane(maak_gebruiker):
    return maak_gebruiker("coordinator-douane", r.COORDINATOR, onderdeel="douane")


@pytest.fixture
def beheerder(maak_gebruiker):
    return maak_gebruiker("beheerder", r.BEHEERDER)


@pytest.fixture
def buitenstaander(maak_gebruiker):
    """Logged in, but without any role."""
    return maak_gebruiker("buitenstaander")


@pytest.fixture
def maak_melding(db, analist):
    """Register a melding as the analist does (the meldingen, security and user-management tests)."""

    def maak(
        *,
        door=None,
        ontvangen_op=None,
        klokkenluidersmelding=False,
        onderwerp="ongewenste-omgangsvormen",
        dienstonderdeel="belastingdienst",
        behandelaar=None,
        omschrijving="Vertrouwelijke omschrijving.",
        **extra,
    ):
        return melding_registreren(
            door=door or analist,
            ontvangen_op=ontvangen_op or datetime.date(2025, 3, 3),
            melder_type=MelderType.objects.get(code="medewerker"),
            onderwerp=SchendingSoort.objects.get(code=onderwerp),
            klokkenluidersmelding=klokkenluidersmelding,
            omschrijving=omschrijving,
            dienstonderdeel=Onderdeel.objects.get(code=dienstonderdeel),
            behandelaar=behandelaar,
            **extra,
        )

    return maak


@pytest.fixture
def maak_betrokkene(analist):
    def maak(melding, *, naam="Jan Jansen", personeelsnummer="123456", door=None):
        return betrokkene_toevoegen(
            melding=melding,
            door=door or analist,
            naam=naam,
            personeelsnummer=personeelsnummer,
            dienstonderdeel=melding.dienstonderdeel,
            leidinggevende=False,
        )

    return maak
