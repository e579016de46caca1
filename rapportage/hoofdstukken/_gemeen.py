"""Shared helpers of the chapter builders: the threshold, charts, ids and footnote markers."""

from django.utils.text import slugify

from ..grafieken import Deel, Staaf, staafdiagram, taartdiagram
from ..secties import Driejaarsrij, Jaarwaarde, Telrij
from ..tabellen import Grafiek, aantal

VOETNOOTMERKEN = "¹²³⁴⁵⁶⁷⁸⁹"
BIJLAGE2_TOELICHTING = (
    "Per betrokkene over wie in {jaar} na onderzoek een besluit is genomen, staat hieronder wat er "
    "vermoedelijk aan de hand was en hoe de zaak is afgedaan, ook als de schending niet is komen vast "
    "te staan. Meldingen zonder betrokkene of zonder besluit ontbreken. De omschrijvingen zijn bewust "
    "algemeen gehouden zodat niemand herkenbaar is; lees er dus geen maatstaf in voor welk gedrag tot "
    "welke straf leidt."
)


def _grafiek(titel: str, aantallen: dict, *, sorteren: bool = False) -> Grafiek:
    """Bars of the counts (a count hidden under the threshold, '<5', gets no bar)."""
    staven = [Staaf(label, waarde) for label, waarde in aantallen.items() if isinstance(waarde, int)]
    return Grafiek(titel, staafdiagram(staven, titel=titel, sorteren=sorteren))


def _ring(titel: str, delen: list[Deel], *, totaal_label: str = "totaal") -> Grafiek | None:
    """A ring chart of shares; None when a count is hidden under the threshold (shares would reveal it)."""
    if not delen or any(not isinstance(d.waarde, int) for d in delen):
        return None
    return Grafiek(titel, taartdiagram(delen, titel=titel, totaal_label=totaal_label))


def _id(*delen) -> str:
    return "-".join(slugify(str(d)) for d in delen)


class Weergave:
    """Applies the threshold of an onderdeel report ('<N') to every count and percentage shown."""

    def __init__(self, drempel: int = 0):
        from ..selectors import toon_aantal, toon_procent

        self.drempel = drempel
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


def _met_vorig_jaar(rij: Telrij, jaar: int) -> Driejaarsrij:
    """A documented row (aantal, procent, vorig_jaar) as values per year, for `tabel_uit_telling`."""
    return Driejaarsrij(
        code=rij.code,
        label=rij.label,
        soort=rij.soort,
        waarden=(
            Jaarwaarde(jaar=jaar, aantal=rij.aantal, procent=rij.procent),
            Jaarwaarde(jaar=jaar - 1, aantal=rij.vorig_jaar),
        ),
    )


def _t(waarde) -> str:
    return aantal(waarde) if waarde is not None else "0"
