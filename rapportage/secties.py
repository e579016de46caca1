"""The figures as typed, frozen objects: what the report code reads.

`jaarcijfers` (rapportage.selectors) counts and gives plain dicts and lists, because they are frozen as
JSON at an adoption and cached as JSON for the dashboard; that shape is docs/cijfers.md's, and the
`exporteer_cijfers` part of it is a contract. The report code does not read those dicts key by key with a
default at every step: a section is read here once (`Sectie.uit(cijfers)`) into frozen dataclasses whose
rows are frozen dataclasses too. A key that is missing (figures frozen by an older version, or hand-built
in tests) takes the default of its field, so the defaults are written once, in the field definitions.

Reading happens only where the report is built, never in the counting path (`jaarcijfers` stays a dict).
"""

import datetime
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Self

# A count as the report gets it: an int, a hidden count ('×', '<5') or None (not registered).
Aantal = int | str | None


def lees(soort: type, gegevens) -> object:
    """An instance of the dataclass `soort` from a dict of the figures: each field from its key when the
    dict has it, else the field's default; a field declared with `_rijen` or `_deel` is read as its type.
    Keys that are no field are left out. A report reads a few thousand rows this way, so the plain
    fields are taken over in one comprehension and only the nested ones go through their reader."""
    if not isinstance(gegevens, dict):
        return soort()
    namen, geneste = _velden(soort)
    waarden = {naam: waarde for naam, waarde in gegevens.items() if naam in namen}
    for naam, lezer in geneste:
        if naam in waarden:
            waarden[naam] = lezer(waarden[naam])
    return soort(**waarden)


@cache
def _velden(soort: type) -> tuple[frozenset, tuple]:
    return (
        frozenset(f.name for f in fields(soort)),
        tuple((f.name, f.metadata["lees"]) for f in fields(soort) if "lees" in f.metadata),
    )


def _rijen(soort: type):
    """A field holding a list of rows of the figures, read as a tuple of `soort`."""
    return field(default=(), metadata={"lees": lambda rijen: tuple(lees(soort, r) for r in rijen or ())})


def _deel(soort: type):
    """A field holding a nested dict of the figures, read as `soort` (all defaults when it is missing)."""
    return field(default_factory=soort, metadata={"lees": lambda gegevens: lees(soort, gegevens)})


def _mapping():
    """A field that is a genuine mapping in the figures (by label, by year, by status): kept a dict."""
    return field(default_factory=dict, metadata={"lees": lambda gegevens: gegevens or {}})


# --- Rows (docs/cijfers.md, 'Conventies') -------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Jaarwaarde:
    """One year of a three-year row; `jaar` None in a table of one unnamed count."""

    jaar: int | None = None
    aantal: Aantal = None
    procent: int | None = None
    in_gebruik: bool = True  # not in use that year: the published report leaves the cell empty
    procent_van_hoofdcategorie: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Telrij:
    """A 'rij': this year's count of an option, its share, last year's count and the arrow."""

    code: str = ""
    label: str = ""
    aantal: Aantal = None
    procent: int | None = None
    vorig_jaar: Aantal = None
    pijl: str | None = None
    klasse: str = ""  # OIF 'afdoening': the class of the type of afdoening
    soort: str = ""  # how a table shows the row: "", "groep", "sub" or "totaal" (set by the chapters)


@dataclass(frozen=True, slots=True, kw_only=True)
class Driejaarsrij(Telrij):
    """A 'driejaarsrij' (Bijlage 1): a row plus its value in each year of the report's three."""

    vergelijkingsgroep: str = ""
    in_gebruik: bool = True  # in use in the report year
    waarden: tuple[Jaarwaarde, ...] = _rijen(Jaarwaarde)
    procent_van_hoofdcategorie: int | None = None  # subcategorieën: share of their hoofdcategorie


@dataclass(frozen=True, slots=True, kw_only=True)
class Hoofdcategorierij(Driejaarsrij):
    nummer: int | None = None
    uitsplitsen: bool = False  # Hoofdcategorie.uitsplitsen: a paragraph and an infographic block of its own
    subcategorieen: tuple[Driejaarsrij, ...] = _rijen(Driejaarsrij)


@dataclass(frozen=True, slots=True, kw_only=True)
class Groepsrij(Driejaarsrij):
    """A comparison group: the sum of options that replaced one another (e.g. Leidinggevende)."""

    opties: tuple[str, ...] = ()  # labels of its member options
    voetnoot: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Telling:
    """A label and its count (kerncijfers, the subcategorieën of the aard per beklaagde)."""

    code: str = ""
    label: str = ""
    aantal: Aantal = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Aardtelling(Telling):
    """A hoofdcategorie of one group of beklaagden, with its subcategorieën."""

    subcategorieen: tuple[Telling, ...] = _rijen(Telling)


@dataclass(frozen=True, slots=True, kw_only=True)
class Beklaagdengroep:
    code: str = ""
    label: str = ""
    hoofdcategorieen: tuple[Aardtelling, ...] = _rijen(Aardtelling)


@dataclass(frozen=True, slots=True, kw_only=True)
class Afhandelingsrij:
    """Chapter 3: how the adviesvragen of a subcategorie ended (afgehandeld + loopt_door = totaal)."""

    code: str = ""
    label: str = ""
    totaal: Aantal = None
    afgehandeld: Aantal = None
    loopt_door: Aantal = None
    genormaliseerd: Aantal = None
    niet_genormaliseerd: Aantal = None
    onbekend: Aantal = None
    afdoening_loopt_nog: Aantal = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Afhandeling(Afhandelingsrij):
    """A hoofdcategorie: the sums of its subcategorieën, and the subcategorieën."""

    nummer: int | None = None
    subcategorieen: tuple[Afhandelingsrij, ...] = _rijen(Afhandelingsrij)


@dataclass(frozen=True, slots=True, kw_only=True)
class Onderdeelrij:
    """A row of the table per onderdeel (Bijlage 3): a cell per column and the row's total."""

    code: str = ""
    label: str = ""
    cellen: tuple[Aantal, ...] = ()
    aantal: Aantal = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Onderdeelhoofdrij(Onderdeelrij):
    nummer: int | None = None
    subcategorieen: tuple[Onderdeelrij, ...] = _rijen(Onderdeelrij)


@dataclass(frozen=True, slots=True, kw_only=True)
class Kolomkop:
    code: str = ""
    label: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Bijlage2rij:
    """An afgedane schending of the year (Bijlage 2)."""

    dienstonderdeel: str = ""
    schending: str = ""
    inhoud: str = ""
    afdoening: str = ""
    klasse: str = ""
    datum: datetime.date | str | None = None  # a string in figures restored from JSON


# --- Sections ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Kader:
    """The top level: which year and scope the figures are of, and how they were counted and shown."""

    jaar: int | None = None
    jaren: tuple[int, ...] = ()  # the three-year tables' years, old -> new
    onderdeel: str | None = None  # label of the scope; None: the whole ministry
    onderdeel_code: str | None = None
    drempel: int = 0  # rapportage.selectors.drempel: '<N' in an onderdeel report; 0 off
    # Years with rows per part of the system (selectors.gegevens); None in hand-built figures.
    jaren_met_gegevens: dict[str, list[int]] | None = None
    tellijst_live: bool = False
    tellijst_gepubliceerd_op: datetime.datetime | None = None
    tellijst_drempel: int | None = None  # set when small cells are hidden (selectors.afscherming)
    vergelijking_voetnoten: dict[str, list[str]] = _mapping()  # set by vaststelling.vergelijking

    @classmethod
    def uit(cls, cijfers: dict) -> Self:
        return lees(cls, cijfers)

    def getoonde_jaren(self, deel: str, jaren) -> list[int]:
        """The years of `jaren` to show for a part of the system (selectors.gegevens: TELLIJST, OIF_...).

        The report year always; an earlier year only when the system holds rows of that part for it, so a
        year from before the system was in use never reads as a column of zeros. Figures without that key
        (hand-built in older shapes) show every year, as before.
        """
        if self.jaren_met_gegevens is None or deel not in self.jaren_met_gegevens:
            return list(jaren)
        return [j for j in jaren if j == self.jaar or j in self.jaren_met_gegevens[deel]]

    def zonder_gegevens(self, *delen: str) -> bool:
        """True when the system holds no rows of any of these parts (selectors.gegevens) for the report
        year: such a part says so instead of printing zeros. Figures without that key (hand-built) count
        as data."""
        if self.jaren_met_gegevens is None:
            return False
        return all(self.jaar not in self.jaren_met_gegevens.get(deel, []) for deel in delen)


@dataclass(frozen=True, slots=True, kw_only=True)
class Bijlage1:
    """The three-year rows of the Tellijst: every option in use in one of the years (or with rows)."""

    aard: tuple[Hoofdcategorierij, ...] = _rijen(Hoofdcategorierij)
    wie_betreft_de_melding: tuple[Driejaarsrij, ...] = _rijen(Driejaarsrij)
    wijze_van_afdoening: tuple[Driejaarsrij, ...] = _rijen(Driejaarsrij)
    situatie_na_interventie: tuple[Driejaarsrij, ...] = _rijen(Driejaarsrij)


@dataclass(frozen=True, slots=True, kw_only=True)
class Vergelijkingsgroepen:
    """Per dimension the groups of options that share a comparison group (Optie.vergelijkingsgroep)."""

    hoofdcategorie: tuple[Groepsrij, ...] = _rijen(Groepsrij)
    subcategorie: tuple[Groepsrij, ...] = _rijen(Groepsrij)
    wie_betreft_de_melding: tuple[Groepsrij, ...] = _rijen(Groepsrij)
    wijze_van_afdoening: tuple[Groepsrij, ...] = _rijen(Groepsrij)
    situatie_na_interventie: tuple[Groepsrij, ...] = _rijen(Groepsrij)


@dataclass(frozen=True, slots=True, kw_only=True)
class Onderdeeltabel:
    """Bijlage 3 (the report year only): a column per onderdeel of the scope."""

    kolommen: tuple[Kolomkop, ...] = _rijen(Kolomkop)
    totaal: Onderdeelrij = _deel(Onderdeelrij)
    aard: tuple[Onderdeelhoofdrij, ...] = _rijen(Onderdeelhoofdrij)
    wie_betreft_de_melding: tuple[Onderdeelrij, ...] = _rijen(Onderdeelrij)
    wijze_van_afdoening: tuple[Onderdeelrij, ...] = _rijen(Onderdeelrij)
    situatie_na_interventie: tuple[Onderdeelrij, ...] = _rijen(Onderdeelrij)


def _totalen(totalen) -> dict[int, Aantal]:
    return {t["jaar"]: t["aantal"] for t in totalen or ()}


@dataclass(frozen=True, slots=True, kw_only=True)
class Vertrouwenspersonen:
    """`cijfers["vertrouwenspersonen"]`: the Tellijst of the report year and the two before."""

    totaal: Aantal = None
    totalen: dict[int, Aantal] = field(default_factory=dict, metadata={"lees": _totalen})  # per year
    per_onderdeel: dict[str, Aantal] = _mapping()  # label -> count
    bijlage1: Bijlage1 = _deel(Bijlage1)
    vergelijkingsgroepen: Vergelijkingsgroepen = _deel(Vergelijkingsgroepen)
    per_onderdeel_tabel: Onderdeeltabel = _deel(Onderdeeltabel)
    afhandeling_per_subcategorie: tuple[Afhandeling, ...] = _rijen(Afhandeling)
    # Figures frozen before these counts existed have none: the chapter then shows none.
    aard_per_beklaagde: tuple[Beklaagdengroep, ...] = _rijen(Beklaagdengroep)

    @classmethod
    def uit(cls, cijfers: dict) -> Self:
        return lees(cls, cijfers.get("vertrouwenspersonen"))

    def afhandeling_van(self, code: str) -> Afhandeling:
        """The outcomes per subcategorie of one hoofdcategorie (empty when the figures have none)."""
        return next(
            (h for h in self.afhandeling_per_subcategorie if h.code == code),
            Afhandeling(code=code, label=code),
        )


def _tabellen(tabellen) -> dict[str, tuple[Telrij, ...]]:
    return {naam: tuple(lees(Telrij, r) for r in rijen or ()) for naam, rijen in (tabellen or {}).items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class Oif:
    """`cijfers["oif"]`: the meldingen of the year and the afdoeningen of the year."""

    meldingen: Aantal = None
    betrokkenen: Aantal = None
    maatregelen: Aantal = None
    misstanden: Aantal = None
    # Rows per table name (docs/cijfers.md, 'tabellen'); the chapter names the tables it shows.
    tabellen: dict[str, tuple[Telrij, ...]] = field(default_factory=dict, metadata={"lees": _tabellen})
    schending: dict[str, Aantal] = _mapping()  # label -> count, for the chart
    maatregelen_per_onderdeel: dict[str, Aantal] = _mapping()
    bijlage2: tuple[Bijlage2rij, ...] = _rijen(Bijlage2rij)
    bijlage2_aantallen: dict[str, int] | None = None  # the dashboard's page: rows per dienstonderdeel

    @classmethod
    def uit(cls, cijfers: dict) -> Self:
        return lees(cls, cijfers.get("oif"))

    def tabel(self, naam: str) -> tuple[Telrij, ...]:
        return self.tabellen.get(naam, ())


@dataclass(frozen=True, slots=True, kw_only=True)
class Medewerkers:
    totaal: int | None = None
    niet_betrokken: Aantal = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Klachtencommissie:
    """None everywhere: not entered for the year."""

    ontvangen: int | None = None
    ontvankelijk: int | None = None
    niet_ontvankelijk: int | None = None
    onderwerpen: tuple[Telling, ...] = _rijen(Telling)
    uitkomsten: tuple[Telling, ...] = _rijen(Telling)
    uitkomst_niet_vermeld: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Cif:
    meldingen: int | None = None  # None: not entered for the year
    categorieen: tuple[Telling, ...] = _rijen(Telling)
    niet_toegewezen: int | None = None  # meldingen without a category


@dataclass(frozen=True, slots=True, kw_only=True)
class Nevenwerkzaamheden:
    rijen: tuple[Telling, ...] = _rijen(Telling)  # per registering organisation
    totaal: Aantal = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Register:
    """The register of vertrouwenspersonen, counted on the entered peildatum."""

    peildatum: datetime.date | None = None
    totaal: int | None = None
    per_status: dict[str, int] = _mapping()  # status label -> count


def _register(gegevens) -> Register | None:
    return lees(Register, gegevens) if gegevens else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Kerncijfers:
    """`cijfers["kerncijfers"]`: what is entered per year, and the register of vertrouwenspersonen."""

    ingevoerd: bool = False
    medewerkers: Medewerkers = _deel(Medewerkers)
    klachtencommissie: Klachtencommissie = _deel(Klachtencommissie)
    cif: Cif = _deel(Cif)
    nevenwerkzaamheden: Nevenwerkzaamheden = _deel(Nevenwerkzaamheden)
    register: Register | None = field(default=None, metadata={"lees": _register})

    @classmethod
    def uit(cls, cijfers: dict) -> Self:
        return lees(cls, cijfers.get("kerncijfers"))


@dataclass(frozen=True, slots=True)
class Cijfers:
    """Every section of one set of figures, read once: a report reads them in every chapter."""

    kader: Kader
    vertrouwenspersonen: Vertrouwenspersonen
    oif: Oif
    kerncijfers: Kerncijfers

    @classmethod
    def uit(cls, cijfers: dict) -> Self:
        return cls(
            Kader.uit(cijfers), Vertrouwenspersonen.uit(cijfers), Oif.uit(cijfers), Kerncijfers.uit(cijfers)
        )
