"""The rules of one register row: required columns, dates, labels of the year, ja/nee, afdoening.

`Taxonomie` reads the five tables once (one query each); after that a row costs no queries.
"""

import datetime
import re
from dataclasses import dataclass, field

from finintegriteit.kern.importeren import Fout
from finintegriteit.kern.importeren.berichten import BEDOELDE_U, VOORBEELDREGEL
from finintegriteit.referentie import models as ref
from finintegriteit.referentie.normalisatie import normaliseer
from finintegriteit.referentie.selectors import LabelZoeker
from meldingen.models import Melding
from meldingen.nummering import meldingsnummer
from meldingen.services.status import ONDERZOEK_PER_STATUS

from ..anonimisering import persoonsgegevens_in
from ..models import Afdoening

MAX_INHOUD = Afdoening._meta.get_field("inhoud").max_length

VERPLICHT = "Vul {kolom} in."
ONBEKENDE_WAARDE = "Onbekende waarde voor {kolom}."
NIET_IN_GEBRUIK = "'{label}' was in {jaar} niet in gebruik."
DATUM_ONGELDIG = "Geen geldige datum."
DATUM_IN_TOEKOMST = "De datum ligt in de toekomst."
DATUM_VOOR_ONTVANGST = "De datum van afdoening ligt vóór ontvangen_op ({datum})."
JA_NEE = "Vul ja of nee in."
NUMMER_ONGELDIG = "Geen geldig meldingsnummer."
# A melding is numbered in the year it came in (as the registration in the system does it).
NUMMER_ANDER_JAAR = (
    "Het meldingsnummer hoort bij {nummerjaar}, maar de melding is ontvangen in {jaar}. Een melding krijgt "
    "een nummer van het jaar van ontvangst: controleer ontvangen_op, of laat het nummer leeg voor een nieuw."
)
NUMMER_BESTAAT = (
    "Meldingsnummer {nummer} bestaat al in de registratie. Een import voegt alleen nieuwe meldingen toe: "
    "haal deze melding uit het bestand."
)
AFWIJKEND = (
    "Wijkt af van regel {regel}, de eerste regel van melding {nummer} ('{waarde}'). De gegevens van "
    "de melding moeten op elke regel van die melding gelijk zijn."
)
AFDOENING_ONVOLLEDIG = (
    "Vul schending, inhoud, afdoening en datum_afdoening alle vier in (afgedaan) of laat ze alle vier "
    "leeg (zaak loopt nog)."
)
ONDERZOEK_ONTBREEKT = (
    "Vul onderzoek in: een betrokkene met een afdoening heeft altijd een type onderzoek "
    "(ook 'Geen onderzoek')."
)
# The inhoud of the template's example row: a row with this text is the example, left in by mistake.
VOORBEELD_INHOUD = "Voorbeeldregel: vervang deze regel door echte gegevens of verwijder haar."
INHOUD_TE_LANG = "De inhoud is {lengte} tekens lang; het maximum is {maximum}."

TOEGESTAAN_DATUM = ("dd-mm-jjjj", "jjjj-mm-dd")
TOEGESTAAN_JA_NEE = ("ja", "nee")
TOEGESTAAN_NUMMER = ("OIF-JJJJ-NNNN (bijv. OIF-2024-0001)", "leeg voor een nieuw nummer")

MELDINGKOLOMMEN = ("ontvangen_op", "melder", "onderwerp", "klokkenluidersmelding", "onderzoek")
AFDOENINGKOLOMMEN = ("schending", "inhoud", "afdoening", "datum_afdoening")

_NUMMER = re.compile(r"OIF-(\d{4})-(\d{1,6})", re.IGNORECASE)
_DATUM_NL = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_DATUM_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?")

# The status an open melding gets from its onderzoek type: the inverse of the meldingen status flow.
STATUS_BIJ_ONDERZOEK = {code: status for status, code in ONDERZOEK_PER_STATUS.items()}


class Taxonomie:
    """The five tables the register uses, one query each, matched by any recorded spelling."""

    KOLOM_MODEL = {
        "melder": ref.MelderType,
        "onderwerp": ref.SchendingSoort,
        "schending": ref.SchendingSoort,
        "onderzoek": ref.OnderzoekType,
        "dienstonderdeel": ref.Onderdeel,
        "afdoening": ref.AfdoeningType,
    }

    def __init__(self):
        self._zoekers = {model: LabelZoeker(model) for model in set(self.KOLOM_MODEL.values())}
        self._toegestaan: dict[tuple, tuple[str, ...]] = {}

    def zoeker(self, kolom: str) -> LabelZoeker:
        return self._zoekers[self.KOLOM_MODEL[kolom]]

    def toegestaan(self, kolom: str, jaar: int | None) -> tuple[str, ...]:
        sleutel = (kolom, jaar)
        if sleutel not in self._toegestaan:
            self._toegestaan[sleutel] = tuple(o.label for o in self.zoeker(kolom).opties(jaar=jaar))
        return self._toegestaan[sleutel]


@dataclass
class AfdoeningInvoer:
    schending: ref.SchendingSoort
    type: ref.AfdoeningType
    datum: datetime.date
    inhoud: str


@dataclass
class BetrokkeneInvoer:
    regel: int
    dienstonderdeel: ref.Onderdeel
    afdoening: AfdoeningInvoer | None


@dataclass
class MeldingInvoer:
    regel: int
    nummer: str  # '' when the import hands out a new number
    ontvangen_op: datetime.date
    melder_type: ref.MelderType
    onderwerp: ref.SchendingSoort
    klokkenluidersmelding: bool
    onderzoek_type: ref.OnderzoekType | None
    dienstonderdeel: ref.Onderdeel
    betrokkenen: list[BetrokkeneInvoer] = field(default_factory=list)

    @property
    def afgedaan(self) -> bool:
        return all(b.afdoening is not None for b in self.betrokkenen)

    @property
    def status(self) -> str:
        if self.afgedaan:
            return Melding.Status.AFGEDAAN
        if self.onderzoek_type is None:
            return Melding.Status.IN_BEOORDELING
        return STATUS_BIJ_ONDERZOEK.get(self.onderzoek_type.code, Melding.Status.IN_BEOORDELING)

    @property
    def afgedaan_op(self) -> datetime.date | None:
        return max(b.afdoening.datum for b in self.betrokkenen) if self.afgedaan else None

    @property
    def jaar_en_volgnummer(self) -> tuple[int, int] | None:
        if not self.nummer:
            return None
        jaar, volgnummer = self.nummer[4:].split("-")
        return int(jaar), int(volgnummer)


@dataclass
class Register:
    """What an import creates (`meldingen`: the ones without errors) and the counts of the whole file."""

    meldingen: list[MeldingInvoer]
    telling: dict[str, int] = field(default_factory=dict)
    jaren: dict[int, int] = field(default_factory=dict)

    def aantallen(self) -> dict[str, int]:
        return dict(self.telling)

    def per_jaar(self) -> dict[int, int]:
        return dict(self.jaren)


def lees_datum(waarde) -> datetime.date:
    """dd-mm-jjjj or jjjj-mm-dd (day and month may have one digit), or a real spreadsheet date."""
    if isinstance(waarde, datetime.date):
        return waarde
    tekst = str(waarde).strip()
    if m := _DATUM_NL.fullmatch(tekst):
        dag, maand, jaar = m.groups()
    elif m := _DATUM_ISO.fullmatch(tekst):
        jaar, maand, dag = m.groups()
    else:
        raise ValueError(tekst)
    return datetime.date(int(jaar), int(maand), int(dag))


def canoniek_nummer(waarde: str) -> str:
    """'oif-2024-12' -> 'OIF-2024-0012'; raises ValueError for anything that is not a case number."""
    m = _NUMMER.fullmatch(str(waarde).strip())
    if not m or int(m.group(2)) == 0:
        raise ValueError(waarde)
    return meldingsnummer(jaar=int(m.group(1)), volgnummer=int(m.group(2)))


def _tekst(waarde) -> str:
    if isinstance(waarde, datetime.date):
        return waarde.strftime("%d-%m-%Y")
    return str(waarde if waarde is not None else "").strip()


class _Rijcontrole:
    """Checks one row and collects its errors; the parsed values are None where a column failed."""

    def __init__(self, rij: dict, regel: int, taxonomie: Taxonomie, vandaag: datetime.date, fouten: list):
        self.rij, self.regel, self.taxonomie, self.vandaag, self.fouten = (
            rij,
            regel,
            taxonomie,
            vandaag,
            fouten,
        )
        self.ok = True

    def fout(self, kolom: str, melding: str, toegestaan: tuple[str, ...] = ()) -> None:
        self.ok = False
        self.fouten.append(Fout(self.regel, kolom, _tekst(self.rij.get(kolom)), melding, toegestaan))

    def leeg(self, kolom: str) -> bool:
        return _tekst(self.rij.get(kolom)) == ""

    def datum(self, kolom: str, *, verplicht: bool = True) -> datetime.date | None:
        if self.leeg(kolom):
            if verplicht:
                self.fout(kolom, VERPLICHT.format(kolom=kolom), TOEGESTAAN_DATUM)
            return None
        try:
            datum = lees_datum(self.rij[kolom])
        except ValueError:
            self.fout(kolom, DATUM_ONGELDIG, TOEGESTAAN_DATUM)
            return None
        if datum > self.vandaag:
            self.fout(kolom, DATUM_IN_TOEKOMST)
            return None
        return datum

    def optie(self, kolom: str, jaar: int | None, *, verplicht: bool = True):
        if self.leeg(kolom):
            if verplicht:
                self.fout(kolom, VERPLICHT.format(kolom=kolom), self.taxonomie.toegestaan(kolom, jaar))
            return None
        zoeker = self.taxonomie.zoeker(kolom)
        waarde = _tekst(self.rij[kolom])
        optie = zoeker.zoek(waarde, filter=(lambda o: o.in_gebruik(jaar)) if jaar else None)
        if optie is None:
            ergens = zoeker.zoek(waarde)
            if ergens is not None:
                self.fout(
                    kolom,
                    NIET_IN_GEBRUIK.format(label=ergens.label, jaar=jaar),
                    self.taxonomie.toegestaan(kolom, jaar),
                )
            else:
                melding = ONBEKENDE_WAARDE.format(kolom=kolom)
                if label := zoeker.suggestie(waarde, jaar=jaar):
                    melding += " " + BEDOELDE_U.format(label=label)
                self.fout(kolom, melding, self.taxonomie.toegestaan(kolom, jaar))
        return optie

    def ja_nee(self, kolom: str) -> bool | None:
        waarde = _tekst(self.rij.get(kolom)).casefold()
        if waarde in ("ja", "nee"):
            return waarde == "ja"
        self.fout(kolom, JA_NEE if waarde else VERPLICHT.format(kolom=kolom), TOEGESTAAN_JA_NEE)
        return None


def _controleer_rij(
    rij: dict, regel: int, taxonomie: Taxonomie, vandaag: datetime.date, fouten: list
) -> dict:
    c = _Rijcontrole(rij, regel, taxonomie, vandaag, fouten)
    nummer = ""
    if not c.leeg("meldingsnummer"):
        try:
            nummer = canoniek_nummer(_tekst(rij["meldingsnummer"]))
        except ValueError:
            c.fout("meldingsnummer", NUMMER_ONGELDIG, TOEGESTAAN_NUMMER)
    ontvangen_op = c.datum("ontvangen_op")
    jaar = ontvangen_op.year if ontvangen_op else None
    nummerjaar = int(_NUMMER.fullmatch(nummer).group(1)) if nummer else None
    if nummerjaar and jaar and nummerjaar != jaar:
        c.fout("meldingsnummer", NUMMER_ANDER_JAAR.format(nummerjaar=nummerjaar, jaar=jaar))
    waarden = {
        "nummer": nummer,
        "ontvangen_op": ontvangen_op,
        "melder_type": c.optie("melder", jaar),
        "onderwerp": c.optie("onderwerp", jaar),
        "klokkenluidersmelding": c.ja_nee("klokkenluidersmelding"),
        "onderzoek_type": c.optie("onderzoek", jaar, verplicht=False),
        "dienstonderdeel": c.optie("dienstonderdeel", jaar),
        "afdoening": None,
        "onderzoek_leeg": c.leeg("onderzoek"),
    }
    gevuld = [k for k in AFDOENINGKOLOMMEN if not c.leeg(k)]
    if gevuld and len(gevuld) < len(AFDOENINGKOLOMMEN):
        for kolom in AFDOENINGKOLOMMEN:
            if kolom not in gevuld:
                c.fout(kolom, AFDOENING_ONVOLLEDIG)
    elif gevuld:
        datum = c.datum("datum_afdoening")
        if datum and ontvangen_op and datum < ontvangen_op:
            c.fout("datum_afdoening", DATUM_VOOR_ONTVANGST.format(datum=ontvangen_op.strftime("%d-%m-%Y")))
        afdoeningsjaar = datum.year if datum else None
        schending = c.optie("schending", afdoeningsjaar)
        afdoening_type = c.optie("afdoening", afdoeningsjaar)
        inhoud = _tekst(rij["inhoud"])
        if normaliseer(inhoud) == normaliseer(VOORBEELD_INHOUD):
            c.fout("inhoud", VOORBEELDREGEL)
        if len(inhoud) > MAX_INHOUD:
            c.fout("inhoud", INHOUD_TE_LANG.format(lengte=len(inhoud), maximum=MAX_INHOUD))
        # The register names nobody, so only the generic checks (e-mail, long digit runs) apply.
        for probleem in persoonsgegevens_in(inhoud):
            c.fout("inhoud", probleem)
        if c.ok:
            waarden["afdoening"] = AfdoeningInvoer(schending, afdoening_type, datum, inhoud)
    waarden["heeft_afdoening"] = len(gevuld) == len(AFDOENINGKOLOMMEN)
    waarden["zonder_afdoening"] = not gevuld
    waarden["ok"] = c.ok
    return waarden
