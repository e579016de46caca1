"""One dashboard table as an .xlsx workbook: numbers stay numbers, text can never run as a formula."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from finintegriteit.kern.export import veilige_rij

from .tabellen import AANTAL, PROCENT, Tabel

MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KOP_VULLING = PatternFill("solid", fgColor="154273")
KOP_LETTER = Font(bold=True, color="FFFFFF")
VET = Font(bold=True)


def _celwaarde(waarde, soort: str):
    if soort == PROCENT and isinstance(waarde, int | float) and not isinstance(waarde, bool):
        return waarde / 100
    return waarde


def werkmap(tabel: Tabel, *, jaar: int, onderdeel=None) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = tabel.sleutel[:31]
    scope = onderdeel.label if onderdeel is not None else "Ministerie van Financiën"
    # Titles such as Bijlage 2's already end in the year; a second one read 'Overzicht … 2024 — … 2024'.
    jaartal = "" if str(jaar) in tabel.titel else f" {jaar}"
    blad.append(veilige_rij([f"{tabel.titel} — {scope}{jaartal}"]))
    blad["A1"].font = Font(bold=True, size=12)
    blad.append([])
    blad.append(veilige_rij([tabel.eerste_kolom, *tabel.kolommen]))
    for cel in blad[3]:
        cel.fill, cel.font = KOP_VULLING, KOP_LETTER
    for rij in tabel.rijen:
        waarden = [_celwaarde(w, s) for w, s in zip(rij.waarden, tabel.kolomsoorten, strict=False)]
        label = ("    " + rij.label) if rij.soort == "sub" else rij.label
        blad.append(veilige_rij([label, *waarden]))
        regel = blad.max_row
        for kolom, soort in enumerate(tabel.kolomsoorten, start=2):
            cel = blad.cell(row=regel, column=kolom)
            if soort == PROCENT:
                cel.number_format = "0%"
            elif soort == AANTAL:
                cel.number_format = "#,##0"
                cel.alignment = Alignment(horizontal="right")
        if rij.soort in ("groep", "totaal"):
            for cel in blad[regel]:
                cel.font = VET
    for voetnoot in tabel.voetnoten:
        blad.append([])
        blad.append(veilige_rij([voetnoot]))
    blad.column_dimensions["A"].width = min(
        max(len(tabel.eerste_kolom), *(len(r.label) for r in tabel.rijen), 12) + 4, 90
    )
    for kolom in range(2, len(tabel.kolommen) + 2):
        blad.column_dimensions[get_column_letter(kolom)].width = (
            16 if tabel.kolomsoorten[kolom - 2] != "tekst" else 45
        )
    blad.freeze_panes = "B4"
    uitvoer = BytesIO()
    boek.save(uitvoer)
    return uitvoer.getvalue()
