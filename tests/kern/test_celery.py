"""A real Celery round trip: a worker on Redis receives a task and returns its result."""

import pytest

from tests.celery_werker import start_worker, stop_worker


@pytest.mark.redis
def test_worker_op_redis_voert_een_taak_uit_en_geeft_het_resultaat_terug():
    from finintegriteit.celery import app, ping

    assert not app.conf.task_always_eager
    worker = start_worker()
    try:
        resultaat = ping.delay(41)
        assert resultaat.get(timeout=60) == 42
    finally:
        stop_worker(worker)


def test_zonder_redis_draait_een_taak_direct_in_het_proces():
    from finintegriteit.celery import ping

    assert ping.delay(1).get(timeout=5) == 2
