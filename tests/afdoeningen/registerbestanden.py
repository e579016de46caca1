"""Register files for the import tests, written as a user's spreadsheet program would."""

import csv
import io

import openpyxl

from afdoeningen.importeren import KOLOMMEN

KOP = list(KOLOMMEN)


def regel(**waarden) -> list:
    """A row of a melding received 01-02-2024 and afgedaan, with any column overridden."""
    basis = {
        "meldingsnummer": "",
        "ontvangen_op": "01-02-2024",
        "melder": "Decentrale meldpunten",
        "onderwerp": "Ongewenste omgangsvormen",
        "klokkenluidersmelding": "nee",
        "onderzoek": "Geen onderzoek",
        "dienstonderdeel": "Belastingdienst",
        "schending": "Ongewenste omgangsvormen",
        "inhoud": "Ongewenste omgangsvormen medewerker.",
        "afdoening": "Geen afdoening/actie",
        "datum_afdoening": "15-03-2024",
    }
    basis.update(waarden)
    return [basis[k] for k in KOP]


def open_regel(**waarden) -> list:
    """A betrokkene whose case still runs: the four afdoening columns empty."""
    leeg = {"schending": "", "inhoud": "", "afdoening": "", "datum_afdoening": ""}
    return regel(**{**leeg, **waarden})


def als_csv(regels, *, kop=KOP, scheiding=";", bom=True) -> bytes:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=scheiding)
    schrijver.writerow(kop)
    schrijver.writerows(regels)
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")


def als_xlsx(regels, *, kop=KOP) -> bytes:
    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.append(kop)
    for r in regels:
        blad.append(r)
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()
