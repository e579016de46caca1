"""Celery task for the jaarrapportage: takes a primary key only and calls one service.

acks_late is safe because the service is idempotent: a redelivered message for a report that is done
or owned by a live worker returns without doing anything (see services.rapport_genereren).
"""

from celery import shared_task
from django.conf import settings

from . import services

TIJDSLIMIET = settings.CELERY_TASK_TIME_LIMIT
# A minute before the hard limit, so the task can still mark its row mislukt itself.
ZACHTE_TIJDSLIMIET = max(TIJDSLIMIET - 60, 30)


@shared_task(
    name="rapportage.rapport_genereren",
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=TIJDSLIMIET,
    soft_time_limit=ZACHTE_TIJDSLIMIET,
    ignore_result=True,
)
def rapport_genereren_taak(rapport_pk: int) -> None:
    services.rapport_genereren(rapport_pk=rapport_pk)
