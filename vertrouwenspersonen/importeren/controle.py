"""Checking a Tellijst spreadsheet: a pure function from (header, rows) to valid rows and errors.

`Opzoektabellen.laden()` reads each taxonomy table once; after that checking costs no queries, so a
year's Tellijst (or 100,000 rows) is checked in memory and then stored with one bulk insert.
Every error names the line (header = line 1), the column, the value and the values allowed there.
"""

import datetime
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from finintegriteit.kern.importeren import Fout, kop_controleren
from finintegriteit.kern.importeren.berichten import BEDOELDE_U, GEEN_REGELS, ONBEKENDE_WAARDE, VOORBEELDREGEL
from finintegriteit.referentie.normalisatie import normaliseer
from finintegriteit.referentie.selectors import LabelZoeker

from .. import regels
from ..models import OPTIEMODELLEN, Adviesvraag

KOLOMMEN = (
    "jaar",
    "kwartaal",
    "onderdeel",
    "hoofdcategorie",
    "subcategorie",
    "wie_betreft_de_melding",
    "wijze_van_afdoening",
    "situatie_na_interventie",
    "melder_is_beklaagde",
    "evaluatielink",
)
# Column in the file -> field of Adviesvraag, for the six option columns.
OPTIEKOLOMMEN = {
    "onderdeel": "onderdeel",
    "hoofdcategorie": "hoofdcategorie",
    "subcategorie": "subcategorie",
    "wie_betreft_de_melding": "wie_betreft",
    "wijze_van_afdoening": "wijze_van_afdoening",
    "situatie_na_interventie": "situatie",
}
VELD_NAAR_KOLOM = {"jaar": "jaar", "kwartaal": "kwartaal", "melder_is_beklaagde": "melder_is_beklaagde"} | {
    veld: kolom for kolom, veld in OPTIEKOLOMMEN.items()
}

ONBEKENDE_WAARDE_IN_HOOFDCATEGORIE = "Onbekende subcategorie binnen de hoofdcategorie '{hoofdcategorie}'."
JA_NEE_ONGELDIG = "Vul 'ja' of 'nee' in, of laat de cel leeg."
EVALUATIELINK_ONGELDIG = "Onbekende waarde voor de evaluatielink."
GEEN_RIJEN = GEEN_REGELS.format(wat="adviesvragen")
# In the evaluatielink cell of the template's example row (not a value any real row can have).
VOORBEELD_MARKERING = "VOORBEELD - verwijder deze regel"

JA = {"ja", "j", "yes", "y", "waar", "true", "1"}
NEE = {"nee", "n", "no", "onwaar", "false", "0"}
LEEG_TOEGESTAAN = "(leeg)"
KWARTAAL = re.compile(r"^(?:[qk]\s*)?([1-4])(?:e)?(?:\s*kwartaal)?$")
EVALUATIELINK = {
    normaliseer(spelling): waarde
    for waarde, label in Adviesvraag.Evaluatielink.choices
    for spelling in (label, waarde, waarde.replace("_", " "))
}


@dataclass
class Controle:
    """The outcome of checking a file: counts, and the reasons not to store any row.

    The rows themselves are not kept: they go to `opslaan` block by block (see controleer_tellijst),
    so a file of 200,000 rows never sits in memory as 200,000 rows.
    """

    fouten: list[Fout] = field(default_factory=list)
    aantal_rijen: int = 0
    aantal_in_orde: int = 0
    per_jaar: Counter = field(default_factory=Counter)
    aantal_open: int = 0

    @property
    def in_orde(self) -> bool:
        return not self.fouten and self.aantal_in_orde > 0

    @property
    def aantallen_per_jaar(self) -> list[tuple[int, int]]:
        return sorted(self.per_jaar.items())

    @property
    def rijen_met_fouten(self) -> int:
        return self.aantal_rijen - self.aantal_in_orde

    @property
    def aantal_gesloten(self) -> int:
        return self.aantal_in_orde - self.aantal_open


class Opzoektabellen:
    """Every option of the six Tellijst tables, read with one query per table."""

    def __init__(self, opties: dict[str, list]):
        self.opties = opties
        self.zoekers = {
            veld: LabelZoeker(OPTIEMODELLEN[veld], queryset=lijst) for veld, lijst in opties.items()
        }
        self.eerste_jaar = min((o.eerste_jaar for o in opties["hoofdcategorie"]), default=2000)
        self._toegestaan: dict[tuple, tuple[str, ...]] = {}
        self._voorbeelden: dict[int, dict[str, str]] = {}

    @classmethod
    def laden(cls) -> "Opzoektabellen":
        return cls({veld: list(model.objects.all()) for veld, model in OPTIEMODELLEN.items()})

    def toegestaan(self, veld: str, jaar: int | None, *, hoofdcategorie=None) -> tuple[str, ...]:
        """Labels allowed in a column in a year (any year when unknown); subcategorieën per hoofdcategorie."""
        sleutel = (veld, jaar, hoofdcategorie.pk if hoofdcategorie else None)
        if sleutel not in self._toegestaan:
            self._toegestaan[sleutel] = tuple(
                o.label
                for o in self.opties[veld]
                if (jaar is None or o.in_gebruik(jaar))
                and (hoofdcategorie is None or o.hoofdcategorie_id == hoofdcategorie.pk)
            )
        return self._toegestaan[sleutel]

    def voorbeeldrij(self, jaar: int) -> dict[str, str]:
        """The template's example row for `jaar`: the first option of each column in use that year."""
        if jaar not in self._voorbeelden:
            hoofd = next((o for o in self.opties["hoofdcategorie"] if o.in_gebruik(jaar)), None)
            rij = {"jaar": str(jaar), "kwartaal": "1", "melder_is_beklaagde": ""}
            for kolom, veld in OPTIEKOLOMMEN.items():
                labels = self.toegestaan(veld, jaar, hoofdcategorie=hoofd if veld == "subcategorie" else None)
                rij[kolom] = labels[0] if labels else ""
            # The marker makes the example recognisable: its other values may equal a real row's.
            rij["evaluatielink"] = VOORBEELD_MARKERING
            self._voorbeelden[jaar] = rij
        return self._voorbeelden[jaar]

    @staticmethod
    def is_voorbeeldrij(cel: dict[str, str]) -> bool:
        """Is this row the template's example row, left in by mistake? It must never be counted."""
        return normaliseer(cel.get("evaluatielink", "")) == normaliseer(VOORBEELD_MARKERING)


class _Rijcontrole:
    """Checks one row at a time; lookups of a spelling are remembered, since a file repeats few values."""

    def __init__(self, tabellen: Opzoektabellen, vandaag: datetime.date):
        self.tabellen = tabellen
        self.vandaag = vandaag
        self._gevonden: dict[tuple, object] = {}

    def zoek(self, veld: str, waarde: str, hoofdcategorie=None):
        sleutel = (veld, waarde, hoofdcategorie.pk if hoofdcategorie else None)
        if sleutel not in self._gevonden:
            filter_ = (lambda o: o.hoofdcategorie_id == hoofdcategorie.pk) if hoofdcategorie else None
            self._gevonden[sleutel] = self.tabellen.zoekers[veld].zoek(waarde, filter=filter_)
        return self._gevonden[sleutel]

    def __call__(self, regel: int, cel: dict[str, str]) -> tuple[dict | None, list[Fout]]:
        fouten: list[Fout] = []

        def fout(kolom, melding, toegestaan=()):
            fouten.append(Fout(regel, kolom, cel[kolom], melding, tuple(toegestaan)))

        jaar = self._jaar(cel["jaar"], fout)
        kwartaal = self._kwartaal(cel["kwartaal"], fout)
        opties = {}
        for kolom, veld in OPTIEKOLOMMEN.items():
            waarde = cel[kolom].strip()
            hoofd = opties.get("hoofdcategorie") if veld == "subcategorie" else None
            if not waarde:
                fout(kolom, regels.VERPLICHT, self.tabellen.toegestaan(veld, jaar, hoofdcategorie=hoofd))
                continue
            optie = self.zoek(veld, waarde, hoofd)
            if optie is None and hoofd is not None and self.zoek(veld, waarde) is not None:
                melding = ONBEKENDE_WAARDE_IN_HOOFDCATEGORIE.format(hoofdcategorie=hoofd.label)
                fout(kolom, melding, self.tabellen.toegestaan(veld, jaar, hoofdcategorie=hoofd))
            elif optie is None and veld == "subcategorie" and "hoofdcategorie" not in opties:
                # Without a valid hoofdcategorie a shared label like 'Overig' cannot be placed; that
                # error is already reported, an unknown spelling is not.
                if self.zoek(veld, waarde) is None:
                    fout(kolom, self._onbekend(veld, waarde, jaar), self.tabellen.toegestaan(veld, jaar))
            elif optie is None:
                fout(
                    kolom,
                    self._onbekend(veld, waarde, jaar, hoofd),
                    self.tabellen.toegestaan(veld, jaar, hoofdcategorie=hoofd),
                )
            else:
                opties[veld] = optie
        beklaagde = self._ja_nee(cel["melder_is_beklaagde"], fout)
        evaluatielink = self._evaluatielink(cel["evaluatielink"], fout)
        if jaar is not None:
            regelfouten = regels.fouten_in_rij(
                jaar=jaar,
                kwartaal=kwartaal,
                melder_is_beklaagde=beklaagde,
                eerste_jaar=self.tabellen.eerste_jaar,
                vandaag=self.vandaag,
                **opties,
            )
            for veld, melding in regelfouten.items():
                kolom = VELD_NAAR_KOLOM[veld]
                if veld in OPTIEMODELLEN:
                    hoofd = opties.get("hoofdcategorie") if veld == "subcategorie" else None
                    fout(kolom, melding, self.tabellen.toegestaan(veld, jaar, hoofdcategorie=hoofd))
                elif veld == "kwartaal":
                    fout(kolom, melding, ("1", "2", "3", "4", LEEG_TOEGESTAAN))
                elif veld == "melder_is_beklaagde":
                    fout(kolom, melding, (LEEG_TOEGESTAAN,))
                else:
                    fout(kolom, melding)
        if fouten:
            return None, fouten
        return {
            "jaar": jaar,
            "kwartaal": kwartaal,
            **{f"{veld}_id": optie.pk for veld, optie in opties.items()},
            "melder_is_beklaagde": beklaagde,
            "evaluatielink": evaluatielink,
            "_open": opties["wijze_van_afdoening"].loopt_nog,
        }, []

    def _onbekend(self, veld: str, waarde: str, jaar: int | None, hoofdcategorie=None) -> str:
        """'Onbekende waarde.', with the label the value most likely means when one is close."""
        filter_ = (lambda o: o.hoofdcategorie_id == hoofdcategorie.pk) if hoofdcategorie else None
        label = self.tabellen.zoekers[veld].suggestie(waarde, jaar=jaar, filter=filter_)
        return f"{ONBEKENDE_WAARDE} {BEDOELDE_U.format(label=label)}" if label else ONBEKENDE_WAARDE

    def _jaar(self, waarde: str, fout) -> int | None:
        waarde = waarde.strip()
        if not waarde:
            fout("jaar", regels.VERPLICHT)
            return None
        if not re.fullmatch(r"\d{4}", waarde):
            fout("jaar", regels.JAAR_ONGELDIG.format(voorbeeld=self.vandaag.year))
            return None
        return int(waarde)

    def _kwartaal(self, waarde: str, fout) -> int | None:
        gevonden = KWARTAAL.match(normaliseer(waarde)) if waarde.strip() else None
        if waarde.strip() and not gevonden:
            fout("kwartaal", regels.KWARTAAL_ONGELDIG, ("1", "2", "3", "4", LEEG_TOEGESTAAN))
        return int(gevonden.group(1)) if gevonden else None

    def _ja_nee(self, waarde: str, fout) -> bool | None:
        sleutel = normaliseer(waarde)
        if not sleutel:
            return None
        if sleutel in JA or sleutel in NEE:
            return sleutel in JA
        fout("melder_is_beklaagde", JA_NEE_ONGELDIG, ("ja", "nee", LEEG_TOEGESTAAN))
        return None

    def _evaluatielink(self, waarde: str, fout) -> str:
        sleutel = normaliseer(waarde)
        if not sleutel:
            return Adviesvraag.Evaluatielink.NIET_AANGEGEVEN
        if sleutel not in EVALUATIELINK:
            fout(
                "evaluatielink", EVALUATIELINK_ONGELDIG, (*Adviesvraag.Evaluatielink.labels, LEEG_TOEGESTAAN)
            )
            return Adviesvraag.Evaluatielink.NIET_AANGEGEVEN
        return EVALUATIELINK[sleutel]


def controleer_tellijst(
    kop: list[str],
    rijen: Iterable[tuple[int, list[str]]],
    *,
    tabellen: Opzoektabellen,
    vandaag: datetime.date,
    kopregel: int = 1,
    opslaan: Callable[[list[dict]], None] | None = None,
    blokgrootte: int = 2000,
) -> Controle:
    """Check a whole Tellijst: counts and every error found.

    While no row has failed, the rows that passed go to `opslaan` in blocks of `blokgrootte` (as
    keyword arguments for Adviesvraag). After the first error nothing more is passed on, so the
    caller must discard what it stored when the outcome is not in orde (the import's transaction
    is rolled back). Without `opslaan` the rows are only counted.
    """
    controle = Controle()
    kolommen, kopfouten = kop_controleren(kop, kolommen=KOLOMMEN, kopregel=kopregel)
    if kopfouten:
        controle.fouten = kopfouten
        return controle
    controleer_rij = _Rijcontrole(tabellen, vandaag)
    blok: list[dict] = []
    for regel, cellen in rijen:
        controle.aantal_rijen += 1
        cel, fouten = kolommen.rij(regel, cellen)
        if tabellen.is_voorbeeldrij(cel):
            controle.fouten.append(Fout(regel, None, "", VOORBEELDREGEL))
            continue
        rij, rijfouten = controleer_rij(regel, cel)
        fouten += rijfouten
        if fouten:
            controle.fouten.extend(fouten)
            continue
        controle.aantal_in_orde += 1
        controle.aantal_open += rij.pop("_open")
        controle.per_jaar[rij["jaar"]] += 1
        # Once any row fails nothing will be stored: keep counting, stop passing rows on.
        if opslaan is not None and not controle.fouten:
            blok.append(rij)
            if len(blok) >= blokgrootte:
                opslaan(blok)
                blok = []
    if controle.aantal_rijen == 0:
        controle.fouten.append(Fout(None, None, "", GEEN_RIJEN))
    if blok and not controle.fouten:
        opslaan(blok)
    return controle
