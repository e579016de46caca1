"""Retention (AVG, Archiefwet): after the bewaartermijn the personal data of a closed case go.

What stays: the melding itself with its codes and dates, the betrokkenen as rows (so every count and
year-on-year figure is unchanged) and the afdoening with its anonymised Bijlage 2 text. What goes:
names, personnel numbers, the melder's identity, the omschrijving, the text of the notes and of the
messages with the melder, the
documents (files and names) and every free-text reason about the case (status changes, openings of the
identity; the audit rows stay and their chain stays verifiable, kern/auditketen.py). A case under
a hold ('niet vernietigen') is skipped. Each erasure writes one audit row (field names, never values).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_redenen_wissen, audit_vastleggen

from ..models import (
    Aantekening,
    Bericht,
    Betrokkene,
    MelderContact,
    MelderIdentiteit,
    Melding,
    StatusOvergang,
)
from . import fouten
from .documenten import documenten_wissen
from .vergrendeling import gewijzigde_velden, wijzigen_met_audit

GEWIST_VELDEN = [
    "aantekening.tekst",
    "bericht.tekst",
    "auditregel.reden",
    "document.bestand",
    "betrokkene.naam",
    "betrokkene.personeelsnummer",
    "melder",
    "meldercontact",
    "omschrijving",
    "statusovergang.reden",
]
REDEN = "Bewaartermijn van {jaren} jaar na afdoening verstreken."


def bewaartermijn_jaren() -> int:
    return settings.BEWAARTERMIJN_JAREN


def _grens(vandaag: datetime.date, jaren: int) -> datetime.date:
    try:
        return vandaag.replace(year=vandaag.year - jaren)
    except ValueError:  # 29 February
        return vandaag.replace(year=vandaag.year - jaren, day=28)


def wissen_vanaf(*, melding: Melding) -> datetime.date | None:
    """The first day the retention job may erase this case, or None while it is open."""
    if melding.afgedaan_op is None:
        return None
    jaren = bewaartermijn_jaren()
    dag = _grens(melding.afgedaan_op, -jaren)
    # Closed on 29 February: the job's own boundary only reaches that date on 1 March.
    while _grens(dag, jaren) < melding.afgedaan_op:
        dag += datetime.timedelta(days=1)
    return dag


def bewaarplicht_vastleggen(
    *, melding: Melding, door, versie: int, niet_vernietigen: bool, reden: str
) -> Melding:
    """Put a case on hold ('niet vernietigen', with a reason) or lift the hold.

    Allowed on a closed case too: those are the ones the bewaartermijn would erase. Lifting the hold
    keeps no reason, so a stale reason never suggests a hold that no longer exists.
    """
    if melding.persoonsgegevens_gewist_op is not None:
        raise ValidationError(fouten.AL_GEWIST)
    reden = reden.strip() if niet_vernietigen else ""
    if niet_vernietigen and not reden:
        raise ValidationError({"reden": fouten.BEWAREN_REDEN_VERPLICHT})
    velden = {"niet_vernietigen": niet_vernietigen, "niet_vernietigen_reden": reden}
    gewijzigd = gewijzigde_velden(melding, velden)
    wijzigen_met_audit(melding, door=door, versie=versie, velden=velden, gewijzigd=gewijzigd)
    return melding


def te_wissen_meldingen(*, vandaag: datetime.date):
    """Closed meldingen whose afdoening lies more than the bewaartermijn back, not on hold, not yet erased."""
    return Melding.objects.filter(
        status=Melding.Status.AFGEDAAN,
        afgedaan_op__isnull=False,
        afgedaan_op__lte=_grens(vandaag, bewaartermijn_jaren()),
        niet_vernietigen=False,
        persoonsgegevens_gewist_op__isnull=True,
    ).order_by("afgedaan_op", "pk")


def persoonsgegevens_wissen(*, vandaag: datetime.date, door=None) -> list[str]:
    """Erase the personal data of every melding past its bewaartermijn; returns their numbers."""
    gewist = []
    reden = REDEN.format(jaren=bewaartermijn_jaren())
    for melding in te_wissen_meldingen(vandaag=vandaag):
        with transaction.atomic():
            Betrokkene.objects.filter(melding=melding).update(naam="", personeelsnummer="")
            MelderIdentiteit.objects.filter(melding=melding).delete()
            # How the melder was reached says who they are; the dates stay on the melding.
            MelderContact.objects.filter(melding=melding).delete()
            StatusOvergang.objects.filter(melding=melding).update(reden="")
            audit_redenen_wissen(melding=melding)
            # The notes stay as rows (who wrote when, in the timeline); their text goes.
            Aantekening.objects.filter(melding=melding).update(tekst="")
            # Likewise the messages with the melder of the meldkanaal.
            Bericht.objects.filter(melding=melding).update(tekst="")
            documenten_wissen(melding=melding)
            Melding.objects.filter(pk=melding.pk).update(omschrijving="", persoonsgegevens_gewist_op=vandaag)
            audit_vastleggen(
                gebruiker=door,
                actie=AuditRegel.Actie.GEWIST,
                # Named, not passed as the object: this fixed text is no case content to erase later.
                object_type="melding",
                object_id=melding.pk,
                velden=GEWIST_VELDEN,
                reden=reden,
            )
        gewist.append(melding.nummer)
    return gewist
