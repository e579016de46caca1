"""The sections of the figures as typed, frozen objects: what the chapter builders read.

`jaarcijfers` counts (rapportage.selectors) and gives plain dicts, because they are frozen as JSON at an
adoption and cached as JSON for the dashboard. The chapters do not read those dicts key by key with a
default at every step: each section is read here once, with its defaults in one place (figures frozen
by an older version, or hand-built in tests, may lack a key), and the builders use its fields. The rows
inside keep the documented row shapes (docs/cijfers.md), typed below as TypedDicts.
"""

from dataclasses import dataclass
from typing import NotRequired, Self, TypedDict

# A count as the chapters get it: an int, a hidden count ('×', '<5') or None (not registered).
Aantal = int | str | None


class Jaarwaarde(TypedDict):
    jaar: int
    aantal: Aantal
    procent: int | None
    in_gebruik: bool
    procent_van_hoofdcategorie: NotRequired[int | None]


class Driejaarsrij(TypedDict):
    code: str
    label: str
    aantal: Aantal
    procent: int | None
    vorig_jaar: Aantal
    pijl: str | None
    vergelijkingsgroep: str
    in_gebruik: bool
    waarden: list[Jaarwaarde]
    procent_van_hoofdcategorie: NotRequired[int | None]


class Hoofdcategorierij(Driejaarsrij):
    nummer: int
    uitsplitsen: bool
    subcategorieen: list[Driejaarsrij]


class Groepsrij(Driejaarsrij):
    opties: list[str]
    voetnoot: str


@dataclass(frozen=True)
class Vertrouwenspersonen:
    """`cijfers["vertrouwenspersonen"]`: the Tellijst of the report year and the two before."""

    totaal: Aantal
    totalen: dict[int, Aantal]  # per year of the three
    per_onderdeel: dict[str, Aantal]
    aard: list[Hoofdcategorierij]
    wie_betreft: list[Driejaarsrij]
    wijze_van_afdoening: list[Driejaarsrij]
    situatie_na_interventie: list[Driejaarsrij]
    vergelijkingsgroepen: dict[str, list[Groepsrij]]  # per dimension, e.g. Leidinggevende
    per_onderdeel_tabel: dict
    afhandeling_per_subcategorie: list[dict]
    aard_per_beklaagde: list[dict]

    @classmethod
    def uit(cls, cijfers: dict) -> Self:
        vp = cijfers.get("vertrouwenspersonen") or {}
        b1 = vp.get("bijlage1") or {}
        return cls(
            totaal=vp.get("totaal"),
            totalen={t["jaar"]: t["aantal"] for t in vp.get("totalen") or []},
            per_onderdeel=vp.get("per_onderdeel") or {},
            aard=b1.get("aard") or [],
            wie_betreft=b1.get("wie_betreft_de_melding") or [],
            wijze_van_afdoening=b1.get("wijze_van_afdoening") or [],
            situatie_na_interventie=b1.get("situatie_na_interventie") or [],
            vergelijkingsgroepen=vp.get("vergelijkingsgroepen") or {},
            per_onderdeel_tabel=vp.get("per_onderdeel_tabel") or {},
            afhandeling_per_subcategorie=vp.get("afhandeling_per_subcategorie") or [],
            # Figures frozen before these counts existed have none: the chapter then shows none.
            aard_per_beklaagde=vp.get("aard_per_beklaagde") or [],
        )

    def afhandeling_van(self, code: str) -> dict:
        """The outcomes per subcategorie of one hoofdcategorie (empty when the figures have none)."""
        return next(
            (h for h in self.afhandeling_per_subcategorie if h["code"] == code),
            {"code": code, "label": code, "subcategorieen": []},
        )


@dataclass(frozen=True)
class Oif:
    """`cijfers["oif"]`: the meldingen of the year and the afdoeningen of the year."""

    meldingen: Aantal
    betrokkenen: Aantal
    maatregelen: Aantal
    misstanden: Aantal
    tabellen: dict[str, list[dict]]  # rows as docs/cijfers.md 'rij', per table
    schending: dict[str, Aantal]
    maatregelen_per_onderdeel: dict[str, Aantal]

    @classmethod
    def uit(cls, cijfers: dict) -> Self:
        o = cijfers.get("oif") or {}
        return cls(
            meldingen=o.get("meldingen"),
            betrokkenen=o.get("betrokkenen"),
            maatregelen=o.get("maatregelen"),
            misstanden=o.get("misstanden"),
            tabellen=o.get("tabellen") or {},
            schending=o.get("schending") or {},
            maatregelen_per_onderdeel=o.get("maatregelen_per_onderdeel") or {},
        )

    def tabel(self, naam: str) -> list[dict]:
        return self.tabellen.get(naam) or []


class Telling(TypedDict):
    label: str
    aantal: Aantal


@dataclass(frozen=True)
class Medewerkers:
    totaal: int | None
    niet_betrokken: Aantal


@dataclass(frozen=True)
class Klachtencommissie:
    """None everywhere: not entered for the year."""

    ontvangen: int | None
    ontvankelijk: int | None
    niet_ontvankelijk: int | None
    onderwerpen: list[Telling]
    uitkomsten: list[Telling]
    uitkomst_niet_vermeld: int | None


@dataclass(frozen=True)
class Cif:
    meldingen: int | None  # None: not entered for the year
    categorieen: list[Telling]
    niet_toegewezen: int | None  # meldingen without a category


@dataclass(frozen=True)
class Nevenwerkzaamheden:
    rijen: list[dict]  # {"label", "onderdeel", "aantal"} per registering organisation
    totaal: Aantal


@dataclass(frozen=True)
class Kerncijfers:
    """`cijfers["kerncijfers"]`: what is entered per year, and the register of vertrouwenspersonen."""

    ingevoerd: bool
    medewerkers: Medewerkers
    klachtencommissie: Klachtencommissie
    cif: Cif
    nevenwerkzaamheden: Nevenwerkzaamheden
    register: dict | None

    @classmethod
    def uit(cls, cijfers: dict) -> Self:
        kern = cijfers.get("kerncijfers") or {}
        medewerkers = kern.get("medewerkers") or {}
        koo = kern.get("klachtencommissie") or {}
        cif = kern.get("cif") or {}
        neven = kern.get("nevenwerkzaamheden") or {}
        return cls(
            ingevoerd=bool(kern.get("ingevoerd")),
            medewerkers=Medewerkers(
                totaal=medewerkers.get("totaal"), niet_betrokken=medewerkers.get("niet_betrokken")
            ),
            klachtencommissie=Klachtencommissie(
                ontvangen=koo.get("ontvangen"),
                ontvankelijk=koo.get("ontvankelijk"),
                niet_ontvankelijk=koo.get("niet_ontvankelijk"),
                onderwerpen=koo.get("onderwerpen") or [],
                uitkomsten=koo.get("uitkomsten") or [],
                uitkomst_niet_vermeld=koo.get("uitkomst_niet_vermeld"),
            ),
            cif=Cif(
                meldingen=cif.get("meldingen"),
                categorieen=cif.get("categorieen") or [],
                niet_toegewezen=cif.get("niet_toegewezen"),
            ),
            nevenwerkzaamheden=Nevenwerkzaamheden(rijen=neven.get("rijen") or [], totaal=neven.get("totaal")),
            register=kern.get("register"),
        )
