"""From an uploaded .xlsx or .csv to a list of rows (dicts keyed by column name), with line numbers.

Line numbers are those a spreadsheet program shows: the header is line 1, the first data row line 2.
Blank rows are skipped but still counted, so a number always points at the right line of the file.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from finintegriteit.kern.export import FORMULE_TEKENS
from finintegriteit.kern.uploads import LEEG, ONBEKEND_FORMAAT, ONLEESBARE_TEKST
from finintegriteit.referentie.normalisatie import normaliseer

KOLOMMEN = (
    "meldingsnummer",
    "ontvangen_op",
    "melder",
    "onderwerp",
    "klokkenluidersmelding",
    "onderzoek",
    "dienstonderdeel",
    "schending",
    "inhoud",
    "afdoening",
    "datum_afdoening",
)
REGEL = "regel"

GEEN_REGELS = "Het bestand bevat geen regels onder de kopregel."
GEEN_KOPREGEL = "De eerste regel moet de kopregel zijn, met de kolomnamen."
ONLEESBARE_WERKMAP = "De Excel-werkmap kan niet worden gelezen. Sla haar opnieuw op als .xlsx."
ONLEESBARE_CSV = "De CSV kan niet worden gelezen op regel {regel}: {reden}."
KOLOM_ONTBREEKT = "Kolom '{kolom}' ontbreekt in de kopregel."
KOLOM_ONBEKEND = "Onbekende kolom '{kolom}'."
KOLOM_DUBBEL = "Kolom '{kolom}' staat meer dan eens in de kopregel."
WAARDE_ZONDER_KOLOM = "Deze regel heeft meer waarden dan de kopregel kolommen heeft."


@dataclass(frozen=True)
class Fout:
    """One problem in the file: the line (1 = header), the column, the value and what is allowed."""

    regel: int
    kolom: str
    waarde: str
    bericht: str
    toegestaan: str = ""

    def als_tekst(self) -> str:
        tekst = f"regel {self.regel}"
        if self.kolom:
            tekst += f", kolom {self.kolom}"
        if self.waarde:
            tekst += f" ('{self.waarde}')"
        tekst += f": {self.bericht}"
        if self.toegestaan:
            tekst += f" Toegestaan: {self.toegestaan}"
        return tekst


class BestandFout(ValueError):
    """The file as a whole cannot be read (not one of its lines)."""


def kolomnaam(kop) -> str:
    """'Ontvangen op', ' ONTVANGEN_OP' and 'ontvangen-op' all name the column ontvangen_op."""
    return re.sub(r"[\s\-]+", "_", normaliseer(str(kop or "")))


def celwaarde(waarde):
    """A cell as text, or as a date when the spreadsheet holds a real date."""
    if waarde is None:
        return ""
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, datetime.date):
        return waarde
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    tekst = str(waarde).strip()
    # Our own exports write a leading apostrophe before text that looks like a formula; undo it.
    if tekst.startswith("'") and tekst[1:].startswith(FORMULE_TEKENS):
        tekst = tekst[1:]
    return tekst


def _csv_regels(inhoud: bytes) -> list[tuple[int, list]]:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        raise BestandFout(ONLEESBARE_TEKST.format(regel=inhoud[: fout.start].count(b"\n") + 1)) from None
    eerste = next((regel for regel in tekst.splitlines() if regel.strip()), "")
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    try:
        return [(nummer, rij) for nummer, rij in enumerate(lezer, start=1)]
    except csv.Error as fout:
        raise BestandFout(ONLEESBARE_CSV.format(regel=lezer.line_num, reden=fout)) from None


def _xlsx_regels(inhoud: bytes) -> list[tuple[int, list]]:
    import openpyxl

    try:
        werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
        try:
            blad = werkmap.worksheets[0]
            return [
                (nummer, list(rij)) for nummer, rij in enumerate(blad.iter_rows(values_only=True), start=1)
            ]
        finally:
            werkmap.close()
    except Exception:  # noqa: BLE001 - any corrupt workbook is the user's file problem, not ours
        raise BestandFout(ONLEESBARE_WERKMAP) from None


def lees_register(inhoud: bytes, soort: str) -> tuple[list[dict], list[Fout]]:
    """The data rows of the file, each a dict of the eleven columns plus 'regel' (its line number).

    Raises BestandFout when the file cannot be read at all; problems with the header come back as
    errors on line 1 (and then no rows, because the columns cannot be trusted).
    """
    if not inhoud.strip():
        raise BestandFout(LEEG)
    if soort == "csv":
        regels = _csv_regels(inhoud)
    elif soort == "xlsx":
        regels = _xlsx_regels(inhoud)
    else:
        raise BestandFout(ONBEKEND_FORMAAT)
    regels = [(nummer, [celwaarde(c) for c in cellen]) for nummer, cellen in regels]
    if not regels or not any(regels[0][1]):
        raise BestandFout(LEEG if not any(any(c) for _, c in regels) else GEEN_KOPREGEL)
    _, kop = regels[0]
    kolommen = [kolomnaam(k) for k in kop]
    fouten = _kopfouten(kop, kolommen, regels[1:])
    if fouten:
        return [], fouten
    rijen = []
    for nummer, cellen in regels[1:]:
        if not any(cellen):
            continue
        if any(cellen[len(kolommen) :]):
            fouten.append(Fout(nummer, "", "", WAARDE_ZONDER_KOLOM))
            continue
        rij = {kolom: "" for kolom in KOLOMMEN}
        for kolom, waarde in zip(kolommen, cellen, strict=False):
            if kolom:
                rij[kolom] = waarde
        rij[REGEL] = nummer
        rijen.append(rij)
    if not rijen and not fouten:
        raise BestandFout(GEEN_REGELS)
    return rijen, fouten


def _kopfouten(kop: list, kolommen: list[str], data: list[tuple[int, list]]) -> list[Fout]:
    toegestaan = ", ".join(KOLOMMEN)
    fouten = []
    gezien = set()
    for positie, (origineel, kolom) in enumerate(zip(kop, kolommen, strict=True)):
        if not kolom:
            # An empty header cell is fine as long as nothing is written below it.
            if any(len(cellen) > positie and cellen[positie] for _, cellen in data):
                fouten.append(
                    Fout(1, f"kolom {positie + 1}", "", KOLOM_ONBEKEND.format(kolom=""), toegestaan)
                )
            continue
        if kolom not in KOLOMMEN:
            fouten.append(
                Fout(1, str(origineel), str(origineel), KOLOM_ONBEKEND.format(kolom=origineel), toegestaan)
            )
        elif kolom in gezien:
            fouten.append(Fout(1, kolom, str(origineel), KOLOM_DUBBEL.format(kolom=kolom)))
        gezien.add(kolom)
    for kolom in KOLOMMEN:
        if kolom not in gezien:
            fouten.append(Fout(1, kolom, "", KOLOM_ONTBREEKT.format(kolom=kolom), toegestaan))
    return fouten
