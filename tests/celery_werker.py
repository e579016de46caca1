"""Start a real Celery worker as a separate process, for the tests that must not run eager.

The worker is another process and must see the test's rows: such tests commit for real
(transaction=True) and the worker gets the test database through DATABASE_URL. SQLite's test
database lives in memory, so a worker that touches the database needs PostgreSQL.
"""

import subprocess

from finintegriteit.prestaties.processen import database_url, worker_starten, worker_stoppen

database_url_van_de_test = database_url


def start_worker(*, omgeving: dict[str, str] | None = None, **opties) -> subprocess.Popen:
    """`opties` as worker_starten's: a test that reads the worker's log sets `loglevel` and `stderr`."""
    return worker_starten(omgeving={"DEBUG": "1", **(omgeving or {})}, **opties)


stop_worker = worker_stoppen
