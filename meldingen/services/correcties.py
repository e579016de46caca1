"""Correcting mistakes in an open case, each with a reason and an audit row: another type of
onderzoek, removing a betrokkene added by mistake, marking a duplicate.

A closed case stays read-only: it is reopened first (with the right to do so), then corrected.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from finintegriteit.kern.vergrendeling import VersieConflict, bijwerken_met_versie, vergrendelen_met_versie
from finintegriteit.referentie.models import OnderzoekType

from ..models import Betrokkene, Melding, StatusOvergang
from . import fouten
from .status import ONDERZOEK_PER_STATUS
from .vergrendeling import wissen_met_audit


def onderzoek_corrigeren(*, melding: Melding, door, versie: int, naar: str, reden: str) -> Melding:
    """Another type of onderzoek for a melding that is already in onderzoek (e.g. oriënterend →
    volledig feitenonderzoek). A step in the timeline like any status change, marked by its reason."""
    reden = _reden(reden)
    with transaction.atomic():
        huidig = _open_vergrendeld(melding, versie)
        if (
            huidig.status not in ONDERZOEK_PER_STATUS
            or naar not in ONDERZOEK_PER_STATUS
            or naar == huidig.status
        ):
            raise ValidationError({"naar": fouten.ONDERZOEK_CORRECTIE_NIET_MOGELIJK})
        velden = {
            "status": naar,
            "onderzoek_type": OnderzoekType.objects.get(code=ONDERZOEK_PER_STATUS[naar]),
        }
        van = huidig.status
        bijwerken_met_versie(melding, versie=versie, velden=velden)
        StatusOvergang.objects.create(
            melding=melding, van=van, naar=naar, door=door, reden=f"Correctie: {reden}"
        )
        audit_vastleggen(
            gebruiker=door, actie=AuditRegel.Actie.STATUS, object=melding, velden=list(velden), reden=reden
        )
    return melding


def _reden(reden: str) -> str:
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": fouten.REDEN_VERPLICHT})
    return reden


def _open_vergrendeld(melding: Melding, versie: int) -> Melding:
    """The melding's row, locked until the end of the transaction, if the user saw this version and
    the case is still open."""
    huidig = Melding.objects.select_for_update().get(pk=melding.pk)
    if huidig.versie != versie:
        raise VersieConflict()
    if huidig.is_afgedaan:
        raise ValidationError(fouten.MELDING_AFGEDAAN)
    return huidig


def betrokkene_verwijderen(*, betrokkene: Betrokkene, door, versie: int, reden: str) -> None:
    """Remove a betrokkene added by mistake. Only while the case is open and the betrokkene has no
    afdoening: once decided about, a person counts in the annual figures and the afdoening is withdrawn
    first. The audit row keeps who removed which row and why; the name goes with the row."""
    reden = _reden(reden)
    with transaction.atomic():
        melding = Melding.objects.select_for_update().get(pk=betrokkene.melding_id)
        if melding.is_afgedaan:
            raise ValidationError(fouten.MELDING_AFGEDAAN)
        huidig = vergrendelen_met_versie(Betrokkene, pk=betrokkene.pk, versie=versie)
        if Betrokkene.objects.filter(pk=huidig.pk, afdoening__isnull=False).exists():
            raise ValidationError(fouten.BETROKKENE_HEEFT_AFDOENING)
        wissen_met_audit(huidig, door=door, reden=reden, melding=melding)


def melding_als_duplicaat_markeren(
    *, melding: Melding, door, versie: int, origineel: Melding, reden: str
) -> Melding:
    """Close a melding as a duplicate of `origineel` (docs/cijfers.md, 'Duplicaten').

    1. Only an open melding, with a reason, of an original that is no duplicate itself and is not this one.
    2. No betrokkene may have an afdoening: that would count in the annual figures as a separate case.
    3. The melding is closed today and links to the original; the timeline and audit trail say why.
    4. A duplicate of an afgeschermde melding is afgeschermd too: it is about the same matter, and its
       link would otherwise name the hidden case to every analist.
    Reopening (melding_heropenen) removes the link, and the melding counts again.
    """
    reden = _reden(reden)
    with transaction.atomic():
        huidig = _open_vergrendeld(melding, versie)
        origineel = Melding.objects.select_related("duplicaat_van").get(pk=origineel.pk)
        if origineel.pk == huidig.pk:
            raise ValidationError({"origineel": fouten.DUPLICAAT_VAN_ZICHZELF})
        if origineel.duplicaat_van_id is not None:
            raise ValidationError(
                {
                    "origineel": fouten.DUPLICAAT_VAN_DUPLICAAT.format(
                        nummer=origineel.nummer, origineel=origineel.duplicaat_van.nummer
                    )
                }
            )
        if Melding.objects.filter(duplicaat_van=huidig).exists():
            raise ValidationError(fouten.DUPLICAAT_HEEFT_DUPLICATEN)
        if Betrokkene.objects.filter(melding=huidig, afdoening__isnull=False).exists():
            raise ValidationError(fouten.DUPLICAAT_HEEFT_AFDOENING)
        velden = {
            "status": Melding.Status.AFGEDAAN,
            "afgedaan_op": timezone.localdate(),
            "duplicaat_van": origineel,
        }
        if origineel.afgeschermd:
            velden["afgeschermd"] = True
        van = huidig.status
        bijwerken_met_versie(melding, versie=versie, velden=velden)
        StatusOvergang.objects.create(
            melding=melding,
            van=van,
            naar=Melding.Status.AFGEDAAN,
            door=door,
            reden=f"Duplicaat van {origineel.nummer}: {reden}",
        )
        audit_vastleggen(
            gebruiker=door, actie=AuditRegel.Actie.STATUS, object=melding, velden=list(velden), reden=reden
        )
    return melding
