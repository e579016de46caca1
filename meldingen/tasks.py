from celery import shared_task
from django.utils import timezone

from finintegriteit.kern.tasks import HERHAALBARE_TAAK
from finintegriteit.stille_taken import stille_taak

from .services import termijnherinneringen_versturen as versturen


@shared_task(name="meldingen.tasks.termijnherinneringen_versturen")
def termijnherinneringen_versturen() -> int:
    """Daily (beat): e-mail each behandelaar their overdue and nearly due klokkenluider deadlines."""
    return versturen(vandaag=timezone.localdate())


@shared_task(name="meldingen.tasks.bewaartermijn_toepassen")
def bewaartermijn_toepassen() -> int:
    """Daily (beat): erase the personal data of closed meldingen past their bewaartermijn."""
    from .services.bewaartermijn import persoonsgegevens_wissen

    return len(persoonsgegevens_wissen(vandaag=timezone.localdate()))


# Quiet: it runs only for a melder's upload, right after it, so its received/succeeded lines would date
# the upload to the second (finintegriteit/stille_taken.py).
@shared_task(name=stille_taak("meldingen.tasks.bijlage_opschonen"), **HERHAALBARE_TAAK)
def bijlage_opschonen(document_id: int) -> None:
    """Remove the metadata of a file the melder sent. acks_late is safe: only a file still waiting is
    cleaned, so a redelivered message finds nothing to do."""
    from .services.meldkanaal import bijlage_opschonen as opschonen

    opschonen(document_id=document_id)
