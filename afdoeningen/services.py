"""Writes for the afdoeningen app: recording the afdoening of a betrokkene, and its audit rows."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import (
    audit_bekeken_vastleggen,
    audit_bulk_vastleggen,
    audit_vastleggen,
)
from finintegriteit.kern.teksten import (
    DATUM_IN_TOEKOMST,
    DATUM_VOOR_ONTVANGST,
    NIET_IN_GEBRUIK,
    REDEN_VERPLICHT,
)
from finintegriteit.kern.vergrendeling import VersieConflict, vergrendelen_met_versie
from finintegriteit.referentie.models import AfdoeningType, SchendingSoort
from meldingen.models import Betrokkene, Melding
from meldingen.services.registratie import RECHT_IDENTITEIT
from meldingen.services.vergrendeling import gewijzigde_velden, wijzigen_met_audit, wissen_met_audit

from .models import Afdoening
from .selectors import inhoud_problemen, is_standaard_inhoud

ALLEEN_LEZEN = (
    "Deze melding is afgedaan: de afdoening kan niet meer worden gewijzigd. Wie het recht heeft, kan de "
    "melding eerst heropenen."
)
GEEN_RECHT_CONTROLE = (
    "Alleen wie de identiteit van de melder mag inzien, kan de omschrijving daarmee vergelijken."
)

VELDEN = ("schending", "aangetoond", "type", "datum", "inhoud")


class AfdoeningAlleenLezen(Exception):
    pass


def _met_melder(door) -> bool:
    return door is not None and door.has_perm(RECHT_IDENTITEIT)


def _controleer(
    *, melding: Melding, schending, type, datum: datetime.date, inhoud: str, met_melder: bool
) -> None:
    fouten: dict[str, list[str]] = {}
    if datum < melding.ontvangen_op:
        fouten.setdefault("datum", []).append(
            DATUM_VOOR_ONTVANGST.format(datum=melding.ontvangen_op.strftime("%d-%m-%Y"))
        )
    elif datum > timezone.localdate():
        fouten.setdefault("datum", []).append(DATUM_IN_TOEKOMST)
    for veld, optie in (("schending", schending), ("type", type)):
        if not optie.in_gebruik(datum.year):
            fouten.setdefault(veld, []).append(NIET_IN_GEBRUIK.format(label=optie.label, jaar=datum.year))
    if problemen := inhoud_problemen(inhoud=inhoud, melding=melding, met_melder=met_melder):
        fouten["inhoud"] = problemen
    if fouten:
        raise ValidationError(fouten)


def afdoening_vastleggen(
    *,
    betrokkene: Betrokkene,
    door,
    versie: int,
    schending: SchendingSoort,
    aangetoond: bool,
    type: AfdoeningType,
    datum: datetime.date,
    inhoud: str,
) -> Afdoening:
    """Create or change the afdoening of a betrokkene.

    `versie` is the version the user saw (0: there was no afdoening yet). When someone saved in the
    meantime the save is refused with VersieConflict instead of overwriting their work; an afdoening
    of an afgedane melding is refused with AfdoeningAlleenLezen; bad input raises ValidationError with
    messages per field. Writes one audit row with the names of the fields that changed.

    Only for a user with the identity right is the inhoud compared with the melder's identity. When
    someone else writes a new inhoud, the afdoening waits for that comparison by a colleague with the
    right (afdoening_controleren) and the melding cannot be afgedaan before: the writer's own answer
    never depends on the identity, so it cannot be used to test guesses.
    """
    inhoud = inhoud.strip()
    waarden = {
        "schending": schending,
        "aangetoond": aangetoond,
        "type": type,
        "datum": datum,
        "inhoud": inhoud,
    }
    with transaction.atomic():
        # Locking the melding makes this wait for a concurrent status change, so an afdoening cannot
        # slip in after the melding was set to Afgedaan.
        melding = Melding.objects.select_for_update().get(pk=betrokkene.melding_id)
        if melding.status == Melding.Status.AFGEDAAN:
            raise AfdoeningAlleenLezen(ALLEEN_LEZEN)
        met_melder = _met_melder(door)
        _controleer(
            melding=melding, schending=schending, type=type, datum=datum, inhoud=inhoud, met_melder=met_melder
        )
        bestaande = Afdoening.objects.filter(betrokkene_id=betrokkene.pk).first()
        controle_open = _controle_open(bestaande=bestaande, inhoud=inhoud, met_melder=met_melder)
        if bestaande is None:
            if versie != 0:
                raise VersieConflict()
            try:
                with transaction.atomic():
                    afdoening = Afdoening.objects.create(
                        betrokkene=betrokkene, versie=1, controle_melder_open=controle_open, **waarden
                    )
            except IntegrityError:
                # Another analist created the afdoening of this betrokkene at the same moment.
                raise VersieConflict() from None
            audit_vastleggen(
                gebruiker=door, actie=AuditRegel.Actie.AANGEMAAKT, object=afdoening, velden=list(VELDEN)
            )
            return afdoening
        if bestaande.versie != versie:
            raise VersieConflict()
        waarden["controle_melder_open"] = controle_open
        gewijzigd = gewijzigde_velden(bestaande, waarden)
        if not gewijzigd:
            return bestaande
        velden = {veld: waarden[veld] for veld in gewijzigd}
        wijzigen_met_audit(bestaande, door=door, versie=versie, velden=velden, gewijzigd=gewijzigd)
        bestaande.refresh_from_db()
        return bestaande


def _controle_open(*, bestaande: Afdoening | None, inhoud: str, met_melder: bool) -> bool:
    if met_melder or is_standaard_inhoud(inhoud):
        return False
    if bestaande is not None and bestaande.inhoud == inhoud:
        return bestaande.controle_melder_open
    return True


def afdoening_controleren(*, afdoening: Afdoening, door) -> Afdoening:
    """Compare the inhoud with the melder's identity, for an afdoening written without that right.

    Only for users with the identity right (they may know the identity, so the answer tells them
    nothing new). When the text names the melder, ValidationError: the analist rewrites the inhoud on
    the afdoening form, where the same comparison runs. Otherwise the afdoening no longer waits.
    """
    if not _met_melder(door):
        raise PermissionDenied(GEEN_RECHT_CONTROLE)
    with transaction.atomic():
        melding = Melding.objects.select_for_update().get(pk=afdoening.betrokkene.melding_id)
        if melding.status == Melding.Status.AFGEDAAN:
            raise AfdoeningAlleenLezen(ALLEEN_LEZEN)
        huidig = Afdoening.objects.select_for_update().get(pk=afdoening.pk)
        if not huidig.controle_melder_open:
            return huidig
        if problemen := inhoud_problemen(inhoud=huidig.inhoud, melding=melding, met_melder=True):
            raise ValidationError({"inhoud": problemen})
        wijzigen_met_audit(
            huidig,
            door=door,
            versie=huidig.versie,
            velden={"controle_melder_open": False},
            gewijzigd=["controle_melder_open"],
        )
        return huidig


def afdoeningen_bulk_vastleggen(*, door, afdoeningen: list[Afdoening], reden: str) -> list[Afdoening]:
    """Insert many afdoeningen of betrokkenen just registered in bulk, with one audit row each.

    For an imported register and for demo and benchmark data; the caller has checked them.
    """
    with transaction.atomic():
        Afdoening.objects.bulk_create(afdoeningen, batch_size=1000)
        audit_bulk_vastleggen(
            gebruiker=door, actie=AuditRegel.Actie.AANGEMAAKT, objecten=afdoeningen, reden=reden
        )
    return afdoeningen


def afdoening_intrekken(*, afdoening: Afdoening, door, versie: int, reden: str) -> None:
    """Withdraw an afdoening recorded by mistake, while the melding is still open. The betrokkene is then
    without afdoening again (and can be removed, or get another); the audit row keeps who and why."""
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": REDEN_VERPLICHT})
    with transaction.atomic():
        melding = Melding.objects.select_for_update().get(pk=afdoening.betrokkene.melding_id)
        if melding.status == Melding.Status.AFGEDAAN:
            raise AfdoeningAlleenLezen(ALLEEN_LEZEN)
        huidig = vergrendelen_met_versie(Afdoening, pk=afdoening.pk, versie=versie)
        wissen_met_audit(huidig, door=door, reden=reden, melding=melding)


def afdoening_bekeken(*, door, betrokkene: Betrokkene) -> None:
    """Audit rows for opening the afdoening page: it shows the betrokkene and, if any, the afdoening."""
    afdoening = getattr(betrokkene, "afdoening", None)
    audit_bekeken_vastleggen(gebruiker=door, objecten=[betrokkene, *([afdoening] if afdoening else [])])


def toegang_geweigerd(*, door, betrokkene_pk) -> None:
    audit_vastleggen(
        gebruiker=door,
        actie=AuditRegel.Actie.GEWEIGERD,
        object_type=Betrokkene._meta.model_name,
        object_id=str(betrokkene_pk),
    )
