"""The template a user downloads: the header row, an example row (refused if it is left in), drop-down
lists with the labels of the year, and a sheet with the values each column accepts."""

import csv
import io

import openpyxl
from openpyxl.styles import Font

from finintegriteit.kern.export import veilige_rij
from finintegriteit.kern.importeren.sjabloon import keuzelijsten
from finintegriteit.referentie import models as ref

from .controle import KOLOMMEN
from .rijcontrole import TOEGESTAAN_DATUM, TOEGESTAAN_JA_NEE, TOEGESTAAN_NUMMER, VOORBEELD_INHOUD

UITLEG = {
    "meldingsnummer": " of ".join(TOEGESTAAN_NUMMER) + ". Regels met hetzelfde nummer vormen één melding.",
    "ontvangen_op": " of ".join(TOEGESTAAN_DATUM),
    "klokkenluidersmelding": " of ".join(TOEGESTAAN_JA_NEE),
    "inhoud": "Geanonimiseerde omschrijving (Bijlage 2): geen namen, personeelsnummers of e-mailadressen. "
    "Leeg zolang de zaak van deze betrokkene loopt.",
    "datum_afdoening": " of ".join(TOEGESTAAN_DATUM) + ". Leeg zolang de zaak van deze betrokkene loopt.",
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


def _labels(kolom: str, jaar: int) -> list[str]:
    return list(
        MODELLEN[kolom].objects.in_jaar(jaar).order_by("volgorde", "label").values_list("label", flat=True)
    )


def voorbeeldregel(jaar: int) -> list[str]:
    """A made-up, closed case of 1 January of `jaar`; its inhoud marks it, so it is never imported."""
    eerste = {kolom: next(iter(_labels(kolom, jaar)), "") for kolom in MODELLEN}
    waarden = eerste | {
        "meldingsnummer": "",
        "ontvangen_op": f"01-01-{jaar}",
        "klokkenluidersmelding": "nee",
        "schending": eerste["onderwerp"],
        "inhoud": VOORBEELD_INHOUD,
        "datum_afdoening": f"01-01-{jaar}",
    }
    return [waarden[k] for k in KOLOMMEN]


def _toelichting(jaar: int) -> list[list[str]]:
    regels = []
    for kolom in KOLOMMEN:
        if kolom in MODELLEN:
            labels = _labels(kolom, jaar)
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
    blad.append(veilige_rij(voorbeeldregel(jaar)))
    blad.freeze_panes = "A2"
    lijsten = {kolom: _labels(kolom, jaar) for kolom in MODELLEN} | {"klokkenluidersmelding": ["ja", "nee"]}
    keuzelijsten(werkmap, blad, kolommen=KOLOMMEN, lijsten=lijsten)
    uitleg = werkmap.create_sheet("Toelichting")
    uitleg.append(["kolom", "toegestane waarden"])
    for regel in _toelichting(jaar):
        uitleg.append(veilige_rij(regel))
    uitleg.column_dimensions["A"].width = 24
    uitleg.column_dimensions["B"].width = 120
    buffer = io.BytesIO()
    werkmap.save(buffer)
    return buffer.getvalue()


def sjabloon_csv(*, jaar: int) -> bytes:
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";")
    schrijver.writerow(veilige_rij(list(KOLOMMEN)))
    schrijver.writerow(veilige_rij(voorbeeldregel(jaar)))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
