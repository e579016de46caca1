"""Correcting mistakes in an open case, each with a reason and an audit row.

A closed case stays read-only: it is reopened first (with the right to do so), then corrected.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from finintegriteit.kern.vergrendeling import VersieConflict, bijwerken_met_versie
from finintegriteit.referentie.models import OnderzoekType

from ..audit import audit_vastleggen
from ..models import AuditRegel, Betrokkene, Melding, StatusOvergang
from . import fouten
from .status import ONDERZOEK_PER_STATUS


def onderzoek_corrigeren(*, melding: Melding, door, versie: int, naar: str, reden: str) -> Melding:
    """Another type of onderzoek for a melding that is already in onderzoek (e.g. oriënterend →
    volledig feitenonderzoek). A step in the timeline like any status change, marked by its reason."""
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": fouten.REDEN_VERPLICHT})
    with transaction.atomic():
        huidig = Melding.objects.select_for_update().get(pk=melding.pk)
        if huidig.versie != versie:
            raise VersieConflict()
        if huidig.is_afgedaan:
            raise ValidationError(fouten.MELDING_AFGEDAAN)
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


def betrokkene_verwijderen(*, betrokkene: Betrokkene, door, versie: int, reden: str) -> None:
    """Remove a betrokkene added by mistake. Only while the case is open and the betrokkene has no
    afdoening: once decided about, a person counts in the annual figures and the afdoening is withdrawn
    first. The audit row keeps who removed which row and why; the name goes with the row."""
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": fouten.REDEN_VERPLICHT})
    with transaction.atomic():
        melding = Melding.objects.select_for_update().get(pk=betrokkene.melding_id)
        if melding.is_afgedaan:
            raise ValidationError(fouten.MELDING_AFGEDAAN)
        huidig = Betrokkene.objects.select_for_update().filter(pk=betrokkene.pk).first()
        if huidig is None or huidig.versie != versie:
            raise VersieConflict()
        if Betrokkene.objects.filter(pk=huidig.pk, afdoening__isnull=False).exists():
            raise ValidationError(fouten.BETROKKENE_HEEFT_AFDOENING)
        huidig.delete()
        audit_vastleggen(
            gebruiker=door,
            actie=AuditRegel.Actie.GEWIST,
            object_type="betrokkene",
            object_id=str(betrokkene.pk),
            velden=["betrokkene"],
            reden=reden,
            melding=melding,
        )
