"""Celery tasks of the jaarrapportage: they take a primary key only and call one service.

acks_late is safe because the service is idempotent: a redelivered message for a report that is done
returns without doing anything (see services.rapport_genereren). A message for a report that a live
run owns waits and looks again: that run may still die, and then this message takes the report over.
"""

import logging

from celery import shared_task
from django.conf import settings

from . import services

logger = logging.getLogger(__name__)

TIJDSLIMIET = settings.CELERY_TASK_TIME_LIMIT
# A minute before the hard limit, so the task can still mark its row mislukt itself.
ZACHTE_TIJDSLIMIET = max(TIJDSLIMIET - 60, 30)
# Long enough to outwait a live run up to the time limit, after which it counts as dead anyway.
MAX_KEER_WACHTEN = TIJDSLIMIET // settings.RAPPORT_OVERNAME_SECONDEN + 2


@shared_task(
    bind=True,
    name="rapportage.rapport_genereren",
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=TIJDSLIMIET,
    soft_time_limit=ZACHTE_TIJDSLIMIET,
    ignore_result=True,
    max_retries=MAX_KEER_WACHTEN,
)
def rapport_genereren_taak(self, rapport_pk: int) -> None:
    in_worker = not self.request.is_eager
    if services.rapport_genereren(rapport_pk=rapport_pk, hartslag=in_worker) is not None:
        return
    if in_worker and services.rapport_in_behandeling(rapport_pk=rapport_pk):
        if self.request.retries >= self.max_retries:
            logger.warning("Rapport %s: nog steeds in behandeling, niet langer gewacht", rapport_pk)
            return
        raise self.retry(countdown=settings.RAPPORT_OVERNAME_SECONDEN)


@shared_task(name="rapportage.reeks_versturen", ignore_result=True)
def reeks_versturen_taak(reeks_pk: int, rapport_pks: list[int]) -> None:
    """Send the reports of a reeks as one chord (each report its own task)."""
    from .services.reeks import reeks_versturen

    reeks_versturen(reeks_pk=reeks_pk, rapport_pks=rapport_pks)


@shared_task(name="rapportage.reeks_afronden", ignore_result=True)
def reeks_afronden_taak(reeks_pk: int) -> None:
    """The chord's callback: every report of the reeks has run."""
    from .services.reeks import reeks_afronden

    reeks_afronden(reeks_pk=reeks_pk)


@shared_task(name="rapportage.rapporten_herstellen", ignore_result=True)
def rapporten_herstellen() -> dict[str, int]:
    """Beat: offer reports again that a killed worker or an unreachable Redis left behind."""
    return services.rapporten_herstellen()


@shared_task(name="rapportage.tellijst_publiceren", ignore_result=True)
def tellijst_publiceren() -> None:
    """Beat, daily: publish the Tellijst figures when today is a publication day."""
    from .services.publicatie import publiceren_als_aan_de_beurt

    publiceren_als_aan_de_beurt()
