"""Reads of the report's structure and texts, and the values their figure references name."""

from ..models import BenoemdKerncijfer, Rapportdeel
from .standaard import HOOFDSTUKKEN, STAP

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
            Rapportdeel(
                jaar=jaar,
                volgorde=d.volgorde,
                niveau=d.niveau,
                bijlage=d.bijlage,
                titel=d.titel,
                inhoud=d.inhoud,
                tekst=d.tekst,
            )
            for d in rapportdelen_van(jaar=eerder)
        ]
    return [
        Rapportdeel(jaar=jaar, volgorde=(i + 1) * STAP, titel=titel, inhoud=inhoud, bijlage=bijlage)
        for i, (titel, inhoud, bijlage) in enumerate(HOOFDSTUKKEN)
    ]


def benoemde_kerncijfers(*, jaar: int) -> list[BenoemdKerncijfer]:
    return list(BenoemdKerncijfer.objects.filter(kerncijfers__jaar=jaar).order_by("volgorde", "pk"))


def verwijzingswaarden(*, export: dict, benoemd: list[BenoemdKerncijfer]) -> dict:
    """What `{{ ... }}` in a text can name: the export JSON plus the named key figures of the year."""
    return {**export, BENOEMD: {f.naam: f.waarde for f in benoemd}}


def waarden_van_jaar(*, jaar: int) -> dict:
    """The ministry-wide reference values of a year (for checking a text when it is saved)."""
    from ..selectors import exporteer_cijfers

    return verwijzingswaarden(export=exporteer_cijfers(jaar=jaar), benoemd=benoemde_kerncijfers(jaar=jaar))
