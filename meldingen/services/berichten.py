"""Messages between OIF and the melder of a melding from the meldkanaal.

The analist writes on the case page; the melder reads with the receipt code on /melden/terug/ and answers
there (services/meldkanaal.py). A message sent as the ontvangstbevestiging or the terugkoppeling also
records that date on the melding, through the same service as the Termijnen form, so the Termijnen page
shows it. The melder gets an e-mail only when they gave an e-mail address and asked for it, and the
e-mail says nothing but that a message is waiting.

The e-mail never decides anything in the analist's request: after every message, whoever the melder is,
one task is queued with the message's id only (tasks.py melder_mailen). Whether the melder is named and
asked for e-mail, and whether the mail server takes the address, is known inside that task alone; so an
analist without the identity right gets the same page, at the same speed, for every melder
(docs/beveiliging.md, 'Geen orakel op de identiteit van de melder').
"""

import enum
import logging
import smtplib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection, send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from finintegriteit.kern.taken import taak_aanbieden

from ..models import Bericht, MelderIdentiteit, Melding
from . import fouten
from .termijnen import melding_termijnen_vastleggen

MAX_LENGTE = 5000
BERICHT_LEEG = "Schrijf een bericht."
BERICHT_TE_LANG = "Een bericht is hoogstens {max} tekens."
GEEN_MELDKANAAL = "Deze melding kwam niet via het meldkanaal binnen: de melder kan geen berichten lezen."
# Whoever sees the mailbox (a delegate, the mail gateway, a link-rewriting filter: the address is often a
# work address) must not learn that its owner reported something. So no 'melding', no 'OIF' or
# 'integriteit', and no link: the link would name our host and /melden/, and a rewriting filter would
# store and visit it. The melder opens the page they kept themselves (ontvangen.html says so).
MAIL_ONDERWERP = "U hebt een nieuw bericht"
MAIL_TEKST = (
    "Er staat een nieuw bericht voor u klaar.\n\n"
    "Open zelf de pagina die u daarvoor hebt bewaard en log in met uw code.\n\n"
    "Deze e-mail bevat bewust geen link en niets over de inhoud."
)
# The only line the e-mail ever writes to the log: no address, no melding, no exception (its text and
# traceback would hold the address), since the line itself says that some melder is named and mailed.
MAIL_MISLUKT = "Een e-mail over een nieuw bericht kon niet worden verstuurd; het bericht staat wel klaar."
WACHTRIJ_MISLUKT = "Een e-mail over een nieuw bericht kon niet in de wachtrij; het bericht staat wel klaar."

MAIL_WACHTTIJD_SECONDEN = 20

logger = logging.getLogger(__name__)


class Mailuitkomst(enum.Enum):
    VERSTUURD = "verstuurd"
    NIET_GEVRAAGD = "niet gevraagd"
    TIJDELIJK_MISLUKT = "tijdelijk mislukt"
    MISLUKT = "mislukt"


def bericht_tekst(tekst: str) -> str:
    """The text of a message, stripped; ValidationError when empty or too long."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": BERICHT_LEEG})
    if len(tekst) > MAX_LENGTE:
        raise ValidationError({"tekst": BERICHT_TE_LANG.format(max=MAX_LENGTE)})
    return tekst


def bericht_aan_melder_sturen(
    *, melding: Melding, door, tekst: str, soort: str = Bericht.Soort.BERICHT
) -> Bericht:
    """A message from OIF to the melder of an open melding from the meldkanaal.

    As ontvangstbevestiging or terugkoppeling it records today as that date (the other date stays), so
    the deadlines on the Termijnen page follow; refused for a melding that is no klokkenluidersmelding.
    """
    tekst = bericht_tekst(tekst)
    with transaction.atomic():
        huidig = Melding.objects.select_for_update().get(pk=melding.pk)
        if huidig.is_afgedaan:
            raise ValidationError(fouten.MELDING_AFGEDAAN)
        if huidig.kanaal != Melding.Kanaal.MELDKANAAL:
            raise ValidationError(GEEN_MELDKANAAL)
        bericht = Bericht.objects.create(
            melding=huidig,
            richting=Bericht.Richting.AAN_MELDER,
            soort=soort,
            tekst=tekst,
            door=door,
            op=timezone.now(),
        )
        audit_vastleggen(
            gebruiker=door, actie=AuditRegel.Actie.AANGEMAAKT, object=bericht, velden=["soort", "tekst"]
        )
        if soort != Bericht.Soort.BERICHT:
            vandaag = timezone.localdate()
            melding_termijnen_vastleggen(
                melding=huidig,
                door=door,
                versie=huidig.versie,
                ontvangstbevestiging_op=vandaag
                if soort == Bericht.Soort.ONTVANGSTBEVESTIGING
                else huidig.ontvangstbevestiging_op,
                terugkoppeling_op=vandaag
                if soort == Bericht.Soort.TERUGKOPPELING
                else huidig.terugkoppeling_op,
            )
        # For every message, named melder or not: see the module docstring.
        transaction.on_commit(lambda pk=bericht.pk: _mail_aanbieden(pk))
    melding.refresh_from_db()
    return bericht


def _mail_aanbieden(bericht_id: int) -> None:
    """Queue the e-mail task. Without Redis it runs in a thread (TAKEN_IN_DRAAD) or else here, in the
    request; then too it changes nothing in the answer, since it catches everything."""
    from ..tasks import melder_mailen

    try:
        taak_aanbieden(melder_mailen, bericht_id)
    except Exception:  # a broker that is down: the message itself is saved and the melder can read it
        logger.warning(WACHTRIJ_MISLUKT)


def bericht_mail_versturen(*, bericht_id: int) -> Mailuitkomst:
    """E-mail the melder that a message waits, if they gave an e-mail address and asked for it.

    Catches every exception and says only what kind of outcome it was: the exception's text holds the
    address (SMTPRecipientsRefused), so it must not reach a log, a task result or a retry line.
    """
    try:
        adres = (
            MelderIdentiteit.objects.filter(
                melding__berichten__pk=bericht_id,
                melding__berichten__richting=Bericht.Richting.AAN_MELDER,
                bericht_per_email=True,
            )
            .values_list("contact", flat=True)
            .first()
        )
        adres = (adres or "").strip()
        if not adres:
            return Mailuitkomst.NIET_GEVRAAGD
        try:
            validate_email(adres)
        except ValidationError:
            return Mailuitkomst.NIET_GEVRAAGD  # a telephone number: nothing to send
        # A bounded wait: without a worker this runs in the request, and a hung server would hang it.
        verbinding = get_connection(timeout=MAIL_WACHTTIJD_SECONDEN)
        send_mail(MAIL_ONDERWERP, MAIL_TEKST, settings.MELDKANAAL_AFZENDER, [adres], connection=verbinding)
        return Mailuitkomst.VERSTUURD
    except Exception as fout:
        tijdelijk = _tijdelijk(fout)
    # Outside the except block, so that no later exception carries this one (and the address) along.
    return Mailuitkomst.TIJDELIJK_MISLUKT if tijdelijk else Mailuitkomst.MISLUKT


def _tijdelijk(fout: Exception) -> bool:
    """A 4xx reply or a lost connection may pass later; a 5xx reply (unknown recipient) will not."""
    if isinstance(fout, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in fout.recipients.values())
    if isinstance(fout, smtplib.SMTPResponseException):
        return 400 <= fout.smtp_code < 500
    return isinstance(fout, OSError)  # also SMTPServerDisconnected, a refused connection, a timeout
