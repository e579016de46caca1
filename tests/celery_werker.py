"""Start a real Celery worker as a separate process, for the tests that must not run eager.

The worker is another process and must see the test's rows: such tests commit for real
(transaction=True) and the worker gets the test database through DATABASE_URL. SQLite's test
database lives in memory, so a worker that touches the database needs PostgreSQL.
"""

import contextlib
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from finintegriteit.prestaties.processen import database_url, worker_starten, worker_stoppen

database_url_van_de_test = database_url


def start_worker(*, omgeving: dict[str, str] | None = None, **opties) -> subprocess.Popen:
    """`opties` as worker_starten's: a test that reads the worker's log sets `loglevel` and `stderr`."""
    return worker_starten(omgeving={"DEBUG": "1", **(omgeving or {})}, **opties)


stop_worker = worker_stoppen


@contextlib.contextmanager
def worker_met_log(logbestand: Path, *, omgeving: dict[str, str]) -> Iterator[None]:
    """A real worker at INFO that writes its log to `logbestand`. Before it stops it must answer a ping,
    so every line about the work done inside the block has been written."""
    from finintegriteit.celery import ping

    with logbestand.open("w") as log:
        worker = start_worker(omgeving=omgeving, loglevel="INFO", stderr=log)
        try:
            yield
            assert ping.delay(1).get(timeout=60) == 2
        finally:
            stop_worker(worker)


def wachten_tot(klaar: Callable[[], bool], *, melding: str, seconden: float = 60) -> None:
    """Poll `klaar` until it holds; fail with `melding` after `seconden`."""
    einde = time.monotonic() + seconden
    while not klaar():
        assert time.monotonic() < einde, melding
        time.sleep(0.05)
