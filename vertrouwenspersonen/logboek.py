"""Log lines never carry the id of a Tellijst row.

An access log line holds the time and the address of the request; with the row's id in the path (or
in a redirect's fragment) it would tie that row to whoever sat at that address at that moment. Only
Tellijst rows have UUIDs, so every UUID is replaced by '…' before a line is written: in Django's log
records (runserver, 'Not Found: …') by `TellijstFilter` on the project's log handler, and in
gunicorn's access log by `Toegangslog` (gunicorn.conf.py).

The meldkanaal (/melden/) gets no access log line at all, and neither does a request whose Referer
names a page of it (the styles and scripts a melder's page loads): any line, however bare, is dated by
its neighbours and by the log driver that stamps every line it receives (`Toegangslog`,
docs/beveiliging.md 'Meldkanaal').

No Django import at module level: gunicorn loads this module before Django is set up.
"""

import logging
import re

from finintegriteit.kern.meldkanaalpad import verzoek_van_melder

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
        """gunicorn's access log: no line about a melder's request, and no Tellijst row id in any field a
        log format can name."""

        def access(self, resp, req, environ, request_time):
            wsgi = environ  # the request's WSGI environ, not the process environment
            if verzoek_van_melder(wsgi.get("PATH_INFO") or "", wsgi.get("HTTP_REFERER")):
                return
            super().access(resp, req, environ, request_time)

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            return {k: zonder_rij_id(v) if isinstance(v, str) else v for k, v in atoms.items()}
