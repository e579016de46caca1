from celery import shared_task
from django.utils import timezone

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
