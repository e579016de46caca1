"""The report's tables as plain data, shared by the PDF, the dashboard and the .xlsx downloads.

A `Tabel` holds labels and raw values (int, a percentage, a '<N' string or None); formatting happens
at the edge: `aantal`/`procent` for HTML and PDF, number formats for spreadsheets.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

AANTAL = "aantal"
PROCENT = "procent"
TEKST = "tekst"


@dataclass
class Rij:
    label: str
    waarden: list
    soort: str = ""  # "", "groep", "sub" or "totaal": only the look differs


@dataclass
class Tabel:
    sleutel: str
    titel: str
    eerste_kolom: str
    kolommen: list[str]
    rijen: list[Rij]
    kolomsoorten: list[str] = field(default_factory=list)
    voetnoten: list[str] = field(default_factory=list)
    klasse: str = ""
    sjabloon: str = "rapportage/pdf/_tabel.html"
    soort = "tabel"

    def __post_init__(self):
        if not self.kolomsoorten:
            self.kolomsoorten = [AANTAL] * len(self.kolommen)

    def cellen(self):
        """(row, [formatted cell]) for templates, which can neither zip nor format."""
        for rij in self.rijen:
            yield rij, [opmaken(w, s) for w, s in zip(rij.waarden, self.kolomsoorten, strict=False)]


@dataclass
class Grafiek:
    titel: str
    svg: str  # already escaped by rapportage.grafieken
    sjabloon: str = "rapportage/pdf/_grafiek.html"
    soort = "grafiek"


@dataclass
class Tekst:
    tekst: str
    klasse: str = ""
    sjabloon: str = "rapportage/pdf/_tekst.html"
    soort = "tekst"


@dataclass
class Paragraaf:
    id: str
    kop: str
    blokken: list
    in_inhoud: bool = True
    klasse: str = ""


@dataclass
class Hoofdstuk:
    id: str
    kop: str
    paragrafen: list[Paragraaf]
    inleiding: list[str] = field(default_factory=list)
    is_bijlage: bool = False
    vorige_is_bijlage: bool = False
    op_dashboard: bool = True
    sjabloon: str = "rapportage/pdf/_hoofdstuk.html"
    extra: dict = field(default_factory=dict)

    def tabellen(self):
        for paragraaf in self.paragrafen:
            for blok in paragraaf.blokken:
                if isinstance(blok, Tabel):
                    yield blok


def aantal(waarde) -> str:
    """Dutch thousands separator (1.200); text such as '<5' and blanks pass through."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return str(waarde)
    return f"{int(waarde):,}".replace(",", ".")


def procent(waarde) -> str:
    if waarde is None:
        return ""
    if not isinstance(waarde, int | float):
        return str(waarde)
    # Half up, as the published report (and a spreadsheet) rounds: 12.5 -> 13, not 12.
    return f"{Decimal(str(waarde)).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"


def opmaken(waarde, soort: str) -> str:
    if soort == PROCENT:
        return procent(waarde)
    if soort == AANTAL:
        return aantal(waarde)
    return "" if waarde is None else str(waarde)
