"""What ends up in the logs: gunicorn's access log as gunicorn.conf.py configures it, Django's log
records as every handler of the project's LOGGING would write them, and a session row as an insider
with the database reads it."""

import datetime
import logging
import runpy
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from django.db import connection

PROJECT = Path(__file__).resolve().parents[2]


def gunicorn_toegangslog(bestand: Path, formaat: str):
    """A function that lets gunicorn log one request (path, headers, environ) to `bestand`."""
    from gunicorn.config import Config

    cfg = Config()
    cfg.set("logger_class", runpy.run_path(str(PROJECT / "gunicorn.conf.py"))["logger_class"])
    cfg.set("accesslog", str(bestand))
    cfg.set("access_log_format", formaat)
    log = cfg.logger_class(cfg)

    def verzoek(pad, *, methode="GET", status="200 OK", koppen=(), antwoordkoppen=(), **environ):
        pad, _, query = pad.partition("?")
        environ = {
            "REQUEST_METHOD": methode,
            "RAW_URI": f"{pad}?{query}" if query else pad,
            "PATH_INFO": pad,
            "QUERY_STRING": query,
            "SERVER_PROTOCOL": "HTTP/1.1",
            **environ,
        }
        antwoord = SimpleNamespace(status=status, sent=0, headers=list(antwoordkoppen))
        log.access(
            antwoord, SimpleNamespace(headers=list(koppen)), environ, datetime.timedelta(milliseconds=5)
        )

    return verzoek


@contextmanager
def djangos_logregels():
    """Yields the list of records every handler on Django's loggers and the root would write (after
    its own level and filters), instead of writing them."""
    loggers = [logging.getLogger(), *(logging.getLogger(n) for n in list(logging.root.manager.loggerDict))]
    handlers = {
        h
        for lg in loggers
        if lg.name == "root" or lg.name.startswith("django")
        for h in lg.handlers
        if not type(h).__module__.startswith("_pytest")  # pytest's capture, not the project's log
    }
    regels: list[logging.LogRecord] = []
    for handler in handlers:
        handler.emit = regels.append
    try:
        yield regels
    finally:
        for handler in handlers:
            del handler.emit


def sessierij(sleutel: str) -> tuple:
    """The session row as an insider with the database reads it. On PostgreSQL also its ctid: every
    UPDATE writes a new row version, even one with the same values, so a re-save shows there (and in
    xmin, the writing transaction, which lies next to the melding's)."""
    plek = "ctid::text" if connection.vendor == "postgresql" else "NULL"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT session_data, expire_date, {plek} FROM django_session WHERE session_key = %s", [sleutel]
        )
        return cursor.fetchone()
