"""Messages between OIF and the melder of a melding from the meldkanaal.

The analist writes on the case page; the melder reads with the receipt code on /melden/terug/ and answers
there (services/meldkanaal.py). A message sent as the ontvangstbevestiging or the terugkoppeling also
records that date on the melding, through the same service as the Termijnen form, so the Termijnen page
shows it. The melder gets an e-mail only when they gave an e-mail address and asked for it, and the
e-mail says nothing but that a message is waiting.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen

from ..models import Bericht, MelderIdentiteit, Melding
from . import fouten
from .termijnen import melding_termijnen_vastleggen

MAX_LENGTE = 5000
BERICHT_LEEG = "Schrijf een bericht."
BERICHT_TE_LANG = "Een bericht is hoogstens {max} tekens."
GEEN_MELDKANAAL = "Deze melding kwam niet via het meldkanaal binnen: de melder kan geen berichten lezen."
MAIL_ONDERWERP = "Er is een bericht van OIF over uw melding"
MAIL_TEKST = (
    "Het Onderzoeksbureau Integriteit Financiën heeft u een bericht gestuurd over uw melding.\n\n"
    "Lees het met uw ontvangstcode op:\n\n{url}\n\n"
    "Deze e-mail bevat bewust niets over de melding zelf."
)


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
        _melder_mailen(huidig)
    melding.refresh_from_db()
    return bericht


def _melder_mailen(melding: Melding) -> None:
    """After the commit, and only to an e-mail address the melder gave and asked to be mailed at."""
    adres = (
        MelderIdentiteit.objects.filter(melding=melding, bericht_per_email=True)
        .values_list("contact", flat=True)
        .first()
    )
    if not adres:
        return
    try:
        validate_email(adres.strip())
    except ValidationError:
        return  # a telephone number: nothing to send
    url = settings.BASIS_URL.rstrip("/") + reverse("meldkanaal:terug")
    tekst = MAIL_TEKST.format(url=url)
    transaction.on_commit(lambda: send_mail(MAIL_ONDERWERP, tekst, None, [adres.strip()]))
