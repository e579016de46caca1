"""Writes of the Tellijst. Each function checks the rules itself, so no caller can store an invalid row."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from finintegriteit.kern.rollen import VERTROUWENSPERSOON, heeft_rol
from finintegriteit.referentie import models as ref

from . import regels
from .importeren import controleer_bestand
from .models import Adviesvraag
from .selectors import eerste_tellijstjaar

ALLEEN_VERTROUWENSPERSOON = "Alleen een vertrouwenspersoon registreert adviesvragen."
ALLEEN_EIGEN_RIJ = "U kunt alleen uw eigen adviesvragen wijzigen."


def _controleer(adviesvraag: Adviesvraag, *, vandaag: datetime.date | None = None) -> None:
    fouten = regels.fouten_in_rij(
        jaar=adviesvraag.jaar,
        kwartaal=adviesvraag.kwartaal,
        melder_is_beklaagde=adviesvraag.melder_is_beklaagde,
        eerste_jaar=eerste_tellijstjaar(),
        vandaag=vandaag or timezone.localdate(),
        **{veld: getattr(adviesvraag, veld) for veld in regels.OPTIEVELDEN},
    )
    if fouten:
        raise ValidationError(fouten)


def adviesvraag_toevoegen(
    *,
    vertrouwenspersoon,
    jaar: int,
    onderdeel: ref.Onderdeel,
    hoofdcategorie: ref.Hoofdcategorie,
    subcategorie: ref.Subcategorie,
    wie_betreft: ref.WieBetreft,
    wijze_van_afdoening: ref.WijzeVanAfdoening,
    situatie: ref.SituatieNaInterventie,
    kwartaal: int | None = None,
    melder_is_beklaagde: bool | None = None,
    evaluatielink: str = Adviesvraag.Evaluatielink.NIET_AANGEGEVEN,
) -> Adviesvraag:
    """Register one Tellijst row; raises ValidationError({field: message}) when a rule fails."""
    if not heeft_rol(vertrouwenspersoon, VERTROUWENSPERSOON):
        raise PermissionDenied(ALLEEN_VERTROUWENSPERSOON)
    adviesvraag = Adviesvraag(
        jaar=jaar,
        kwartaal=kwartaal,
        onderdeel=onderdeel,
        hoofdcategorie=hoofdcategorie,
        subcategorie=subcategorie,
        wie_betreft=wie_betreft,
        wijze_van_afdoening=wijze_van_afdoening,
        situatie=situatie,
        melder_is_beklaagde=melder_is_beklaagde,
        evaluatielink=evaluatielink,
        geregistreerd_door=vertrouwenspersoon,
    )
    _controleer(adviesvraag)
    with transaction.atomic():
        adviesvraag.save()
    return adviesvraag


WIJZIGBARE_VELDEN = (
    "jaar",
    "kwartaal",
    *regels.OPTIEVELDEN,
    "melder_is_beklaagde",
    "evaluatielink",
)


def adviesvraag_wijzigen(*, adviesvraag: Adviesvraag, door, **wijzigingen) -> Adviesvraag:
    """Change fields of one's own row (also the quick update of afdoening and situatie of an open row)."""
    if adviesvraag.geregistreerd_door_id != door.pk or not heeft_rol(door, VERTROUWENSPERSOON):
        raise PermissionDenied(ALLEEN_EIGEN_RIJ)
    onbekend = set(wijzigingen) - set(WIJZIGBARE_VELDEN)
    if onbekend:
        raise TypeError(f"Niet te wijzigen: {sorted(onbekend)}")
    vorige = {veld: getattr(adviesvraag, veld) for veld in wijzigingen}
    for veld, waarde in wijzigingen.items():
        setattr(adviesvraag, veld, waarde)
    try:
        _controleer(adviesvraag)
    except ValidationError:
        for veld, waarde in vorige.items():
            setattr(adviesvraag, veld, waarde)
        raise
    with transaction.atomic():
        adviesvraag.save(update_fields=list(wijzigingen))
    return adviesvraag


def adviesvraag_verwijderen(*, adviesvraag: Adviesvraag, door) -> None:
    """A vertrouwenspersoon removes a row registered by mistake; only their own."""
    if adviesvraag.geregistreerd_door_id != door.pk or not heeft_rol(door, VERTROUWENSPERSOON):
        raise PermissionDenied(ALLEEN_EIGEN_RIJ)
    with transaction.atomic():
        adviesvraag.delete()


# --- Import ------------------------------------------------------------------------------------------

IMPORT_BATCH = 2000


class TellijstImportFout(Exception):
    """The file has errors; nothing was stored. `controle.fouten` lists them all."""

    def __init__(self, controle):
        super().__init__(f"{len(controle.fouten)} fout(en) in de Tellijst")
        self.controle = controle


def tellijst_importeren(*, door, upload, vandaag: datetime.date | None = None):
    """Store every row of a Tellijst file for this vertrouwenspersoon, or none of them.

    The file is checked again here, whatever a preview said before: the taxonomy may have changed in
    between. Then one bulk insert in a single transaction.
    """
    if not heeft_rol(door, VERTROUWENSPERSOON):
        raise PermissionDenied(ALLEEN_VERTROUWENSPERSOON)
    controle = controleer_bestand(upload, vandaag=vandaag or timezone.localdate())
    if not controle.in_orde:
        raise TellijstImportFout(controle)
    with transaction.atomic():
        Adviesvraag.objects.bulk_create(
            (Adviesvraag(**rij, geregistreerd_door=door) for rij in controle.rijen), batch_size=IMPORT_BATCH
        )
    return controle
