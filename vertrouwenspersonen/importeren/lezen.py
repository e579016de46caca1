"""Reading a Tellijst spreadsheet (.xlsx or .csv) into a header and numbered rows of text cells.

Line numbers are the lines a person sees when opening the file: the header is line 1, and in a CSV
a record starting on line 7 is line 7 even when an earlier cell contained a line break.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from finintegriteit.kern.uploads import Upload

EXCEL_ONLEESBAAR = "Het Excel-bestand kan niet worden gelezen. Sla het opnieuw op als Excel-werkmap (.xlsx)."
CSV_ONLEESBAAR = "Het CSV-bestand kan niet worden gelezen op regel {regel}: {reden}."
GEEN_KOPREGEL = "Het bestand heeft geen kopregel."


class LeesFout(ValueError):
    def __init__(self, melding: str, *, regel: int | None = None):
        super().__init__(melding)
        self.regel = regel


@dataclass
class Tabel:
    kop: list[str]
    kopregel: int
    rijen: Iterator[tuple[int, list[str]]]  # (line number, cells), blank lines left out


def lees_tabel(upload: Upload) -> Tabel:
    if upload.soort == "xlsx":
        return _lees_xlsx(upload.inhoud)
    return _lees_csv(upload.inhoud)


def _scheidingsteken(eerste_regel: str) -> str:
    """Excel writes ';' in Dutch locales and ',' elsewhere; the header tells which one this file uses."""
    return ";" if eerste_regel.count(";") > eerste_regel.count(",") else ","


def _lees_csv(inhoud: bytes) -> Tabel:
    tekst = inhoud.decode("utf-8-sig")  # lees_upload has already refused anything else
    eerste_regel = tekst.split("\n", 1)[0]
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=_scheidingsteken(eerste_regel), strict=True)

    def records() -> Iterator[tuple[int, list[str]]]:
        vorige_eind = 0
        while True:
            try:
                cellen = next(lezer)
            except StopIteration:
                return
            except csv.Error as fout:
                raise LeesFout(
                    CSV_ONLEESBAAR.format(regel=vorige_eind + 1, reden=fout), regel=vorige_eind + 1
                ) from None
            begin, vorige_eind = vorige_eind + 1, lezer.line_num
            if any(cel.strip() for cel in cellen):
                yield begin, cellen

    rijen = records()
    try:
        regel, kop = next(rijen)
    except StopIteration:
        raise LeesFout(GEEN_KOPREGEL, regel=1) from None
    return Tabel(kop=kop, kopregel=regel, rijen=rijen)


def _als_tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    if isinstance(waarde, datetime.datetime | datetime.date):
        return waarde.isoformat()
    return str(waarde)


def _lees_xlsx(inhoud: bytes) -> Tabel:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
        blad = werkmap.worksheets[0]
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, IndexError, OSError):
        raise LeesFout(EXCEL_ONLEESBAAR) from None

    def records() -> Iterator[tuple[int, list[str]]]:
        try:
            for regel, waarden in enumerate(blad.iter_rows(values_only=True), start=1):
                cellen = [_als_tekst(w) for w in waarden]
                if any(cel.strip() for cel in cellen):
                    yield regel, cellen
        except (KeyError, ValueError, zipfile.BadZipFile, OSError):
            raise LeesFout(EXCEL_ONLEESBAAR) from None
        finally:
            werkmap.close()

    rijen = records()
    try:
        regel, kop = next(rijen)
    except StopIteration:
        raise LeesFout(GEEN_KOPREGEL, regel=1) from None
    return Tabel(kop=kop, kopregel=regel, rijen=rijen)
