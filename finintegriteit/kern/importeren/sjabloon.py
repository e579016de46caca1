"""Drop-down lists in a downloadable .xlsx template (openpyxl data validation)."""

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from finintegriteit.kern.export import veilige_cel

BLAD = "Keuzelijsten"
# Rows of the data sheet that get the drop-down (Excel stores the range, not one rule per cell).
TOT_REGEL = 10_000


def keuzelijsten(werkmap, blad, *, kolommen, lijsten: dict[str, list[str]]) -> None:
    """Put each column's values in a hidden sheet and a list validation on that column of `blad`.

    The list lives in cells, not in the rule itself: Excel limits an inline list to 255 characters.
    A value typed by hand that is not in the list gets a warning, not a refusal: the import checks it
    anyway, and accepts the spelling variants that the list does not show.
    """
    bron = werkmap.create_sheet(BLAD)
    bron.sheet_state = "hidden"
    for nummer, (kolom, waarden) in enumerate(lijsten.items(), start=1):
        letter = get_column_letter(nummer)
        bron.cell(row=1, column=nummer, value=kolom)
        for rij, waarde in enumerate(waarden, start=2):
            bron.cell(row=rij, column=nummer, value=veilige_cel(waarde))
        if not waarden:
            continue
        keuze = DataValidation(
            type="list",
            formula1=f"'{BLAD}'!${letter}$2:${letter}${len(waarden) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle="Onbekende waarde",
            error="Kies een waarde uit de lijst; de import controleert elke waarde.",
        )
        doel = get_column_letter(kolommen.index(kolom) + 1)
        keuze.add(f"{doel}2:{doel}{TOT_REGEL}")
        blad.add_data_validation(keuze)
