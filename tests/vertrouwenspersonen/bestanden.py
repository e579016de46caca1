"""Building Tellijst files for the import tests."""

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from vertrouwenspersonen.importeren.controle import KOLOMMEN

GELDIG = {
    "jaar": "2024",
    "kwartaal": "2",
    "onderdeel": "Douane",
    "hoofdcategorie": "Ongewenste omgangsvormen",
    "subcategorie": "Pesten, treiteren, roddelen, buitensluiten",
    "wie_betreft_de_melding": "Direct leidinggevende",
    "wijze_van_afdoening": "Loopt nog",
    "situatie_na_interventie": "Loopt nog",
    "melder_is_beklaagde": "",
    "evaluatielink": "Verstuurd",
}


def rij(**anders) -> list[str]:
    waarden = GELDIG | anders
    return [waarden[k] for k in KOLOMMEN]


def csv_bytes(rijen, *, kop=KOLOMMEN, scheiding=";", bom=False) -> bytes:
    def cel(waarde):
        waarde = str(waarde)
        if any(t in waarde for t in (scheiding, '"', "\n")):
            return '"' + waarde.replace('"', '""') + '"'
        return waarde

    regels = [scheiding.join(cel(w) for w in r) for r in [list(kop), *rijen]]
    tekst = "\r\n".join(regels) + "\r\n"
    return (("\ufeff" if bom else "") + tekst).encode("utf-8")


def xlsx_bytes(rijen, *, kop=KOLOMMEN) -> bytes:
    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.append(list(kop))
    for r in rijen:
        blad.append([int(w) if isinstance(w, str) and w.isdigit() else (w or None) for w in r])
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def upload(inhoud: bytes, naam: str = "tellijst.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud)
