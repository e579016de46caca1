"""The template a user downloads: the header row, and a sheet with the values each column accepts."""

import csv
import io

import openpyxl
from openpyxl.styles import Font

from finintegriteit.kern.export import veilige_rij
from finintegriteit.referentie import models as ref

from .lezen import KOLOMMEN
from .validatie import TOEGESTAAN_DATUM, TOEGESTAAN_JA_NEE, TOEGESTAAN_NUMMER

UITLEG = {
    "meldingsnummer": TOEGESTAAN_NUMMER + ". Regels met hetzelfde nummer vormen één melding.",
    "ontvangen_op": TOEGESTAAN_DATUM,
    "klokkenluidersmelding": TOEGESTAAN_JA_NEE,
    "inhoud": "Geanonimiseerde omschrijving (Bijlage 2): geen namen, personeelsnummers of e-mailadressen. "
    "Leeg zolang de zaak van deze betrokkene loopt.",
    "datum_afdoening": TOEGESTAAN_DATUM + ". Leeg zolang de zaak van deze betrokkene loopt.",
}
MODELLEN = {
    "melder": ref.MelderType,
    "onderwerp": ref.SchendingSoort,
    "onderzoek": ref.OnderzoekType,
    "dienstonderdeel": ref.Onderdeel,
    "schending": ref.SchendingSoort,
    "afdoening": ref.AfdoeningType,
}
OPEN = {
    "onderzoek": " Leeg zolang nog niet besloten is.",
    "schending": " Leeg zolang de zaak loopt.",
    "afdoening": " Leeg zolang de zaak loopt.",
}


def _toelichting(jaar: int) -> list[list[str]]:
    regels = []
    for kolom in KOLOMMEN:
        if kolom in MODELLEN:
            labels = (
                MODELLEN[kolom]
                .objects.in_jaar(jaar)
                .order_by("volgorde", "label")
                .values_list("label", flat=True)
            )
            regels.append([kolom, "Een van: " + "; ".join(labels) + "." + OPEN.get(kolom, "")])
        else:
            regels.append([kolom, UITLEG[kolom]])
    return regels


def sjabloon_xlsx(*, jaar: int) -> bytes:
    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    blad.title = "Register"
    blad.append(veilige_rij(list(KOLOMMEN)))
    for cel in blad[1]:
        cel.font = Font(bold=True)
    uitleg = werkmap.create_sheet("Toelichting")
    uitleg.append(["kolom", "toegestane waarden"])
    for regel in _toelichting(jaar):
        uitleg.append(veilige_rij(regel))
    uitleg.column_dimensions["A"].width = 24
    uitleg.column_dimensions["B"].width = 120
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def sjabloon_csv() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerow(veilige_rij(list(KOLOMMEN)))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
