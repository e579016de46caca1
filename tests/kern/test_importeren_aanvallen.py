"""Uploads are bounded before they are parsed: each test performs the attack on the real pages.

A zip bomb, a malformed worksheet, a workbook of thousands of parts, a file of too many rows and a
request body that is too large are refused with a Dutch message, without a 500 and without the
worker's memory growing with what the file would unpack to.
"""

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from finintegriteit.kern.importeren import BestandFout, Upload, berichten, herken, lees_tabel
from finintegriteit.kern.models import Importbestand
from meldingen.models import Melding
from tests.afdoeningen.registerbestanden import als_xlsx, regel
from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij, xlsx_bytes
from vertrouwenspersonen.models import Adviesvraag

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]

REGISTER = reverse("afdoeningen:importeren")
TELLIJST = reverse("vertrouwenspersonen:importeren")


def bom(*, uitgepakt_mb: int = 600) -> bytes:
    """A valid-looking workbook whose shared strings unpack to `uitgepakt_mb` MB (a few MB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archief:
        bron = zipfile.ZipFile(io.BytesIO(xlsx_bytes([rij()])))
        for deel in bron.infolist():
            if deel.filename != "xl/sharedStrings.xml":
                archief.writestr(deel.filename, bron.read(deel.filename))
        blok = b"<si><t>" + b"A" * 1000 + b"</t></si>"
        with archief.open("xl/sharedStrings.xml", "w", force_zip64=True) as teksten:
            teksten.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            for _ in range(uitgepakt_mb * 1024 * 1024 // len(blok)):
                teksten.write(blok)
            teksten.write(b"</sst>")
    return buffer.getvalue()


def met_kapot_werkblad(inhoud: bytes) -> bytes:
    bron = zipfile.ZipFile(io.BytesIO(inhoud))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        for deel in bron.infolist():
            data = bron.read(deel.filename)
            if deel.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2] + b"<c r=<<kapot"
            archief.writestr(deel.filename, data)
    return buffer.getvalue()


def test_zip_bom_wordt_geweigerd_zonder_uit_te_pakken(analist_client):
    inhoud = bom(uitgepakt_mb=600)
    assert len(inhoud) < 3 * 1024 * 1024
    tracemalloc.start()
    try:
        antwoord = analist_client.post(REGISTER, {"bestand": SimpleUploadedFile("register.xlsx", inhoud)})
        _, piek = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert antwoord.status_code == 200
    fout = antwoord.context["form"].errors["bestand"][0]
    assert fout.startswith("De Excel-werkmap is uitgepakt te groot")
    # The upload itself is a few MB (Django's copy of it, ours); unpacked it would be 600 MB.
    assert piek < 40 * 1024 * 1024, f"piekgeheugen {piek / 1e6:.0f} MB"
    assert not Importbestand.objects.exists()


def test_zip_bom_in_de_tellijst(vp_client):
    antwoord = vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.xlsx", bom(uitgepakt_mb=40))})
    assert antwoord.status_code == 200
    assert "uitgepakt te groot" in antwoord.context["form"].errors["bestand"][0]


def test_kapot_werkblad_geeft_de_nederlandse_fout_in_beide_imports(analist_client, vp_client, analist):
    kapot = met_kapot_werkblad(xlsx_bytes([rij()] * 50))
    antwoord = vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.xlsx", kapot)})
    assert antwoord.status_code == 200
    assert berichten.EXCEL_ONLEESBAAR in antwoord.content.decode()
    assert Adviesvraag.objects.count() == 0

    analist_client.force_login(analist)
    kapot = met_kapot_werkblad(als_xlsx([regel()] * 50))
    antwoord = analist_client.post(REGISTER, {"bestand": SimpleUploadedFile("r.xlsx", kapot)})
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["bestand"] == [berichten.EXCEL_ONLEESBAAR]
    assert Melding.objects.count() == 0


def test_werkmap_met_te_veel_onderdelen(settings):
    settings.IMPORT_MAX_ZIPDELEN = 20
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("xl/workbook.xml", b"<workbook/>")
        for i in range(30):
            archief.writestr(f"xl/media/plaatje{i}.png", b"x")
    with pytest.raises(BestandFout, match="te veel onderdelen"):
        herken(buffer.getvalue())


def test_te_veel_regels_wordt_tijdens_het_lezen_geweigerd(settings, vp_client):
    settings.IMPORT_MAX_RIJEN = 5
    antwoord = vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", csv_bytes([rij()] * 6))})
    assert berichten.TE_VEEL_REGELS.format(maximum="5") in antwoord.content.decode()
    assert Adviesvraag.objects.count() == 0
    vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", csv_bytes([rij()] * 5))})
    vp_client.post(reverse("vertrouwenspersonen:importeren_bevestigen"))
    assert Adviesvraag.objects.count() == 5


def test_een_cel_in_de_laatste_kolom_maakt_rijen_niet_breed():
    """A cell at XFD would make openpyxl pad every row to 16,384 values; we read 64 columns."""
    import openpyxl

    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    for i in range(1, 2001):
        blad.cell(row=i, column=1, value="x")
        blad.cell(row=i, column=16384, value="verstopt")
    buffer = io.BytesIO()
    werkmap.save(buffer)
    tabel = lees_tabel(Upload("xlsx", buffer.getvalue()))
    assert all(len(cellen) <= 64 for _, cellen in tabel.rijen)


def test_te_groot_verzoek_van_een_anonieme_bezoeker_wordt_niet_gelezen(client, settings):
    settings.MAX_VERZOEK_ANONIEM_BYTES = 10_000
    antwoord = client.post(reverse("kern:login"), {"username": "x", "password": "y" * 20_000})
    assert antwoord.status_code == 413
    assert "Te groot om te versturen" in antwoord.content.decode()
    # Only the header counts: a claimed 300 MB is refused before a byte is read.
    antwoord = client.post(reverse("kern:login"), {"username": "x"}, CONTENT_LENGTH=str(300 * 1024 * 1024))
    assert antwoord.status_code == 413


def test_een_te_groot_formulier_zonder_bestanden_krijgt_de_pagina_die_zegt_wat_te_doen(analist_client):
    """Django reads a form without files into memory whole and refuses one above
    DATA_UPLOAD_MAX_MEMORY_SIZE with a bare 400. Found by the random input of test_invoer_hypothesis."""
    antwoord = analist_client.post(reverse("meldingen:nieuw"), {"omschrijving": "x" * (2 * 1024 * 1024)})
    assert antwoord.status_code == 413
    pagina = antwoord.content.decode()
    assert "Te groot om te versturen" in pagina and "Maak de tekst dan korter." in pagina
    assert not Melding.objects.exists()


def test_ingelogd_geldt_de_uploadgrens_plus_het_formulier(vp_client, settings):
    settings.MAX_VERZOEK_ANONIEM_BYTES = 10_000
    settings.MAX_VERZOEK_BYTES = 50_000
    klein = csv_bytes([rij()] * 100)  # ~12 kB: above the anonymous limit, below the logged-in one
    assert 10_000 < len(klein) < 50_000
    assert vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", klein)}).status_code == 200
    groot = csv_bytes([rij()] * 1000)
    antwoord = vp_client.post(TELLIJST, {"bestand": SimpleUploadedFile("t.csv", groot)})
    assert antwoord.status_code == 413
    assert Importbestand.objects.count() == 1, "alleen het kleine bestand wacht op bevestiging"
