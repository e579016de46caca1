"""Offering a background task: to the queue, or without Redis to a thread of this process.

Without Redis Celery runs a task eagerly, inside `delay()`: a report or a large import would then be
made inside the request that asked for it, and the page would hang until it was done. In that mode
(development, `TAKEN_IN_DRAAD`) the task runs in a thread instead, so the request returns at once and
the page polls the row exactly as it does with a worker. The row is the state, not the thread: a
thread that dies with the process leaves the row as a worker would.
"""

import logging
import threading

from celery import current_app
from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)


def taak_aanbieden(taak, *args) -> None:
    """`taak.delay(*args)`, or with in-process tasks a thread that runs it; raises what delay() raises."""
    if current_app.conf.task_always_eager and settings.TAKEN_IN_DRAAD:
        threading.Thread(target=_draaien, args=(taak, args), name=f"taak-{taak.name}", daemon=True).start()
        return
    taak.delay(*args)


def _draaien(taak, args) -> None:
    try:
        taak.apply(args=args)
    except Exception:
        logger.exception("Taak %s%s mislukt", taak.name, args)
    finally:
        # The thread's own database connections; the request's are not touched.
        connections.close_all()
