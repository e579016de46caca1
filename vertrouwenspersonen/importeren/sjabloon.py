"""The downloadable template: the header row and an example row (refused if it is left in), and in the
.xlsx drop-down lists with the labels of the year and a sheet with every allowed value."""

import csv
import io

from django.utils import timezone

from finintegriteit.kern.export import veilige_rij
from finintegriteit.kern.importeren.sjabloon import keuzelijsten

from ..models import Adviesvraag
from ..regels import eerste_open_jaar
from .controle import KOLOMMEN, LEEG_TOEGESTAAN, OPTIEKOLOMMEN, Opzoektabellen


def _voorbeeld(jaar: int, tabellen: Opzoektabellen) -> list[str]:
    rij = tabellen.voorbeeldrij(jaar)
    return [rij[k] for k in KOLOMMEN]


def sjabloon_csv(*, jaar: int) -> bytes:
    buffer = io.StringIO(newline="")
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerow(veilige_rij(KOLOMMEN))
    schrijver.writerow(veilige_rij(_voorbeeld(jaar, Opzoektabellen.laden())))
    # With a BOM Excel opens the file as UTF-8, so labels like 'Financiële' keep their diacritics.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def toegestane_waarden(*, jaar: int, tabellen: Opzoektabellen | None = None) -> dict[str, list[str]]:
    """Per column the values accepted for rows of this year; subcategorieën name their hoofdcategorie."""
    tabellen = tabellen or Opzoektabellen.laden()
    vandaag = timezone.localdate()
    open_jaren = " of ".join(str(j) for j in range(eerste_open_jaar(op=vandaag), vandaag.year + 1))
    waarden = {
        # Only the years still open: '2022 of later' invited a closed year, refused at the upload.
        "jaar": [f"{open_jaren} (de Tellijst van eerdere jaren is gesloten)"],
        "kwartaal": ["1", "2", "3", "4", LEEG_TOEGESTAAN],
    }
    hoofdlabels = {o.pk: o.label for o in tabellen.opties["hoofdcategorie"]}
    for kolom, veld in OPTIEKOLOMMEN.items():
        if veld == "subcategorie":
            waarden[kolom] = [
                f"{o.label} ({hoofdlabels[o.hoofdcategorie_id]})"
                for o in tabellen.opties[veld]
                if o.in_gebruik(jaar)
            ]
        else:
            waarden[kolom] = list(tabellen.toegestaan(veld, jaar))
    waarden["melder_is_beklaagde"] = ["ja", "nee", f"{LEEG_TOEGESTAAN} (vóór 2025 altijd leeg)"]
    waarden["evaluatielink"] = [*Adviesvraag.Evaluatielink.labels, LEEG_TOEGESTAAN]
    return waarden


def sjabloon_xlsx(*, jaar: int) -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    tabellen = Opzoektabellen.laden()
    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.title = "Tellijst"
    blad.append(veilige_rij(KOLOMMEN))
    for cel in blad[1]:
        cel.font = Font(bold=True)
    blad.append(veilige_rij(_voorbeeld(jaar, tabellen)))
    blad.freeze_panes = "A2"
    keuzelijsten(
        werkmap,
        blad,
        kolommen=KOLOMMEN,
        lijsten={
            kolom: list(dict.fromkeys(tabellen.toegestaan(veld, jaar)))
            for kolom, veld in OPTIEKOLOMMEN.items()
        }
        | {"melder_is_beklaagde": ["ja", "nee"], "evaluatielink": list(Adviesvraag.Evaluatielink.labels)},
    )
    uitleg = werkmap.create_sheet(f"Toegestaan {jaar}")
    waarden = toegestane_waarden(jaar=jaar, tabellen=tabellen)
    # A title above the column names: a second sheet under the same header as the data is refused by
    # the import (kern/importeren/lezen.py), as a tab of rows that would otherwise be left out.
    uitleg.append([f"Toegestane waarden per kolom in {jaar}; dit werkblad wordt niet ingelezen."])
    uitleg.append(veilige_rij(KOLOMMEN))
    for cel in uitleg[2]:
        cel.font = Font(bold=True)
    langste = max(len(lijst) for lijst in waarden.values())
    for i in range(langste):
        uitleg.append(veilige_rij([waarden[k][i] if i < len(waarden[k]) else None for k in KOLOMMEN]))
    for blad_ in (blad, uitleg):
        for kolom in blad_.columns:
            blad_.column_dimensions[kolom[0].column_letter].width = 28
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()
