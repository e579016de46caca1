"""Offering a background task: to the queue, or without Redis to a thread of this process.

Without Redis Celery runs a task eagerly, inside `delay()`: a report or a large import would then be
made inside the request that asked for it, and the page would hang until it was done. In that mode
(development, `TAKEN_IN_DRAAD`) the task runs in a thread instead, so the request returns at once and
the page polls the row exactly as it does with a worker. The row is the state, not the thread: a
thread that dies with the process leaves the row as a worker would. Whatever must not end before its
tasks are done (a management command, a test) waits with `taken_afwachten`.
"""

import logging
import threading
import time

from celery import current_app
from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

# The threads of tasks still running; each takes itself out when done. A set under a lock: requests of
# a threaded server offer tasks at the same time.
_lopend: set[threading.Thread] = set()
_slot = threading.Lock()


def taak_aanbieden(taak, *args) -> None:
    """`taak.delay(*args)`, or with in-process tasks a thread that runs it; raises what delay() raises."""
    if current_app.conf.task_always_eager and settings.TAKEN_IN_DRAAD:
        draad = threading.Thread(target=_draaien, args=(taak, args), name=f"taak-{taak.name}", daemon=True)
        with _slot:
            _lopend.add(draad)
        draad.start()
        return
    taak.delay(*args)


def taken_afwachten(*, tijdslimiet: float | None = None) -> bool:
    """Wait until no task runs in a thread of this process, also those started meanwhile by another task.

    True when all are done; False when `tijdslimiet` seconds passed first. The threads are daemons, so a
    process that exits without waiting takes them along and leaves their rows half done. With a worker
    (no in-process tasks) there is nothing to wait for here.
    """
    einde = None if tijdslimiet is None else time.monotonic() + tijdslimiet
    while True:
        with _slot:
            draden = list(_lopend)
        if not draden:
            return True
        for draad in draden:
            draad.join(None if einde is None else max(0.0, einde - time.monotonic()))
            if draad.is_alive():
                return False
            with _slot:
                _lopend.discard(draad)


def _draaien(taak, args) -> None:
    try:
        taak.apply(args=args)
    except Exception:
        logger.exception("Taak %s%s mislukt", taak.name, args)
    finally:
        # The thread's own database connections; the request's are not touched.
        connections.close_all()
        with _slot:
            _lopend.discard(threading.current_thread())
