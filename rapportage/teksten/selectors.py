"""Reads of the report's structure and texts, and the values their figure references name."""

from ..models import BenoemdKerncijfer, GepubliceerdCijfer, Rapportdeel
from ..secties import Kader
from ..selectors.gegevens import OIF_AFDOENINGEN, OIF_MELDINGEN, TELLIJST
from .standaard import HOOFDSTUKKEN, STAP, VELDEN

BENOEMD = "benoemd"


def rapportdelen_van(*, jaar: int):
    return Rapportdeel.objects.filter(jaar=jaar).order_by("volgorde", "pk")


def heeft_eigen_structuur(*, jaar: int) -> bool:
    return Rapportdeel.objects.filter(jaar=jaar).exists()


def rapportdelen(*, jaar: int) -> list[Rapportdeel]:
    """The chapters and sections of `jaar`: its own, else (unsaved) a copy of the latest earlier year's,
    else the default structure."""
    eigen = list(rapportdelen_van(jaar=jaar))
    if eigen:
        return eigen
    eerder = (
        Rapportdeel.objects.filter(jaar__lt=jaar).order_by("-jaar").values_list("jaar", flat=True).first()
    )
    if eerder is not None:
        return [
            Rapportdeel(jaar=jaar, **{veld: getattr(d, veld) for veld in VELDEN})
            for d in rapportdelen_van(jaar=eerder)
        ]
    return [
        Rapportdeel(jaar=jaar, volgorde=(i + 1) * STAP, titel=titel, inhoud=inhoud, bijlage=bijlage)
        for i, (titel, inhoud, bijlage) in enumerate(HOOFDSTUKKEN)
    ]


def benoemde_kerncijfers(*, jaar: int) -> list[BenoemdKerncijfer]:
    return list(BenoemdKerncijfer.objects.filter(kerncijfers__jaar=jaar).order_by("volgorde", "pk"))


# Which part of the system (selectors.gegevens) each figure of the export counts.
_OIF_MELDINGEN_SLEUTELS = ("meldingen", "melder", "onderwerp")


def _leeg(waarde):
    return {k: _leeg(v) for k, v in waarde.items()} if isinstance(waarde, dict) else None


def zonder_gegevens_leeg(cijfers: dict, export: dict) -> dict:
    """The export with every figure of a part without rows in the report year set to None, so that a
    text naming it says 'geen gegevens geregistreerd' instead of 0."""
    export, kader = dict(export), Kader.uit(cijfers)
    if kader.zonder_gegevens(TELLIJST):
        export["vertrouwenspersonen"] = _leeg(export["vertrouwenspersonen"])
    oif = dict(export["oif"])
    for sleutel in oif:
        deel = OIF_MELDINGEN if sleutel in _OIF_MELDINGEN_SLEUTELS else OIF_AFDOENINGEN
        if kader.zonder_gegevens(deel):
            oif[sleutel] = _leeg(oif[sleutel])
    export["oif"] = oif
    return export


def verwijzingswaarden(*, cijfers: dict, benoemd: list[BenoemdKerncijfer]) -> dict:
    """What `{{ ... }}` in a text can name: the export JSON of these figures (`jaarcijfers`) plus the
    named key figures of the year. Used by the PDF and by the check on save alike."""
    from ..selectors import export_uit_jaarcijfers

    try:
        export = zonder_gegevens_leeg(cijfers, export_uit_jaarcijfers(cijfers))
    except (KeyError, TypeError):
        # Figures built by hand in an older, partial shape (tests): texts can name only the year.
        export = {"jaar": cijfers["jaar"]}
    return {**export, BENOEMD: {f.naam: f.waarde for f in benoemd}}


def waarden_van_jaar(*, jaar: int) -> dict:
    """The ministry-wide reference values of a year (for checking a text when it is saved, and for the
    preview on the page: so the Tellijst as last published, like every page)."""
    from .. import inhoud

    return verwijzingswaarden(
        cijfers=inhoud.paginacijfers(jaar=jaar), benoemd=benoemde_kerncijfers(jaar=jaar)
    )


def gepubliceerde_cijfers(*, jaar: int) -> list[GepubliceerdCijfer]:
    return list(GepubliceerdCijfer.objects.filter(jaar=jaar).order_by("inhoud", "pk"))
