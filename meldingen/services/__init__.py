"""Writes of the meldingen app. Every function is keyword-only and wraps its own transaction.

Import from here: `from meldingen.services import melding_registreren`.
"""

from finintegriteit.kern.vergrendeling import VersieConflict

from .registratie import (
    betrokkene_toevoegen,
    betrokkene_wijzigen,
    melder_identiteit_openen,
    melder_identiteit_vastleggen,
    melding_registreren,
    melding_wijzigen,
)
from .status import melding_heropenen, melding_status_wijzigen, toegestane_overgangen
from .termijnen import melding_termijnen_vastleggen, termijnen_berekenen, termijnherinneringen_versturen

__all__ = [
    "VersieConflict",
    "betrokkene_toevoegen",
    "betrokkene_wijzigen",
    "melder_identiteit_openen",
    "melder_identiteit_vastleggen",
    "melding_heropenen",
    "melding_registreren",
    "melding_status_wijzigen",
    "melding_termijnen_vastleggen",
    "melding_wijzigen",
    "termijnen_berekenen",
    "termijnherinneringen_versturen",
    "toegestane_overgangen",
]
