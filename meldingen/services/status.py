"""The status flow of a melding.

Ontvangen → In beoordeling → Geen onderzoek | Oriënterend onderzoek | Volledig feitenonderzoek → Afgedaan.
Every step records who, when and why (StatusOvergang), shown as the case's timeline. Afgedaan is only
possible when every betrokkene has an afdoening, or when there is no betrokkene and a reason is given.
An afgedane melding is read-only; reopening takes the right melding_heropenen and a reason.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from finintegriteit.kern.vergrendeling import VersieConflict, bijwerken_met_versie
from finintegriteit.referentie.models import OnderzoekType

from ..afsluiten import afsluiten_controleren
from ..models import Melding, StatusOvergang
from . import fouten

S = Melding.Status

OVERGANGEN: dict[str, tuple[str, ...]] = {
    S.ONTVANGEN: (S.IN_BEOORDELING,),
    S.IN_BEOORDELING: (S.GEEN_ONDERZOEK, S.ORIENTEREND_ONDERZOEK, S.VOLLEDIG_FEITENONDERZOEK),
    S.GEEN_ONDERZOEK: (S.AFGEDAAN,),
    S.ORIENTEREND_ONDERZOEK: (S.AFGEDAAN,),
    S.VOLLEDIG_FEITENONDERZOEK: (S.AFGEDAAN,),
    S.AFGEDAAN: (),
}

# The onderzoek status a melding takes decides the type of onderzoek of all its betrokkenen.
ONDERZOEK_PER_STATUS = {
    S.GEEN_ONDERZOEK: "geen-onderzoek",
    S.ORIENTEREND_ONDERZOEK: "orienterend-onderzoek",
    S.VOLLEDIG_FEITENONDERZOEK: "volledig-feitenonderzoek",
}

RECHT_HEROPENEN = "meldingen.melding_heropenen"


def toegestane_overgangen(status: str) -> tuple[str, ...]:
    return OVERGANGEN.get(status, ())


def melding_status_wijzigen(
    *,
    melding: Melding,
    door,
    naar: str,
    reden: str,
    versie: int,
    afgedaan_op: datetime.date | None = None,
    gebeurd_op: datetime.datetime | None = None,
) -> Melding:
    """Move a melding to the next status, if the flow allows it; records the step in the timeline.

    `afgedaan_op` (only with naar=Afgedaan) is for closing historical meldingen; the default is today.
    `gebeurd_op` is for demo data and imports only: steps that happened before they were entered. The
    timeline then shows when the step happened; the audit row keeps the moment of entry and names the
    field "op", so a dated-back step stays visible to an auditor. Users never pass it: their steps
    happen now.
    """
    reden = reden.strip()
    with transaction.atomic():
        # Locked, so that no betrokkene is added between the closing check and the update.
        huidig = Melding.objects.select_for_update().get(pk=melding.pk)
        if huidig.versie != versie:
            raise VersieConflict()
        if naar not in toegestane_overgangen(huidig.status):
            raise ValidationError(
                {
                    "naar": fouten.OVERGANG_NIET_TOEGESTAAN.format(
                        van=huidig.get_status_display(), naar=_label(naar)
                    )
                }
            )
        velden = {"status": naar}
        if naar == S.AFGEDAAN:
            _controleer_afsluiten(huidig, reden)
            velden["afgedaan_op"] = _afgedaan_op(huidig, afgedaan_op)
        elif not reden:
            raise ValidationError({"reden": fouten.REDEN_VERPLICHT})
        if naar in ONDERZOEK_PER_STATUS:
            velden["onderzoek_type"] = OnderzoekType.objects.get(code=ONDERZOEK_PER_STATUS[naar])
        if gebeurd_op is not None:
            stap_datum_controleren(huidig, gebeurd_op)
        van = huidig.status
        bijwerken_met_versie(melding, versie=versie, velden=velden)
        stap = StatusOvergang.objects.create(
            melding=melding, van=van, naar=naar, door=_gebruiker(door), reden=reden
        )
        gedateerd = terugdateren(stap, gebeurd_op)
        audit_vastleggen(
            gebruiker=door,
            actie=AuditRegel.Actie.STATUS,
            object=melding,
            velden=[*velden, *gedateerd],
            reden=reden,
        )
    return melding


def _controleer_afsluiten(melding: Melding, reden: str) -> None:
    totaal = melding.betrokkenen.count()
    if totaal == 0:
        if not reden:
            raise ValidationError({"reden": fouten.ZONDER_BETROKKENEN_REDEN})
        return
    afsluiten_controleren(melding=melding)
    if not reden:
        raise ValidationError({"reden": fouten.REDEN_VERPLICHT})


def _afgedaan_op(melding: Melding, datum: datetime.date | None) -> datetime.date:
    vandaag = timezone.localdate()
    if datum is None:
        return vandaag
    if datum > vandaag:
        raise ValidationError({"afgedaan_op": fouten.DATUM_IN_TOEKOMST})
    if datum < melding.ontvangen_op:
        raise ValidationError(
            {
                "afgedaan_op": fouten.DATUM_VOOR_ONTVANGST.format(
                    datum=melding.ontvangen_op.strftime("%d-%m-%Y")
                )
            }
        )
    return datum


def stap_datum_controleren(melding: Melding, gebeurd_op: datetime.datetime) -> None:
    """A dated-back step lies between the receipt of the melding and now."""
    if gebeurd_op > timezone.now():
        raise ValidationError({"gebeurd_op": fouten.DATUM_IN_TOEKOMST})
    if timezone.localdate(gebeurd_op) < melding.ontvangen_op:
        raise ValidationError(
            {
                "gebeurd_op": fouten.DATUM_VOOR_ONTVANGST.format(
                    datum=melding.ontvangen_op.strftime("%d-%m-%Y")
                )
            }
        )


def terugdateren(rij, gebeurd_op: datetime.datetime | None) -> list[str]:
    """Give a just created timeline row (status step, note, document) the moment it happened (its `op`
    is set on insert); returns the field names for the audit row: ["op"] when dated back, else none."""
    if gebeurd_op is None:
        return []
    type(rij).objects.filter(pk=rij.pk).update(op=gebeurd_op)
    rij.op = gebeurd_op
    return ["op"]


def heropen_status(melding: Melding) -> str:
    """The status a reopened melding returns to: the one it was closed from.

    Imported meldingen have no timeline; their type of onderzoek tells, or else In beoordeling.
    """
    laatste = melding.statusovergangen.filter(naar=S.AFGEDAAN).exclude(van="").order_by("-op", "-pk").first()
    if laatste is not None and laatste.van in ONDERZOEK_PER_STATUS:
        return laatste.van
    if melding.onderzoek_type_id is not None:
        for status, code in ONDERZOEK_PER_STATUS.items():
            if melding.onderzoek_type.code == code:
                return status
    return S.IN_BEOORDELING


def melding_heropenen(*, melding: Melding, door, reden: str, versie: int) -> Melding:
    """Reopen an afgedane melding (right melding_heropenen and a reason); recorded in the timeline."""
    if door is None or not door.has_perm(RECHT_HEROPENEN):
        raise PermissionDenied(fouten.GEEN_RECHT_HEROPENEN)
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": fouten.REDEN_VERPLICHT})
    with transaction.atomic():
        huidig = Melding.objects.select_for_update().get(pk=melding.pk)
        if huidig.versie != versie:
            raise VersieConflict()
        if not huidig.is_afgedaan:
            raise ValidationError(fouten.NIET_AFGEDAAN)
        naar = heropen_status(huidig)
        velden = {"status": naar, "afgedaan_op": None}
        if huidig.duplicaat_van_id is not None:
            # Reopening is how a wrong duplicate marking is undone: the case counts again.
            velden["duplicaat_van"] = None
        bijwerken_met_versie(melding, versie=versie, velden=velden)
        StatusOvergang.objects.create(
            melding=melding, van=S.AFGEDAAN, naar=naar, heropend=True, door=door, reden=reden
        )
        audit_vastleggen(
            gebruiker=door,
            actie=AuditRegel.Actie.STATUS,
            object=melding,
            velden=list(velden),
            reden=reden,
        )
    return melding


def _label(status: str) -> str:
    try:
        return S(status).label
    except ValueError:
        return status


def _gebruiker(door):
    return door if getattr(door, "is_authenticated", False) else None
