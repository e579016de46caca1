"""The real path: browser request -> Redis -> a Celery worker process -> file -> authorised download.

Eager Celery hides serialisation and on_commit mistakes, so this test starts a worker. The worker is
another process and must see the test's rows: the test commits for real (transaction=True) and hands
the worker the test database through DATABASE_URL. SQLite's test database lives in memory, so this
needs PostgreSQL.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from rapportage.models import Rapport

PROJECT = Path(__file__).resolve().parents[2]


def database_url_van_de_test() -> str:
    """pytest-django renames the database to test_<NAME>; the connection knows the name in use."""
    instellingen = connection.settings_dict
    gebruiker = instellingen["USER"] or "postgres"
    wachtwoord = f":{instellingen['PASSWORD']}" if instellingen["PASSWORD"] else ""
    host = instellingen["HOST"] or "127.0.0.1"
    poort = instellingen["PORT"] or 5432
    return f"postgres://{gebruiker}{wachtwoord}@{host}:{poort}/{instellingen['NAME']}"


@pytest.fixture
def worker(settings, tmp_path):
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "finintegriteit",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
            "-Q",
            "celery",
            "--loglevel=WARNING",
        ],
        cwd=PROJECT,
        env={
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": database_url_van_de_test(),
            "RAPPORT_ROOT": str(settings.RAPPORT_ROOT),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    yield proces
    proces.terminate()
    try:
        proces.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proces.kill()


def wacht_tot_afgerond(rapport_pk: int, *, seconden: float = 120) -> Rapport:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        rapport = Rapport.objects.get(pk=rapport_pk)
        if rapport.status in (Rapport.Status.KLAAR, Rapport.Status.MISLUKT):
            return rapport
        time.sleep(0.5)
    raise AssertionError(f"rapport {rapport_pk} niet afgerond binnen {seconden} s (status {rapport.status})")


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_aanvraag_via_redis_en_een_echte_worker_geeft_een_downloadbaar_rapport(
    client, coordinator, coordinator_douane, analist, worker
):
    from finintegriteit import celery_app

    assert not celery_app.conf.task_always_eager
    client.force_login(coordinator)
    antwoord = client.post(reverse("rapportage:rapporten"), {"jaar": 2024})
    assert antwoord.status_code == 302
    rapport = wacht_tot_afgerond(Rapport.objects.get().pk)
    assert rapport.status == Rapport.Status.KLAAR, rapport.reden

    download = client.get(reverse("rapportage:download", args=[rapport.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")

    client.force_login(coordinator_douane)
    assert client.get(reverse("rapportage:download", args=[rapport.pk])).status_code == 404
    client.force_login(analist)
    assert client.get(reverse("rapportage:download", args=[rapport.pk])).status_code == 403
