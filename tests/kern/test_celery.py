"""A real Celery round trip: a worker on Redis receives a task and returns its result."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.redis
def test_worker_op_redis_voert_een_taak_uit_en_geeft_het_resultaat_terug():
    from finintegriteit.celery import app, ping

    assert not app.conf.task_always_eager
    worker = subprocess.Popen(
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
        env={**os.environ, "DEBUG": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        resultaat = ping.delay(41)
        assert resultaat.get(timeout=60) == 42
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def test_zonder_redis_draait_een_taak_direct_in_het_proces():
    from finintegriteit.celery import ping

    assert ping.delay(1).get(timeout=5) == 2
