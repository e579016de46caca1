"""Log lines never carry the id of a Tellijst row.

An access log line holds the time and the address of the request; with the row's id in the path (or
in a redirect's fragment) it would tie that row to whoever sat at that address at that moment. Only
Tellijst rows have UUIDs, so every UUID is replaced by '…' before a line is written: in Django's log
records (runserver, 'Not Found: …') by `TellijstFilter` on the project's log handler, and in
gunicorn's access log by `Toegangslog` (gunicorn.conf.py).

The access log of the meldkanaal (/melden/) goes further: a line there keeps what was asked and how it
was answered, and only the day: no address, browser, referrer, header or exact time that could tell who
the melder was (`Toegangslog`, docs/beveiliging.md 'Meldkanaal').

No Django import at module level: gunicorn loads this module before Django is set up.
"""

import logging
import re

MELDKANAAL = "/melden"
# What a meldkanaal line keeps: the request line, status, sizes and durations, the worker's pid.
_MELDKANAAL_ATOMEN = frozenset("rsmUqHbBTDMLp")
_TIJD = re.compile(r"^\[(\d{2}/\w{3}/\d{4}):[^\]]*\]$")
_RIJ_ID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def zonder_rij_id(tekst: str) -> str:
    return _RIJ_ID.sub("…", tekst)


class TellijstFilter(logging.Filter):
    """Rewrites a record's message without Tellijst row ids (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        bericht = record.getMessage()
        schoon = zonder_rij_id(bericht)
        if schoon != bericht:
            record.msg, record.args = schoon, None
        return True


try:
    from gunicorn.glogging import Logger
except ImportError:  # gunicorn is only needed where it serves the application
    Logger = None
else:

    class Toegangslog(Logger):
        """gunicorn's access log without Tellijst row ids in any field a log format can name."""

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            if str(atoms.get("U") or "").startswith(MELDKANAAL):
                atoms = zonder_melder(atoms)
            return {k: zonder_rij_id(v) if isinstance(v, str) else v for k, v in atoms.items()}


def zonder_melder(atoms: dict) -> dict:
    """A meldkanaal request's log atoms with '-' for everything but _MELDKANAAL_ATOMEN, and the time
    cut back to the day ('[04/Dec/2026]'). Headers and environment atoms ('{...}i') become '-' too."""
    schoon = {k: (v if k in _MELDKANAAL_ATOMEN else "-") for k, v in atoms.items()}
    dag = _TIJD.match(str(atoms.get("t", "")))
    schoon["t"] = f"[{dag.group(1)}]" if dag else "-"
    return schoon
