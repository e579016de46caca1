import logging
import os

from celery import Celery
from celery.signals import worker_process_init

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
