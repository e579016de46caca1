"""Writes for the afdoeningen app: recording the afdoening of a betrokkene, and its audit rows."""

import datetime
import hashlib
from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from finintegriteit.kern.uploads import Upload
from finintegriteit.kern.vergrendeling import VersieConflict, bijwerken_met_versie
from finintegriteit.referentie.models import AfdoeningType, SchendingSoort
from meldingen.audit import audit_vastleggen
from meldingen.models import AuditRegel, Betrokkene, Melding

from .importeren import Samenvatting, register_importeren
from .models import Afdoening, Registerimport
from .selectors import inhoud_problemen

ALLEEN_LEZEN = (
    "Deze melding is afgedaan: de afdoening kan niet meer worden gewijzigd. Wie het recht heeft, kan de "
    "melding eerst heropenen."
)
DATUM_VOOR_ONTVANGST = "De datum van afdoening ligt vóór de ontvangst van de melding ({datum})."
DATUM_IN_TOEKOMST = "De datum van afdoening ligt in de toekomst."
NIET_IN_GEBRUIK = "'{label}' is in {jaar} niet in gebruik."

VELDEN = ("schending", "aangetoond", "type", "datum", "inhoud")


class AfdoeningAlleenLezen(Exception):
    pass


def _controleer(*, melding: Melding, schending, type, datum: datetime.date, inhoud: str) -> None:
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
    if problemen := inhoud_problemen(inhoud=inhoud, melding=melding):
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
        _controleer(melding=melding, schending=schending, type=type, datum=datum, inhoud=inhoud)
        bestaande = Afdoening.objects.filter(betrokkene_id=betrokkene.pk).first()
        if bestaande is None:
            if versie != 0:
                raise VersieConflict()
            try:
                with transaction.atomic():
                    afdoening = Afdoening.objects.create(betrokkene=betrokkene, versie=1, **waarden)
            except IntegrityError:
                # Another analist created the afdoening of this betrokkene at the same moment.
                raise VersieConflict() from None
            audit_vastleggen(
                gebruiker=door, actie=AuditRegel.Actie.AANGEMAAKT, object=afdoening, velden=list(VELDEN)
            )
            return afdoening
        if bestaande.versie != versie:
            raise VersieConflict()
        gewijzigd = [veld for veld, waarde in waarden.items() if getattr(bestaande, veld) != waarde]
        if not gewijzigd:
            return bestaande
        bijwerken_met_versie(bestaande, versie=versie, velden={veld: waarden[veld] for veld in gewijzigd})
        audit_vastleggen(gebruiker=door, actie=AuditRegel.Actie.GEWIJZIGD, object=bestaande, velden=gewijzigd)
        bestaande.refresh_from_db()
        return bestaande


def afdoening_bekeken(*, door, betrokkene: Betrokkene) -> None:
    """Audit rows for opening the afdoening page: it shows the betrokkene and, if any, the afdoening."""
    audit_vastleggen(gebruiker=door, actie=AuditRegel.Actie.BEKEKEN, object=betrokkene)
    afdoening = getattr(betrokkene, "afdoening", None)
    if afdoening is not None:
        audit_vastleggen(gebruiker=door, actie=AuditRegel.Actie.BEKEKEN, object=afdoening)


def toegang_geweigerd(*, door, betrokkene_pk) -> None:
    audit_vastleggen(
        gebruiker=door,
        actie=AuditRegel.Actie.GEWEIGERD,
        object_type=Betrokkene._meta.model_name,
        object_id=str(betrokkene_pk),
    )


# --- Import of the register ----------------------------------------------------------------------------

AL_GEIMPORTEERD = "Dit bestand is al geïmporteerd."
BEWAARTIJD_VOORBEELD = datetime.timedelta(days=1)


def registerimport_klaarzetten(*, door, bestandsnaam: str, upload: Upload) -> Registerimport:
    """Keep an uploaded register for its preview; forget previews nobody confirmed within a day."""
    with transaction.atomic():
        Registerimport.objects.filter(
            status=Registerimport.Status.VOORBEELD, aangemaakt_op__lt=timezone.now() - BEWAARTIJD_VOORBEELD
        ).delete()
        return Registerimport.objects.create(
            door=door,
            bestandsnaam=bestandsnaam[:255],
            soort=upload.soort,
            bestand=upload.inhoud,
            sha256=hashlib.sha256(upload.inhoud).hexdigest(),
        )


def registerimport_uitvoeren(*, registerimport: Registerimport, door) -> Samenvatting:
    """Import a previewed register in one transaction: all of it, or (RegisterFout, BestandFout) nothing.

    The row is locked and must still be a preview, so a double click imports the file once.
    """
    with transaction.atomic():
        rij = Registerimport.objects.select_for_update().get(pk=registerimport.pk)
        if rij.status != Registerimport.Status.VOORBEELD:
            raise ValidationError(AL_GEIMPORTEERD)
        samenvatting = register_importeren(door=door, inhoud=bytes(rij.bestand), soort=rij.soort)
        rij.status = Registerimport.Status.GEIMPORTEERD
        rij.geimporteerd_op = timezone.now()
        rij.bestand = b""  # the register's content now lives in the meldingen; no second copy
        rij.aantallen = {k: v for k, v in asdict(samenvatting).items() if k not in ("nummers", "per_jaar")}
        rij.save(update_fields=["status", "geimporteerd_op", "bestand", "aantallen"])
        return samenvatting
