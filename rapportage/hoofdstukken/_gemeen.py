"""Shared helpers of the chapter builders: nested lookups, the threshold, the common table shapes."""

from django.utils.text import slugify

from ..grafieken import Staaf, staafdiagram
from ..tabellen import (
    AANTAL,
    PROCENT,
    Grafiek,
    Rij,
    Tabel,
    aantal,
)

BIJLAGE2_RIJEN_PER_TABEL = 60
VOETNOOTMERKEN = "¹²³⁴⁵⁶⁷⁸⁹"
BIJLAGE2_TOELICHTING = (
    "Dit overzicht geeft weer welke (vermoedelijke) integriteitsschendingen er zijn afgedaan in "
    "{jaar}. Het gaat "
    "daarbij om aangetoonde en niet aangetoonde schendingen. Alleen afdoeningen waarbij er daadwerkelijk een "
    "betrokkene is naar wie onderzoek is gedaan én over wie een beslissing tot afdoening is genomen, zijn "
    "opgenomen. In verband met de privacy van de betrokkenen is de inhoud van de (vermoedelijke) schending "
    "geanonimiseerd en globaal beschreven; het overzicht kan daarom niet worden gebruikt als indicatie voor "
    "welk gedrag wel of niet disciplinair wordt bestraft."
)


def _d(cijfers: dict, *pad, standaard=None):
    """A nested value, or `standaard` when any step is missing (an empty year has empty dicts)."""
    waarde = cijfers
    for stap in pad:
        if not isinstance(waarde, dict) or stap not in waarde:
            return standaard
        waarde = waarde[stap]
    return waarde


def _grafiek(titel: str, aantallen: dict) -> Grafiek:
    staven = [Staaf(label, waarde) for label, waarde in aantallen.items() if isinstance(waarde, int)]
    return Grafiek(titel, staafdiagram(staven, titel=titel))


def _id(*delen) -> str:
    return "-".join(slugify(str(d)) for d in delen)


class Weergave:
    """Applies the threshold of an onderdeel report ('<N') to every count and percentage shown."""

    def __init__(self, cijfers: dict):
        from ..selectors import toon_aantal, toon_procent

        self.drempel = cijfers.get("drempel") or 0
        self._aantal, self._procent = toon_aantal, toon_procent

    def a(self, aantal):
        if aantal is None:
            return None
        return self._aantal(aantal, drempel=self.drempel)

    def p(self, procent, aantal):
        if procent is None:
            return None
        return self._procent(procent, aantal=aantal, drempel=self.drempel)

    def dict(self, aantallen: dict) -> dict:
        return {label: self.a(n) for label, n in (aantallen or {}).items()}


def _rijentabel(
    w: Weergave, sleutel, titel, eerste_kolom, rijen, *, jaar, vorig=True, totaal=None, voetnoten=None
):
    """A table from documented 'rijen' (label, aantal, procent, vorig_jaar): count, share, last year."""
    kolommen, soorten = [str(jaar), "%"], [AANTAL, PROCENT]
    if vorig:
        kolommen.append(str(jaar - 1))
        soorten.append(AANTAL)
    tabel_rijen = []
    for rij in rijen or []:
        cellen = [w.a(rij["aantal"]), w.p(rij.get("procent"), rij["aantal"])]
        if vorig:
            cellen.append(w.a(rij.get("vorig_jaar")))
        tabel_rijen.append(Rij(rij["label"], cellen))
    if totaal is not None:
        tabel_rijen.append(Rij("Totaal", [w.a(totaal), None, *([None] if vorig else [])], "totaal"))
    return Tabel(sleutel, titel, eerste_kolom, kolommen, tabel_rijen, soorten, voetnoten or [])


def _driejaarscellen(w: Weergave, rij: dict, *, procent_sleutel="procent", met_procent=True):
    waarden = rij.get("waarden", [])
    aantallen = [w.a(v["aantal"]) if v.get("in_gebruik", True) or v["aantal"] else None for v in waarden]
    if not met_procent:
        return aantallen
    procenten = [
        w.p(v.get(procent_sleutel), v["aantal"]) if v.get("in_gebruik", True) or v["aantal"] else None
        for v in waarden
    ]
    return aantallen + procenten


def _driejaarstabel(
    w,
    sleutel,
    titel,
    eerste_kolom,
    jaren,
    rijen,
    *,
    totalen=None,
    procent_sleutel="procent",
    met_procent=True,
    voetnoten=None,
):
    kolommen = [str(j) for j in jaren] + ([f"{j} %" for j in jaren] if met_procent else [])
    soorten = [AANTAL] * len(jaren) + ([PROCENT] * len(jaren) if met_procent else [])
    tabel_rijen = [
        Rij(
            r["label"],
            _driejaarscellen(w, r, procent_sleutel=procent_sleutel, met_procent=met_procent),
            r.get("soort", ""),
        )
        for r in rijen
    ]
    if totalen is not None:
        tabel_rijen.append(
            Rij("Totaal", [w.a(t) for t in totalen] + ([None] * len(jaren) if met_procent else []), "totaal")
        )
    return Tabel(sleutel, titel, eerste_kolom, kolommen, tabel_rijen, soorten, voetnoten or [])


def _t(waarde) -> str:
    return aantal(waarde) if waarde is not None else "0"
