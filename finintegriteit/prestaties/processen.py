"""Other processes that must work on this process's data: a Celery worker, a web server.

Shared by the benchmarks and the tests that drive a real worker, so both start it the same way.
"""

import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    """The URL of the database this process uses (the test database in a test)."""
    instellingen = connection.settings_dict
    gebruiker = urllib.parse.quote(instellingen.get("USER") or "", safe="")
    wachtwoord = urllib.parse.quote(instellingen.get("PASSWORD") or "", safe="")
    inlog = f"{gebruiker}:{wachtwoord}@" if wachtwoord else (f"{gebruiker}@" if gebruiker else "")
    host = instellingen.get("HOST") or "127.0.0.1"
    poort = instellingen.get("PORT") or "5432"
    return f"postgres://{inlog}{host}:{poort}/{urllib.parse.quote(instellingen['NAME'], safe='')}"


def worker_starten(
    *,
    omgeving: dict[str, str] | None = None,
    loglevel: str = "WARNING",
    stderr=subprocess.PIPE,
    naam: str = "celery",
) -> subprocess.Popen:
    """A Celery worker with the solo pool: one task at a time in its main process, like a call inline.

    Workers that run side by side need a `naam` each: it is how they answer a ping (`wacht_op_workers`).
    """
    return subprocess.Popen(  # noqa: S603
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
            "-n",
            f"{naam}@%h",
            f"--loglevel={loglevel}",
        ],
        cwd=PROJECT,
        env={**os.environ, **(omgeving or {})},
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )


def worker_stoppen(proces: subprocess.Popen) -> None:
    if proces.poll() is not None:
        return
    proces.terminate()
    try:
        proces.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proces.kill()
        proces.wait(timeout=10)


def wacht_op_worker(*, maximum: int = 120) -> float:
    """Seconds until a started worker answers a task: then it has connected and run its start-up hooks."""
    import time

    from finintegriteit.celery import ping

    begin = time.perf_counter()
    ping.apply_async(args=[1]).get(timeout=maximum)
    return time.perf_counter() - begin


def wacht_op_workers(*, aantal: int, maximum: int = 120) -> float:
    """Seconds until `aantal` workers answer a broadcast ping (a task would reach only one of them)."""
    import time

    from finintegriteit.celery import app

    begin = time.perf_counter()
    while len(app.control.ping(timeout=1.0) or []) < aantal:
        if time.perf_counter() - begin > maximum:
            raise TimeoutError(f"Geen {aantal} workers binnen {maximum} s")
    return time.perf_counter() - begin
