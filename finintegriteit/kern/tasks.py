"""Celery tasks of kern: the imports (they take the row's id only) and the clean-ups; each calls one
service.

acks_late is safe: each service claims its row with a conditional update, so a redelivered message
finds nothing to do.
"""

from celery import shared_task
from django.conf import settings

from finintegriteit.logboek import stille_taak

from .importeren import services
from .services.sessies import verlopen_sessies_opruimen

# The options of a task that may run twice. The message is acknowledged only when the task has finished,
# so the task of a worker that died is delivered again; that is only safe for a task whose service
# claims its row first, and so finds nothing to do the second time.
HERHAALBARE_TAAK = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "ignore_result": True,
    "time_limit": settings.CELERY_TASK_TIME_LIMIT,
}


# Quiet: a Tellijst import is one vertrouwenspersoon's, and the worker's 'received' and 'succeeded in' lines
# would give its second and, by the run time, its size (finintegriteit/logboek.py). The record keeps
# only the day.
@shared_task(name=stille_taak("kern.importbestand_controleren"), **HERHAALBARE_TAAK)
def importbestand_controleren_taak(pk: str) -> None:
    services.importbestand_controleren(pk=pk)


@shared_task(name=stille_taak("kern.importbestand_uitvoeren"), **HERHAALBARE_TAAK)
def importbestand_uitvoeren_taak(pk: str) -> None:
    services.importbestand_uitvoeren(pk=pk)


@shared_task(name="kern.importbestanden_opruimen", ignore_result=True)
def importbestanden_opruimen_taak() -> None:
    services.importbestanden_opruimen()


@shared_task(name="kern.sessies_opruimen", ignore_result=True)
def sessies_opruimen_taak() -> int:
    return verlopen_sessies_opruimen()
