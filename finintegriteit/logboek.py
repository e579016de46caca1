"""What may not appear in a log: every rule, and where each process applies it.

1. No id of a Tellijst row. An access log line holds the time and the address of the request; with the
   row's id in the path (or in a redirect's fragment) it would tie that row to whoever sat at that
   address at that moment. Only Tellijst rows have UUIDs, so every UUID is replaced by '…' before a line
   is written: in Django's log records (runserver, 'Not Found: …') by `TellijstFilter`, and in gunicorn's
   access log by `Toegangslog`.
2. Nothing about a melder's request: a page of the meldkanaal (/melden/, kern/meldkanaalpad.py), or
   anything such a page asked for (its Referer names one: the styles and scripts it loads). Any line,
   however bare, is dated by its neighbours and by the log driver that stamps every line it receives
   (docs/beveiliging.md, 'Meldkanaal'). gunicorn's access log writes no line (`Toegangslog`); Django's
   records of a refused step are dropped (`MeldkanaalFilter`).
3. No ordinary line of a quiet task: a Celery task that runs only because of a melder would date the
   upload to the second with its 'received' and 'succeeded' lines (`stille_taak`, `StilleTakenFilter`).
4. No access-log line about the Tellijst (/tellijst/, or anything a page of it asked for): a line holds
   the address and the second of each save: it dates every save and ties it to a desk, which the
   mixing of the day's rows at each save (vertrouwenspersonen/mengen.py) keeps out of the database.
   gunicorn's access log writes no line (`Toegangslog`); Django's records of a refused step are dropped
   too (`TellijstFilter`).

Where: gunicorn.conf.py names `Toegangslog`; LOGGING (finintegriteit/settings.py) puts the three
filters on the project's handler; a Celery worker replaces the root handlers, and finintegriteit/celery.py
puts `StilleTakenFilter` on its own (`filter_plaatsen`). What pypdf and Pillow would say about a melder's
file while it is cleaned is kept out where it is cleaned (meldingen/metadata.py).

No Django or Celery import at module level: gunicorn, LOGGING and the Celery app load this module before
Django is set up.
"""

import logging
import re
import threading
from collections import deque

from finintegriteit.kern.meldkanaalpad import pad_van_referer, verzoek_van_melder

WEGGELATEN = "…"
# A Tellijst row's id, or a Celery task's: the only UUIDs a log line could carry.
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


# 1. No id of a Tellijst row.


def zonder_rij_id(tekst: str) -> str:
    return _UUID.sub(WEGGELATEN, tekst)


def _verzoekregel_laten(record: logging.LogRecord, *, gaat_over) -> bool:
    """False for Django's log record about a request that `gaat_over(pad, referer)` (django.request,
    django.security.*: 'Bad Request', 'Forbidden (CSRF cookie not set.)', 'Conflict', 404, 413, 429),
    which carries the exact time of a step: beside the steps that left no line, that dates them.

    A server error (status 500 and up, or an ERROR without a status) stays, because it must be seen;
    it keeps its message and traceback but loses the request object, so no handler (the admins' e-mail
    renders META) can write the address, browser or cookies. Its time stays: documented.
    """
    request = getattr(record, "request", None)
    pad = getattr(request, "path_info", None)
    if not isinstance(pad, str):
        return True
    if not gaat_over(pad, request.META.get("HTTP_REFERER")):
        return True
    status = getattr(record, "status_code", None)
    if (status or 0) >= 500 or (status is None and record.levelno >= logging.ERROR):
        record.request = None
        return True
    return False


class TellijstFilter(logging.Filter):
    """Rewrites a record's message and traceback without Tellijst row ids, and drops Django's records of
    a Tellijst request (rule 4). Not on a worker's handlers: there the quiet tasks (the imports) lose
    their ids by `StilleTakenFilter`, and the other tasks keep theirs."""

    def filter(self, record: logging.LogRecord) -> bool:
        bericht = record.getMessage()
        schoon = zonder_rij_id(bericht)
        if schoon != bericht:
            record.msg, record.args = schoon, None
        _traceback_zonder_ids(record)
        return _verzoekregel_laten(record, gaat_over=verzoek_over_tellijst)


def _traceback_zonder_ids(record: logging.LogRecord) -> None:
    """An exception's text may carry an id too (a database error quotes the failing row). Formatters
    write `exc_text` when it is set, so the traceback is formatted here once, without ids."""
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = zonder_rij_id(record.exc_text)


# 2. Nothing about a melder's request.


class MeldkanaalFilter(logging.Filter):
    """Drops Django's records about a melder's request: a refused step next to the successful one
    dates it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return _verzoekregel_laten(record, gaat_over=verzoek_van_melder)


# 3. No ordinary line of a quiet task. A worker at INFO writes 'Task <name>[<id>] received' and '...
# succeeded in ...' for every task (celery.worker.strategy, celery.app.trace, celery.worker.request).
# WARNING and above stay, a real failure must be seen, but without the task id, the arguments or anything
# else that could point at one upload; their time remains (residual risk, documented).

STILLE_TAKEN: set[str] = set()

# Ids of quiet tasks seen lately: a line that names only the id (no task name) is dropped too. Bounded,
# so a long-running worker does not grow; a line about an id follows its 'received' line closely.
_ONTHOUDEN = 1000
_ids: deque[str] = deque(maxlen=_ONTHOUDEN)
_slot = threading.Lock()


def stille_taak(naam: str) -> str:
    """Declare the task `naam` quiet where it is defined, and return the name:
    `@shared_task(name=stille_taak("..."))`."""
    STILLE_TAKEN.add(naam)
    return naam


class StilleTakenFilter(logging.Filter):
    """Drops a quiet task's lines below WARNING; from the others of such a task, removes its id.

    On the log handlers: by LOGGING in every process (tasks that run eagerly log through it; and in a
    worker whose logging someone takes over with Celery's setup_logging signal), and by
    `filter_plaatsen` on the handlers a worker sets up itself (finintegriteit/celery.py)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not STILLE_TAKEN:
            return True
        try:
            bericht = record.getMessage()
        except Exception:  # a malformed call: the handler reports it, as without this filter
            return True
        if any(naam in bericht for naam in STILLE_TAKEN):
            _onthouden(record, bericht)
        elif not (_ids and any(i in _ids for i in _UUID.findall(bericht))):
            return True
        if record.levelno < logging.WARNING:
            return False
        # The line stays, what could tie it to one upload goes: the id (also in the message's
        # arguments, which handlers may format again) and the task's arguments in `data`.
        record.msg, record.args = _UUID.sub(WEGGELATEN, bericht), None
        _traceback_zonder_ids(record)
        if isinstance(getattr(record, "data", None), dict):
            record.data = {
                k: (WEGGELATEN if k in {"id", "args", "kwargs"} else v) for k, v in record.data.items()
            }
        return True


def _onthouden(record: logging.LogRecord, bericht: str) -> None:
    data = getattr(record, "data", None)
    gevonden = [data["id"]] if isinstance(data, dict) and data.get("id") else _UUID.findall(bericht)
    with _slot:
        for taak_id in gevonden:
            if taak_id not in _ids:
                _ids.append(str(taak_id))


def filter_plaatsen(logger: logging.Logger) -> None:
    """Put the filter on each handler of `logger` (once): a filter on a logger would not see the lines
    that reach its handlers from child loggers such as celery.app.trace."""
    for handler in logger.handlers:
        if not any(isinstance(f, StilleTakenFilter) for f in handler.filters):
            handler.addFilter(StilleTakenFilter())


# gunicorn's access log: rules 1 and 2.


# 4. No access-log line about the Tellijst.

TELLIJST = "/tellijst/"


def verzoek_over_tellijst(pad: str, referer: str | None) -> bool:
    """A page of the Tellijst, or anything such a page asked for (its Referer names one)."""
    return pad.startswith(TELLIJST) or pad_van_referer(referer).startswith(TELLIJST)


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
            pad, referer = wsgi.get("PATH_INFO") or "", wsgi.get("HTTP_REFERER")
            if verzoek_van_melder(pad, referer) or verzoek_over_tellijst(pad, referer):
                return
            super().access(resp, req, environ, request_time)

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            return {k: zonder_rij_id(v) if isinstance(v, str) else v for k, v in atoms.items()}
