import logging
import os

from celery import Celery
from celery.signals import after_setup_logger, after_setup_task_logger, worker_process_init

from finintegriteit.logboek import filter_plaatsen

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finintegriteit.settings")

app = Celery("finintegriteit")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="finintegriteit.ping")
def ping(waarde: int) -> int:
    """Round trip for the worker health check and the CI test: returns its argument plus one."""
    return waarde + 1


@worker_process_init.connect
def rapportage_opwarmen(**kwargs) -> None:
    """Each worker process loads WeasyPrint as it starts, so the first report does not wait for it.

    Web processes never import it (see rapportage/pdf.py). A failure here must not stop the worker:
    the task would then load it itself, or report the real error.
    """
    try:
        from rapportage import pdf

        pdf.opwarmen()
    except Exception:  # warming up is an optimisation only
        logging.getLogger(__name__).warning("WeasyPrint niet vooraf geladen", exc_info=True)


@after_setup_logger.connect
@after_setup_task_logger.connect
def stille_taken_filteren(logger, **kwargs) -> None:
    """The worker's own log handlers (Celery replaces the root logger's) get the filter that keeps the
    quiet tasks' INFO lines out of the log (finintegriteit/logboek.py)."""
    filter_plaatsen(logger)
