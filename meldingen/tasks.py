from celery import shared_task
from django.utils import timezone

from .services import termijnherinneringen_versturen as versturen


@shared_task(name="meldingen.tasks.termijnherinneringen_versturen")
def termijnherinneringen_versturen() -> int:
    """Daily (beat): e-mail each behandelaar their overdue and nearly due klokkenluider deadlines."""
    return versturen(vandaag=timezone.localdate())
