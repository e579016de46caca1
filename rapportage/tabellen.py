"""The report's tables as plain data, shared by the PDF, the dashboard and the .xlsx downloads.

A `Tabel` holds labels and raw values (int, a percentage, a '<N' string or None); formatting happens
at the edge: `aantal`/`procent` for HTML and PDF, number formats for spreadsheets.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

AANTAL = "aantal"
PROCENT = "procent"
TEKST = "tekst"
KORTE_TABEL = 25


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
    alleen_download: bool = False  # too long for a page: the dashboard offers only the .xlsx
    sjabloon: str = "rapportage/pdf/_tabel.html"
    soort = "tabel"

    def __post_init__(self):
        if not self.kolomsoorten:
            self.kolomsoorten = [AANTAL] * len(self.kolommen)

    @property
    def css(self) -> str:
        # A short table moves to the next page whole, so its caption never stays behind alone.
        return " ".join(filter(None, [self.klasse, "kort" if len(self.rijen) <= KORTE_TABEL else ""]))

    def cellen(self):
        """(row, [(formatted cell, css class)]) for templates, which can neither zip nor format."""
        for rij in self.rijen:
            yield (
                rij,
                [(opmaken(w, s), _klasse(s)) for w, s in zip(rij.waarden, self.kolomsoorten, strict=False)],
            )

    def koppen(self):
        return list(zip(self.kolommen, [_klasse(s) for s in self.kolomsoorten], strict=False))


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
    kolommen: list = field(default_factory=list)  # infographic: blocks spread over columns


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


def _klasse(soort: str) -> str:
    return "" if soort == TEKST else "getal"


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


# --- Builders: from label -> count mappings to tables ------------------------------------------


def _som(waarden):
    getallen = [w for w in waarden if isinstance(w, int) and not isinstance(w, bool)]
    return sum(getallen) if len(getallen) == len(waarden) else None


def enkele_tabel(
    sleutel: str,
    titel: str,
    eerste_kolom: str,
    aantallen: dict,
    *,
    kolom: str = "Aantal",
    totaal: str | None = "Totaal",
    percentages: bool = False,
    voetnoten: list[str] | None = None,
) -> Tabel:
    """One count column (and optionally its share), a row per label, a total row."""
    rijen, totaal_waarde = [], _som(list(aantallen.values()))
    for label, waarde in aantallen.items():
        cellen = [waarde]
        if percentages:
            cellen.append(aandeel(waarde, totaal_waarde))
        rijen.append(Rij(label, cellen))
    if totaal:
        rijen.append(Rij(totaal, [totaal_waarde, *([None] if percentages else [])], "totaal"))
    kolommen = [kolom, *(["%"] if percentages else [])]
    soorten = [AANTAL, *([PROCENT] if percentages else [])]
    return Tabel(sleutel, titel, eerste_kolom, kolommen, rijen, soorten, voetnoten or [])


def aandeel(waarde, totaal):
    """Share in percent (unrounded); None when it cannot be computed (a '<N' cell, no total)."""
    if not isinstance(waarde, int) or not isinstance(totaal, int) or not totaal:
        return None
    return waarde * 100 / totaal


def meerjarentabel(
    sleutel: str,
    titel: str,
    eerste_kolom: str,
    jaren: list[int],
    rijen: list[tuple[str, list, str]],
    *,
    percentages: bool = True,
    voetnoten: list[str] | None = None,
) -> Tabel:
    """Counts per year and, as the published report does, the share of each row in that year's total.

    `rijen` are (label, [count per year], soort); rows of soort 'totaal' give the denominators.
    """
    totalen = next((w for _, w, s in rijen if s == "totaal"), None)
    if totalen is None:
        totalen = [_som([w[i] for _, w, s in rijen if s != "groep"]) for i in range(len(jaren))]
    tabel_rijen = []
    for label, waarden, soort in rijen:
        cellen = list(waarden)
        if percentages:
            paren = zip(waarden, totalen, strict=True)
            cellen += [None if soort == "totaal" else aandeel(w, t) for w, t in paren]
        tabel_rijen.append(Rij(label, cellen, soort))
    kolommen = [str(j) for j in jaren] + ([f"{j} %" for j in jaren] if percentages else [])
    soorten = [AANTAL] * len(jaren) + ([PROCENT] * len(jaren) if percentages else [])
    return Tabel(sleutel, titel, eerste_kolom, kolommen, tabel_rijen, soorten, voetnoten or [])


# --- Infographic (Bijlage 1) and Bijlage 2 -------------------------------------------------------

OMHOOG = "↑"
OMLAAG = "↓"


def pijl(huidig, vorig) -> str:
    """↑ or ↓ against the previous year; nothing when equal or not comparable."""
    if not isinstance(huidig, int) or not isinstance(vorig, int) or huidig == vorig:
        return ""
    return OMHOOG if huidig > vorig else OMLAAG


@dataclass
class InfoRegel:
    label: str
    waarde: object
    pijl: str = ""

    @property
    def tekst(self) -> str:
        return aantal(self.waarde)

    @property
    def richting(self) -> str:
        return {OMHOOG: "op", OMLAAG: "neer"}.get(self.pijl, "")


@dataclass
class InfoBlok:
    titel: str
    regels: list[InfoRegel]
    groot: object = None
    onderschrift: str = ""
    breed: bool = False

    @property
    def groot_tekst(self) -> str:
        return aantal(self.groot)


def verdeel_over_kolommen(blokken: list[InfoBlok], aantal_kolommen: int) -> list[list[InfoBlok]]:
    """Spread infographic blocks over columns of about equal height, keeping their order.

    Done here rather than with CSS columns: multi-column layout is a slow path in WeasyPrint.
    """
    hoogtes = [len(b.regels) + (3 if b.groot is not None else 0) + 2 for b in blokken]
    doel = sum(hoogtes) / aantal_kolommen
    kolommen, huidige, hoogte = [], [], 0
    for blok, h in zip(blokken, hoogtes, strict=True):
        if huidige and hoogte + h / 2 > doel and len(kolommen) < aantal_kolommen - 1:
            kolommen.append(huidige)
            huidige, hoogte = [], 0
        huidige.append(blok)
        hoogte += h
    kolommen.append(huidige)
    return kolommen


@dataclass
class Bijlage2Groep:
    dienstonderdeel: str
    id: str
    delen: list[list[tuple[str, str, str]]]  # chunks of (schending, inhoud, afdoening)
    aantal: int
