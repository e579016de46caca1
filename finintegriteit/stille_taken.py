"""Quiet tasks: Celery tasks whose ordinary log lines would date something the database hides.

A worker at INFO writes 'Task <name>[<id>] received' and '... succeeded in ...' for every task
(celery.worker.strategy, celery.app.trace, celery.worker.request). For a task that runs only because a
melder uploaded a file, each such line gives the second of the upload, which the meldkanaal cuts to
the day everywhere else (docs/beveiliging.md, 'Meldkanaal'). A task is declared quiet where it is
defined: `@shared_task(name=stille_taak("..."))`.

`StilleTakenFilter` sits on the log handlers: installed by Celery's after_setup_logger and
after_setup_task_logger signals in the worker (finintegriteit/celery.py: Celery replaces the root
handlers there) and by LOGGING in every other process (tasks that run eagerly log through it; and in a
worker whose logging someone takes over with Celery's setup_logging signal, which skips the other two). It
drops a quiet task's lines at INFO and below, and any such line that names the id of one. WARNING and
above stay, a real failure must be seen, but without the task id, the arguments or anything else that
could point at one upload; their time remains (residual risk, documented).

No Django or Celery import here: LOGGING loads this module while the settings are being configured.
"""

import logging
import re
import threading
from collections import deque

STILLE_TAKEN: set[str] = set()

# Ids of quiet tasks seen lately: a line that names only the id (no task name) is dropped too. Bounded,
# so a long-running worker does not grow; a line about an id follows its 'received' line closely.
_ONTHOUDEN = 1000
_ids: deque[str] = deque(maxlen=_ONTHOUDEN)
_slot = threading.Lock()
_TAAK_ID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
WEGGELATEN = "…"


def stille_taak(naam: str) -> str:
    """Declare the task `naam` quiet and return the name, for `shared_task(name=...)`."""
    STILLE_TAKEN.add(naam)
    return naam


class StilleTakenFilter(logging.Filter):
    """Drops a quiet task's lines below WARNING; from the others of such a task, removes its id."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not STILLE_TAKEN:
            return True
        try:
            bericht = record.getMessage()
        except Exception:  # a malformed call: the handler reports it, as without this filter
            return True
        if any(naam in bericht for naam in STILLE_TAKEN):
            _onthouden(record, bericht)
        elif not (_ids and any(i in _ids for i in _TAAK_ID.findall(bericht))):
            return True
        if record.levelno < logging.WARNING:
            return False
        # The line stays, what could tie it to one upload goes: the id (also in the message's
        # arguments, which handlers may format again) and the task's arguments in `data`.
        record.msg, record.args = _TAAK_ID.sub(WEGGELATEN, bericht), None
        if isinstance(getattr(record, "data", None), dict):
            record.data = {
                k: (WEGGELATEN if k in {"id", "args", "kwargs"} else v) for k, v in record.data.items()
            }
        return True


def _onthouden(record: logging.LogRecord, bericht: str) -> None:
    data = getattr(record, "data", None)
    gevonden = [data["id"]] if isinstance(data, dict) and data.get("id") else _TAAK_ID.findall(bericht)
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
