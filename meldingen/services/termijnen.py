"""Deadlines of a klokkenluidersmelding (Wet bescherming klokkenluiders; EU directive 2019/1937, art. 9).

1. Ontvangstbevestiging: within 7 days of receipt.
2. Terugkoppeling: within 3 months of the ontvangstbevestiging, or, when none was sent in time, within
   3 months of the end of those 7 days. A late bevestiging never pushes the terugkoppeling back.
Both are recorded as done with a date. Other meldingen have no deadlines.
"""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.utils import timezone

from finintegriteit.kern.datums import plus_maanden
from finintegriteit.kern.selectors import weergavenaam

from ..models import Melding
from ..selectors import herinneringen_selecteren, zonder_behandelaar_tellen
from . import fouten
from .vergrendeling import gewijzigde_velden, wijzigen_met_audit

logger = logging.getLogger(__name__)

BEVESTIGING_DAGEN = 7
TERUGKOPPELING_MAANDEN = 3
# A deadline this many days away or closer counts as 'bijna verlopen' (reminder e-mail, overview).
BIJNA_VERLOPEN_DAGEN = getattr(settings, "TERMIJN_BIJNA_VERLOPEN_DAGEN", 7)


def termijnen_berekenen(
    *, ontvangen_op: datetime.date, ontvangstbevestiging_op: datetime.date | None = None
) -> tuple[datetime.date, datetime.date]:
    """(ontvangstbevestiging uiterlijk, terugkoppeling uiterlijk) for a klokkenluidersmelding."""
    bevestiging_uiterlijk = ontvangen_op + datetime.timedelta(days=BEVESTIGING_DAGEN)
    basis = bevestiging_uiterlijk
    if ontvangstbevestiging_op is not None:
        basis = min(ontvangstbevestiging_op, bevestiging_uiterlijk)
    return bevestiging_uiterlijk, plus_maanden(basis, TERUGKOPPELING_MAANDEN)


def termijn_velden(
    *, klokkenluidersmelding: bool, ontvangen_op: datetime.date, ontvangstbevestiging_op=None
) -> dict:
    """The stored deadline fields of a melding; empty deadlines when it is no klokkenluidersmelding."""
    if not klokkenluidersmelding:
        return {"ontvangstbevestiging_uiterlijk": None, "terugkoppeling_uiterlijk": None}
    bevestiging, terugkoppeling = termijnen_berekenen(
        ontvangen_op=ontvangen_op, ontvangstbevestiging_op=ontvangstbevestiging_op
    )
    return {"ontvangstbevestiging_uiterlijk": bevestiging, "terugkoppeling_uiterlijk": terugkoppeling}


def melding_termijnen_vastleggen(
    *,
    melding: Melding,
    door,
    versie: int,
    ontvangstbevestiging_op: datetime.date | None,
    terugkoppeling_op: datetime.date | None,
) -> Melding:
    """Record when the ontvangstbevestiging was sent and the terugkoppeling given (or clear a date)."""
    if melding.is_afgedaan:
        raise ValidationError(fouten.MELDING_AFGEDAAN)
    if not melding.klokkenluidersmelding:
        raise ValidationError(fouten.GEEN_KLOKKENLUIDERSMELDING)
    vandaag = timezone.localdate()
    fout = {}
    for veld, datum in (
        ("ontvangstbevestiging_op", ontvangstbevestiging_op),
        ("terugkoppeling_op", terugkoppeling_op),
    ):
        if datum is None:
            continue
        if datum > vandaag:
            fout[veld] = fouten.DATUM_IN_TOEKOMST
        elif datum < melding.ontvangen_op:
            fout[veld] = fouten.DATUM_VOOR_ONTVANGST.format(datum=_datum(melding.ontvangen_op))
    if (
        "terugkoppeling_op" not in fout
        and ontvangstbevestiging_op
        and terugkoppeling_op
        and terugkoppeling_op < ontvangstbevestiging_op
    ):
        fout["terugkoppeling_op"] = fouten.TERUGKOPPELING_VOOR_BEVESTIGING
    if fout:
        raise ValidationError(fout)
    velden = {"ontvangstbevestiging_op": ontvangstbevestiging_op, "terugkoppeling_op": terugkoppeling_op}
    gewijzigd = gewijzigde_velden(melding, velden)
    velden |= termijn_velden(
        klokkenluidersmelding=True,
        ontvangen_op=melding.ontvangen_op,
        ontvangstbevestiging_op=ontvangstbevestiging_op,
    )
    wijzigen_met_audit(melding, door=door, versie=versie, velden=velden, gewijzigd=gewijzigd)
    return melding


def termijnherinneringen_versturen(*, vandaag: datetime.date) -> int:
    """E-mail each behandelaar their open deadlines that are overdue or due within BIJNA_VERLOPEN_DAGEN.

    One message per behandelaar, with case numbers and dates only: no names, no description, so the
    mail itself carries no personal data. Returns the number of messages sent.
    """
    per_behandelaar = defaultdict(list)
    for termijn in herinneringen_selecteren(vandaag=vandaag, bijna_dagen=BIJNA_VERLOPEN_DAGEN):
        per_behandelaar[termijn.behandelaar].append(termijn)
    zonder = zonder_behandelaar_tellen(vandaag=vandaag, bijna_dagen=BIJNA_VERLOPEN_DAGEN)
    if zonder:
        # Nobody to mail: the Termijnen overview shows them; the log makes the gap visible to operations.
        logger.warning(
            "%s klokkenluidersmelding(en) met een (bijna) verlopen termijn zonder behandelaar.", zonder
        )
    verstuurd = 0
    for behandelaar, termijnen in per_behandelaar.items():
        if not behandelaar.email:
            logger.warning("Behandelaar %s heeft geen e-mailadres: geen termijnherinnering.", behandelaar.pk)
            continue
        te_laat = sum(1 for t in termijnen if t.te_laat)
        onderwerp = f"Termijnen klokkenluidersmeldingen: {te_laat} verlopen, {len(termijnen) - te_laat} bijna"
        regels = [_regel(t, vandaag) for t in sorted(termijnen, key=lambda t: (t.uiterlijk, t.nummer))]
        tekst = (
            f"Beste {weergavenaam(behandelaar)},\n\n"
            "Van de volgende klokkenluidersmeldingen die u behandelt, is een wettelijke termijn verlopen "
            f"of verloopt die binnen {BIJNA_VERLOPEN_DAGEN} dagen:\n\n"
            + "\n".join(regels)
            + "\n\nLeg een verstuurde ontvangstbevestiging of gegeven terugkoppeling vast op de melding.\n"
        )
        send_mail(onderwerp, tekst, None, [behandelaar.email])
        verstuurd += 1
    return verstuurd


def _datum(datum: datetime.date) -> str:
    return datum.strftime("%d-%m-%Y")


def _regel(termijn, vandaag: datetime.date) -> str:
    dagen = (termijn.uiterlijk - vandaag).days
    if dagen < 0:
        stand = f"{-dagen} dag{'en' if dagen != -1 else ''} te laat"
    elif dagen == 0:
        stand = "verloopt vandaag"
    else:
        stand = f"nog {dagen} dag{'en' if dagen != 1 else ''}"
    return f"- {termijn.nummer}: {termijn.soort} uiterlijk {_datum(termijn.uiterlijk)} ({stand})"
