"""The report's tables as plain data, shared by the PDF, the dashboard and the .xlsx downloads.

A `Tabel` holds labels and raw values (int, a percentage, a '<N' string or None); formatting happens
at the edge: `aantal`/`procent` for HTML and PDF, number formats for spreadsheets.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .secties import Driejaarsrij, Jaarwaarde
from .vergelijken import OMHOOG, OMLAAG

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
class Tussenkop:
    """A numbered heading inside a paragraph (3.5.1): a part of it, not a paragraph of its own."""

    tekst: str
    sjabloon: str = "rapportage/pdf/_tussenkop.html"
    soort = "tussenkop"


@dataclass
class Opgemaakt:
    """A text of the coordinator as HTML, already cleaned by rapportage.teksten.markdown."""

    html: str
    sjabloon: str = "rapportage/pdf/_opgemaakt.html"
    soort = "opgemaakt"


@dataclass
class Paragraaf:
    id: str
    kop: str
    blokken: list
    in_inhoud: bool = True
    klasse: str = ""
    kolommen: list = field(default_factory=list)  # infographic: blocks spread over columns
    voetnoten: list[str] = field(default_factory=list)  # infographic: on the page of its markers


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
    tekst_html: str = ""  # the coordinator's text, already cleaned (rapportage.teksten.markdown)
    voetnoten: list[str] = field(default_factory=list)  # at the end of the chapter

    def tabellen(self):
        for paragraaf in self.paragrafen:
            for blok in paragraaf.blokken:
                if isinstance(blok, Tabel):
                    yield blok


def _klasse(soort: str) -> str:
    return "" if soort == TEKST else "getal"


# What a figure of a part without any rows in the year shows instead of 0 (in tables and in texts).
GEEN_GEGEVENS = "geen gegevens geregistreerd"


def aantal(waarde) -> str:
    """Dutch thousands separator (1.200); text such as '<5' and blanks pass through."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool) or not isinstance(waarde, int | float):
        return str(waarde)
    return f"{int(waarde):,}".replace(",", ".")


class Aandeel(int):
    """A share in whole percent (rapportage.vergelijken.procent) that keeps the count and the total it is a
    share of, so that `procent` can print what the rounding hides. To everything else it is the plain
    number: a spreadsheet cell, a comparison."""

    def __new__(cls, procent: int, *, aantal=None, totaal=None):
        aandeel = super().__new__(cls, procent)
        aandeel.aantal, aandeel.totaal = aantal, totaal
        return aandeel


def procent(waarde, *, aantal=None, totaal=None) -> str:
    """A share as the report prints it, from the whole percent and, where known, the count and the total
    (given here or carried by an `Aandeel`).

    Rounding may not make a part vanish or fill the whole: a share of at least one that rounds to 0 reads
    '<1%' ('0%' would say nobody), one short of its total that rounds to 100 reads '>99%'. The figures keep
    the whole percent (docs/cijfers.md, the export's contract); only the print says more.
    """
    if waarde is None:
        return ""
    if not isinstance(waarde, int | float):
        return str(waarde)
    aantal, totaal = getattr(waarde, "aantal", aantal), getattr(waarde, "totaal", totaal)
    # Half up, as the published report (and a spreadsheet) rounds: 12.5 -> 13, not 12.
    afgerond = Decimal(str(waarde)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if afgerond == 0 and _getal(aantal) and aantal > 0:
        return "<1%"
    if afgerond == 100 and _getal(aantal) and _getal(totaal) and aantal < totaal:
        return ">99%"
    return f"{afgerond}%"


def _getal(waarde) -> bool:
    # A count, not a '<5' hidden under a threshold, a blank or a bool.
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def opmaken(waarde, soort: str) -> str:
    if soort == PROCENT:
        return procent(waarde)
    if soort == AANTAL:
        return aantal(waarde)
    return "" if waarde is None else str(waarde)


# --- Builders: from counts per category and year to tables ------------------------------------


@dataclass(frozen=True)
class Kolom:
    """A column of a count table: which year it reads and which value of that year (a count or a share)."""

    kop: str
    jaar: object = None  # the year of the value; None for a table of one unnamed count
    veld: str = "aantal"  # the field of secties.Jaarwaarde: aantal, procent or procent_van_hoofdcategorie

    @property
    def soort(self) -> str:
        return AANTAL if self.veld == "aantal" else PROCENT


class _Exact:
    """The display of a report without threshold: counts and shares as they are."""

    def a(self, aantal):
        return aantal

    def p(self, procent, aantal):
        return procent


def jaarkolommen(jaren: list[int], *, procent: str | None = "procent") -> list[Kolom]:
    """A count column per year and then, as the published three-year tables, a share column per year."""
    kolommen = [Kolom(str(j), j) for j in jaren]
    if procent:
        kolommen += [Kolom(f"{j} %", j, procent) for j in jaren]
    return kolommen


def tabel_uit_telling(
    sleutel: str,
    titel: str,
    eerste_kolom: str,
    rijen: list[Driejaarsrij],
    kolommen: list[Kolom],
    *,
    totalen: dict | None = None,
    totaal_label: str = "Totaal",
    weergave=None,
    voetnoten: list[str] | None = None,
    klasse: str = "",
) -> Tabel:
    """One table of counts per category: a row per category, the given columns, a total row.

    Each row (rapportage.secties) shows its `label` as its `soort` says and has a value per year in
    `waarden`. A cell is empty when the row has no value for the column's year, or when the option was
    not in use that year and has no rows (as the published report leaves it blank). `totalen` ({jaar: n})
    adds a total row with the counts only. `weergave` shows counts and shares (the '<N' threshold of an
    onderdeel report); default exact.
    """
    w = weergave or _Exact()

    def cel(rij: Driejaarsrij, kolom: Kolom):
        waarde = next((v for v in rij.waarden if v.jaar == kolom.jaar), None)
        if waarde is None or not (waarde.in_gebruik or waarde.aantal):
            return None
        if kolom.veld == "aantal":
            return w.a(waarde.aantal)
        aandeel = w.p(getattr(waarde, kolom.veld), waarde.aantal)
        if not _getal(aandeel):
            return aandeel
        # The share is of the total the table states with it (docs/cijfers.md), the column's year's.
        return Aandeel(aandeel, aantal=waarde.aantal, totaal=(totalen or {}).get(kolom.jaar))

    tabel_rijen = [Rij(r.label, [cel(r, k) for k in kolommen], r.soort) for r in rijen]
    if totalen is not None:
        cellen = [w.a(totalen.get(k.jaar)) if k.veld == "aantal" else None for k in kolommen]
        tabel_rijen.append(Rij(totaal_label, cellen, "totaal"))
    return Tabel(
        sleutel,
        titel,
        eerste_kolom,
        [k.kop for k in kolommen],
        tabel_rijen,
        [k.soort for k in kolommen],
        voetnoten or [],
        klasse,
    )


_SOM = object()  # default of enkele_tabel: the total is the sum of the counts


def _som(waarden):
    getallen = [w for w in waarden if isinstance(w, int) and not isinstance(w, bool)]
    return sum(getallen) if len(getallen) == len(waarden) else None


def enkele_tabel(
    sleutel: str,
    titel: str,
    eerste_kolom: str,
    aantallen: dict | list[tuple[str, object]],
    *,
    kolom: str = "Aantal",
    totaal: str | None = "Totaal",
    totaal_waarde=_SOM,
    voetnoten: list[str] | None = None,
    klasse: str = "",
) -> Tabel:
    """One count column from {label: count} or (label, count) pairs, already shown as they should be.

    The total row (label `totaal`, none when None) holds `totaal_waarde`, by default the sum of the
    counts, left empty when a count is hidden ('<N') or unknown: those cannot be added up.
    """
    paren = list(aantallen.items() if isinstance(aantallen, dict) else aantallen)
    if totaal_waarde is _SOM:
        totaal_waarde = _som([n for _, n in paren])
    return tabel_uit_telling(
        sleutel,
        titel,
        eerste_kolom,
        [Driejaarsrij(label=label, waarden=(Jaarwaarde(aantal=n),)) for label, n in paren],
        [Kolom(kolom)],
        totalen={None: totaal_waarde} if totaal else None,
        totaal_label=totaal or "",
        voetnoten=voetnoten,
        klasse=klasse,
    )


# --- Infographic (Bijlage 1) and Bijlage 2 -------------------------------------------------------


@dataclass
class InfoRegel:
    label: str
    waarde: object
    pijl: str | None = None  # as rapportage.vergelijken.pijl gives it: ↑, ↓, = or None
    soort: str = ""  # "groep" or "sub": a comparison group and its members, indented under it

    @property
    def tekst(self) -> str:
        return aantal(self.waarde)

    @property
    def teken(self) -> str:
        """The arrow as the infographic prints it: only a rise or a fall (its legend has no '=')."""
        return self.pijl if self.pijl in (OMHOOG, OMLAAG) else ""

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
    regels: list[tuple[str, str, str]]  # (schending, inhoud, afdoening)
    aantal: int
