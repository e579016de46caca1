"""Valid Tellijst rows as an import file (.csv or .xlsx, with labels), for the import benchmark."""

import csv
import io

from vertrouwenspersonen.importeren.controle import KOLOMMEN

from .generator import adviesvragen_bouwen


def _cellen(rij) -> list:
    sub = rij.subcategorie.label
    return [
        rij.jaar,
        rij.kwartaal or "",
        rij.onderdeel.label,
        rij.hoofdcategorie.label,
        sub,
        rij.wie_betreft.label,
        rij.wijze_van_afdoening.label,
        rij.situatie.label,
        "" if rij.melder_is_beklaagde is None else ("ja" if rij.melder_is_beklaagde else "nee"),
        rij.get_evaluatielink_display(),
    ]


def tellijst_bestanden(
    *, aantal: int, jaren: list[int], seed: int = 7, tot=None
) -> tuple[list, bytes, bytes]:
    """(Adviesvraag objects, CSV bytes, XLSX bytes) with the same rows (`tot`: adviesvragen_bouwen)."""
    import openpyxl

    rijen = adviesvragen_bouwen(aantal=aantal, jaren=jaren, seed=seed, tot=tot)
    buffer = io.StringIO(newline="")
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerow(KOLOMMEN)
    werkmap = openpyxl.Workbook(write_only=True)
    blad = werkmap.create_sheet("Tellijst")
    blad.append(list(KOLOMMEN))
    for rij in rijen:
        cellen = _cellen(rij)
        schrijver.writerow(cellen)
        blad.append(cellen)
    xlsx = io.BytesIO()
    werkmap.save(xlsx)
    return rijen, buffer.getvalue().encode("utf-8"), xlsx.getvalue()
