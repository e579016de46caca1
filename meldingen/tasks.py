import logging

from celery import shared_task
from django.utils import timezone

from finintegriteit.logboek import stille_taak

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


# At most once (no acks_late): a redelivered message would mail the melder twice, and nothing records
# that the first one went. Three retries, after 1, 5 and 30 minutes, for a mail server that is away.
MAIL_WACHTEN_SECONDEN = (60, 300, 1800)
MAIL_POGINGEN = len(MAIL_WACHTEN_SECONDEN) + 1


# Quiet: it runs after every message, but its 'succeeded in' line would take the mail server's round trip
# only for a melder who is named and asked for e-mail (finintegriteit/logboek.py).
@shared_task(
    name=stille_taak("meldingen.tasks.melder_mailen"),
    bind=True,
    acks_late=False,
    ignore_result=True,
    max_retries=MAIL_POGINGEN - 1,
)
def melder_mailen(self, bericht_id: int) -> None:
    """E-mail the melder that message `bericht_id` waits, if they asked; the address is read here, never
    passed in, so it is in no broker message, retry or result. Nothing escapes: without a worker this
    runs inside the analist's request, whose answer must not depend on the melder."""
    from .services.berichten import MAIL_MISLUKT, Mailuitkomst, bericht_mail_versturen

    uitkomst = bericht_mail_versturen(bericht_id=bericht_id)
    if uitkomst is Mailuitkomst.TIJDELIJK_MISLUKT and not self.request.is_eager:
        poging = self.request.retries
        if poging < self.max_retries:
            # No exc: its text would hold the address; the retry line names only this task (quiet).
            raise self.retry(countdown=MAIL_WACHTEN_SECONDEN[poging])
    if uitkomst in (Mailuitkomst.TIJDELIJK_MISLUKT, Mailuitkomst.MISLUKT):
        logging.getLogger(__name__).error(MAIL_MISLUKT)
