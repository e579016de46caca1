"""Writes of the report's structure and texts: start a year's structure, save a chapter or section."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ..models import Rapportdeel
from ..toegang import mag_teksten_wijzigen
from . import markdown, selectors
from .standaard import VELDEN

FOUT_GEEN_RECHT = (
    "Alleen een integriteitscoördinator van het hele ministerie kan de teksten van het rapport wijzigen."
)
FOUT_AL_AANGEMAAKT = "Het rapport over {jaar} heeft al een eigen indeling."


def _mag_wijzigen(door) -> None:
    if not mag_teksten_wijzigen(door):
        raise PermissionDenied(FOUT_GEEN_RECHT)


def structuur_aanmaken(*, jaar: int, door) -> list[Rapportdeel]:
    """Give `jaar` its own structure: a copy of the latest earlier year's, or the default."""
    _mag_wijzigen(door)
    with transaction.atomic():
        if selectors.rapportdelen_van(jaar=jaar).select_for_update().exists():
            raise ValidationError(FOUT_AL_AANGEMAAKT.format(jaar=jaar))
        delen = selectors.rapportdelen(jaar=jaar)
        for deel in delen:
            deel.gewijzigd_door = door
        return Rapportdeel.objects.bulk_create(delen)


def rapportdeel_opslaan(*, deel: Rapportdeel, door, waarden: dict | None = None, **velden) -> Rapportdeel:
    """Save a chapter or section (new or changed) after checking every figure reference in its text.

    `waarden` are the reference values of the year (default: computed now, ministry-wide).
    """
    _mag_wijzigen(door)
    for veld, waarde in velden.items():
        if veld not in VELDEN:
            raise TypeError(veld)
        setattr(deel, veld, waarde)
    if deel.niveau == Rapportdeel.Niveau.PARAGRAAF:
        deel.bijlage = False
    if markdown.verwijzingen(deel.tekst):
        fouten = markdown.controleer(deel.tekst, waarden or selectors.waarden_van_jaar(jaar=deel.jaar))
        if fouten:
            raise ValidationError({"tekst": fouten})
    deel.gewijzigd_door = door
    deel.full_clean()
    with transaction.atomic():
        deel.save()
    return deel


def gepubliceerd_cijfer_vastleggen(
    *,
    jaar: int,
    inhoud: str,
    omschrijving: str,
    gepubliceerd: str,
    naam: str = "",
    toelichting: str = "",
    door,
):
    """Record a figure as a published report printed it; `naam` (optional) must name one figure."""
    from ..models import GepubliceerdCijfer

    _mag_wijzigen(door)
    if naam:
        try:
            markdown.cijfer(selectors.waarden_van_jaar(jaar=jaar), naam)
        except markdown.Onbekend as fout:
            raise ValidationError({"naam": str(fout)}) from None
    cijfer = GepubliceerdCijfer(
        jaar=jaar,
        inhoud=inhoud,
        omschrijving=omschrijving,
        gepubliceerd=gepubliceerd,
        naam=naam,
        toelichting=toelichting,
    )
    cijfer.full_clean()
    with transaction.atomic():
        cijfer.save()
    return cijfer
