"""Start a real Celery worker as a separate process, for the tests that must not run eager.

The worker is another process and must see the test's rows: such tests commit for real
(transaction=True) and the worker gets the test database through DATABASE_URL. SQLite's test
database lives in memory, so a worker that touches the database needs PostgreSQL.
"""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

PROJECT = Path(__file__).resolve().parents[1]


def database_url_van_de_test() -> str:
    """pytest-django renames the database to test_<NAME>; the connection knows the name in use."""
    instellingen = connection.settings_dict
    gebruiker = instellingen["USER"] or "postgres"
    wachtwoord = f":{instellingen['PASSWORD']}" if instellingen["PASSWORD"] else ""
    host = instellingen["HOST"] or "127.0.0.1"
    poort = instellingen["PORT"] or 5432
    return f"postgres://{gebruiker}{wachtwoord}@{host}:{poort}/{instellingen['NAME']}"


def start_worker(*, omgeving: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen(
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
        env={**os.environ, "DEBUG": "1", **(omgeving or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def stop_worker(proces: subprocess.Popen) -> None:
    if proces.poll() is not None:
        return
    proces.terminate()
    try:
        proces.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proces.kill()
        proces.wait(timeout=10)
