"""Shared fixtures: one persona per role, and markers for tests that need a real server.

Tests that need PostgreSQL or Redis skip with a reason on a bare machine (SQLite, no REDIS_URL) and
run in CI, where .ci/run points DATABASE_URL and REDIS_URL at the real servers.
"""

import os

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from finintegriteit import celery_app
from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import Profiel
from finintegriteit.referentie.models import Onderdeel

WACHTWOORD = "Correct-paard-batterij-nietje-42"


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
def celery_eager(request):
    """Run tasks in-process unless the test drives a real worker (marked redis)."""
    if "redis" in request.keywords:
        yield
        return
    vorige = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = vorige


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
            Profiel.objects.create(gebruiker=gebruiker, onderdeel=Onderdeel.objects.get(code=onderdeel))
        return gebruiker

    return maak


@pytest.fixture
def analist(maak_gebruiker):
    return maak_gebruiker("analist", r.OIF_ANALIST)


@pytest.fixture
def vertrouwenspersoon(maak_gebruiker):
    return maak_gebruiker("vp", r.VERTROUWENSPERSOON)


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
