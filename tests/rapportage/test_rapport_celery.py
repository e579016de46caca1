"""The real path: browser request -> Redis -> a Celery worker process -> file -> authorised download.

Eager Celery hides serialisation and on_commit mistakes, so this test starts a worker (see
tests/celery_werker.py for why it needs PostgreSQL).
"""

import pytest
from django.urls import reverse

from rapportage.models import Rapport
from tests.bouwstenen.rapportage import wacht_tot_afgerond
from tests.celery_werker import database_url_van_de_test, start_worker, stop_worker


@pytest.fixture
def worker(settings, tmp_path):
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    proces = start_worker(
        omgeving={"DATABASE_URL": database_url_van_de_test(), "RAPPORT_ROOT": str(settings.RAPPORT_ROOT)}
    )
    yield proces
    stop_worker(proces)


@pytest.mark.redis
@pytest.mark.postgres
# No serialized_rollback: tests/conftest.py re-seeds what a flush removed (see na_flush_herstellen).
@pytest.mark.django_db(transaction=True)
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
