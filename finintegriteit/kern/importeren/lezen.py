"""One reader for both imports: an Upload becomes a header and numbered rows of cell values.

Line numbers are the lines a person sees when opening the file: the header is line 1 (or the first
non-blank line), and in a CSV a record starting on line 7 is line 7 even when an earlier cell held
a line break. Blank rows are left out but still counted. Rows are produced lazily, so a check can
stream a large file, and the row limit is enforced while reading.
"""

import csv
import datetime
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings

from finintegriteit.kern.export import FORMULE_TEKENS
from finintegriteit.referentie.normalisatie import normaliseer

from . import berichten
from .bestand import Upload
from .fouten import BestandFout, Fout

# Our imports have at most a dozen columns; cells further right are not read at all. openpyxl would
# otherwise pad every row to the widest cell of the sheet (a single cell in column XFD makes each
# row 16,384 values long).
MAX_KOLOMMEN = 64


@dataclass
class Tabel:
    kop: list
    kopregel: int
    rijen: Iterator[tuple[int, list]]  # (line number, raw cell values), blank rows left out


def _leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def lees_tabel(upload: Upload, *, max_rijen: int | None = None) -> Tabel:
    """The header and a lazy iterator over the data rows; raises BestandFout (also while iterating)."""
    if not upload.inhoud.strip():
        raise BestandFout(berichten.LEEG)
    records = _xlsx_records(upload.inhoud) if upload.soort == "xlsx" else _csv_records(upload.inhoud)
    records = _begrensd(records, max_rijen or settings.IMPORT_MAX_RIJEN)
    try:
        kopregel, kop = next(records)
    except StopIteration:
        raise BestandFout(berichten.GEEN_KOPREGEL, regel=1) from None
    return Tabel(kop=kop, kopregel=kopregel, rijen=records)


def _begrensd(records: Iterator[tuple[int, list]], maximum: int) -> Iterator[tuple[int, list]]:
    aantal = 0
    for regel, cellen in records:
        if all(_leeg(cel) for cel in cellen):
            continue
        aantal += 1
        # The header is one of the records: up to `maximum` data rows are allowed.
        if aantal > maximum + 1:
            raise BestandFout(berichten.TE_VEEL_REGELS.format(maximum=f"{maximum:,}".replace(",", ".")))
        yield regel, cellen


def _scheidingsteken(eerste_regel: str) -> str:
    """Excel writes ';' in Dutch locales and ',' elsewhere; the header tells which one this file uses."""
    return ";" if eerste_regel.count(";") > eerste_regel.count(",") else ","


def _csv_records(inhoud: bytes) -> Iterator[tuple[int, list]]:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        regel = inhoud[: fout.start].count(b"\n") + 1
        raise BestandFout(berichten.ONLEESBARE_TEKST.format(regel=regel), regel=regel) from None
    eerste_regel = next((r for r in tekst.splitlines() if r.strip()), "")
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=_scheidingsteken(eerste_regel), strict=True)
    vorige_eind = 0
    while True:
        try:
            cellen = next(lezer)
        except StopIteration:
            return
        except csv.Error as fout:
            regel = vorige_eind + 1
            raise BestandFout(berichten.CSV_ONLEESBAAR.format(regel=regel, reden=fout), regel=regel) from None
        begin, vorige_eind = vorige_eind + 1, lezer.line_num
        yield begin, cellen[:MAX_KOLOMMEN]


def _xlsx_records(inhoud: bytes) -> Iterator[tuple[int, list]]:
    import openpyxl

    # Read-only mode streams the sheet; bestand.controleer_werkmap has already bounded every part.
    try:
        werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True, keep_links=False)
    except Exception:  # noqa: BLE001 - any corrupt workbook is the user's file problem, not ours
        raise BestandFout(berichten.EXCEL_ONLEESBAAR) from None
    try:
        blad = _het_werkblad(werkmap)
        for regel, waarden in enumerate(blad.iter_rows(values_only=True, max_col=MAX_KOLOMMEN), start=1):
            yield regel, list(waarden)
    except BestandFout:
        raise
    except Exception:  # noqa: BLE001 - a malformed sheet (bad XML, bad cell type) is the file's problem
        raise BestandFout(berichten.EXCEL_ONLEESBAAR) from None
    finally:
        werkmap.close()


def _het_werkblad(werkmap):
    """The first visible sheet. A hidden sheet (an old copy) is never read. Another visible sheet with
    the same header (a tab per year) is refused by name, for its rows would be left out without a word;
    a sheet with other content (our templates' explanation and allowed values) is not read."""
    zichtbaar = [blad for blad in werkmap.worksheets if blad.sheet_state == "visible"]
    for blad in zichtbaar:
        # The <dimension> a file declares is not trusted: 'A1:XFD1048576' would pad every row.
        blad.reset_dimensions()
    if not zichtbaar:
        raise BestandFout(berichten.EXCEL_GEEN_BLAD)
    blad, *andere = zichtbaar
    kop = _kopregel(blad)
    zelfde = [ander for ander in andere if kop and _kopregel(ander) == kop]
    if zelfde:
        namen = ", ".join(f"‘{b.title}’" for b in [blad, *zelfde])
        raise BestandFout(berichten.EXCEL_MEER_BLADEN.format(bladen=namen))
    return blad


def _kopregel(blad) -> tuple[str, ...]:
    """The column names of the sheet's first row with a value; stops there, so a sheet is not read twice."""
    for waarden in blad.iter_rows(values_only=True, max_col=MAX_KOLOMMEN):
        namen = tuple(kolomnaam(waarde) for waarde in waarden if waarde not in (None, ""))
        if namen:
            return namen
    return ()


# --- Cells ---------------------------------------------------------------------------------------


def celtekst(waarde) -> str:
    """A cell as the text a person sees (dates as jjjj-mm-dd); None is ''.

    Our own templates and exports write an apostrophe before text that looks like a formula ('-Douane'
    for a label '-Douane'); it is undone here, for every import alike.
    """
    if waarde is None:
        return ""
    if isinstance(waarde, str):
        kaal = waarde.strip()
        if kaal.startswith("'") and kaal[1:].startswith(FORMULE_TEKENS):
            return kaal[1:]
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, datetime.datetime | datetime.date):
        return waarde.isoformat()
    return str(waarde)


def celwaarde(waarde):
    """A cell as stripped text, or as a date when the spreadsheet holds a real date."""
    if isinstance(waarde, datetime.datetime):
        return waarde.date()
    if isinstance(waarde, datetime.date):
        return waarde
    return celtekst(waarde).strip()


# --- The header -----------------------------------------------------------------------------------


def kolomnaam(kop) -> str:
    """'Ontvangen op', ' ONTVANGEN_OP' and 'ontvangen-op' all name the column ontvangen_op."""
    return re.sub(r"[\s\-]+", "_", normaliseer(celtekst(kop)))


@dataclass
class Kolommen:
    """Where each expected column is in the file, after a header without errors."""

    posities: dict[str, int]
    breedte: int

    def rij(self, regel: int, cellen: list, *, cel=celtekst) -> tuple[dict, list[Fout]]:
        """The row as {column: value} (missing cells empty), and an error per value outside the header."""
        waarden = {naam: cel(cellen[p] if p < len(cellen) else None) for naam, p in self.posities.items()}
        fouten = [
            Fout(
                regel,
                f"kolom {p + 1}",
                celtekst(cellen[p]),
                berichten.WAARDE_ZONDER_KOLOM.format(nummer=p + 1),
            )
            for p in range(self.breedte, len(cellen))
            if not _leeg(cellen[p])
        ]
        return waarden, fouten


def kop_controleren(
    kop: list, *, kolommen: tuple[str, ...], kopregel: int = 1
) -> tuple[Kolommen, list[Fout]]:
    """Check the header against the expected columns: each exactly once, nothing unknown, none unnamed."""
    fouten: list[Fout] = []
    posities: dict[str, int] = {}
    laatste = max((i for i, k in enumerate(kop) if not _leeg(k)), default=-1)
    for positie, ruw in enumerate(kop[: laatste + 1]):
        tekst = celtekst(ruw).strip()
        naam = kolomnaam(ruw)
        if naam in posities:
            fouten.append(Fout(kopregel, naam, tekst, berichten.KOLOM_DUBBEL.format(kolom=naam), kolommen))
        elif not naam:
            nummer = positie + 1
            fouten.append(
                Fout(kopregel, f"kolom {nummer}", "", berichten.KOLOM_ZONDER_NAAM.format(nummer=nummer))
            )
        elif naam not in kolommen:
            fouten.append(
                Fout(kopregel, tekst, tekst, berichten.KOLOM_ONBEKEND.format(kolom=tekst), kolommen)
            )
        else:
            posities[naam] = positie
    if len(posities) * 2 < len(kolommen):
        # Most columns missing: another file (a Tellijst in the register import), not a header to mend
        # column by column. One message instead of one per column.
        melding = berichten.ANDER_BESTAND.format(gevonden=len(posities), verwacht=len(kolommen))
        return Kolommen(posities, laatste + 1), [Fout(kopregel, "kopregel", "", melding, kolommen)]
    for naam in kolommen:
        if naam not in posities:
            fouten.append(Fout(kopregel, naam, "", berichten.KOLOM_ONTBREEKT.format(kolom=naam), kolommen))
    return Kolommen(posities, laatste + 1), fouten
