"""A melder's attachments tell nothing about who sent them or when, each test tries it as an insider
would: by the file's name (database, audit, case page, download), by what is on disk (the original,
the file's times), and by what the cleaning libraries would log."""

import datetime
import io
import logging
import os
import re
import warnings
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meldingen.models import Document, Melding, Opschoning
from tests.bouwstenen.meldkanaal import (
    bestand,
    foto_met_exif,
    gegevens,
    op_schijf,
    pdf_met_auteur,
    pdf_met_sporen,
    pdf_met_verschoven_startxref,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_tellers")]
CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")
# What a phone and a scanner put in a file name: the capture time and the owner.
FOTO = "IMG_20261205_055812_JanJansen.jpg"
SCAN = "Scan_PietPuk_2026-12-05_05.58.12.pdf"
SPOREN = ("JanJansen", "20261205", "055812", "PietPuk", "05.58.12", "IMG_", "Scan_")


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    settings.DOCUMENT_ROOT = tmp_path / "documenten"
    return settings.DOCUMENT_ROOT


def melden_met_bijlage(melder: Client, naam: str, inhoud: bytes) -> str:
    antwoord = melder.post(reverse("meldkanaal:melden"), gegevens(bijlagen=[bestand(naam, inhoud)]))
    assert antwoord.status_code == 200
    return CODE.search(antwoord.content.decode()).group(0)


def test_de_bestandsnaam_van_de_melder_komt_nergens_terecht(analist_client):
    melder = Client()
    code = melden_met_bijlage(melder, FOTO, foto_met_exif())
    melder.post(reverse("meldkanaal:terug"), {"code": code})
    aangevuld = melder.post(
        reverse("meldkanaal:aanvullen"), {"tekst": "", "bijlagen": [bestand(SCAN, pdf_met_auteur())]}
    )
    assert aangevuld.status_code == 302
    melding = Melding.objects.get()
    # The analist's own upload keeps the name they gave it.
    analist_client.post(
        reverse("meldingen:document_toevoegen", args=[melding.pk]),
        {"bestand": SimpleUploadedFile("verslag-gesprek.pdf", pdf_met_auteur())},
    )
    namen = list(Document.objects.order_by("pk").values_list("bestandsnaam", flat=True))
    assert namen == ["bijlage-1.jpg", "bijlage-2.pdf", "verslag-gesprek.pdf"]

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)  # every row, the audit trail included
    zaak = analist_client.get(melding.get_absolute_url()).content.decode()
    dossier = melder.get(reverse("meldkanaal:terug")).content.decode()
    for spoor in SPOREN:
        assert spoor not in dump.getvalue(), spoor
        assert spoor not in zaak, spoor
        assert spoor not in dossier, spoor
    assert "bijlage-1.jpg" in zaak and "bijlage-2.pdf" in zaak and "bijlage-1.jpg" in dossier

    foto = Document.objects.get(bestandsnaam="bijlage-1.jpg")
    download = analist_client.get(reverse("meldingen:document_downloaden", args=[foto.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="bijlage-1.jpg"'
    assert b"".join(download.streaming_content)[:3] == b"\xff\xd8\xff"


def test_de_extensie_komt_uit_de_inhoud_niet_uit_de_naam_van_de_melder():
    melden_met_bijlage(Client(), "Foto van Jan.JPEG", foto_met_exif())
    assert Document.objects.get().bestandsnaam == "bijlage-1.jpg"


def test_de_bestanden_van_de_melder_dragen_op_schijf_alleen_de_dag(opslag, time_machine):
    # The clock of this process says 14:37:12; the file system must say the day's start, like the row.
    time_machine.move_to(timezone.make_aware(datetime.datetime(2025, 3, 10, 14, 37, 12)), tick=False)
    middernacht = timezone.make_aware(datetime.datetime(2025, 3, 10)).timestamp()
    melden_met_bijlage(Client(), FOTO, foto_met_exif())
    document = Document.objects.get()
    assert document.opschoning == Opschoning.VERWIJDERD and document.op.timestamp() == middernacht
    op_schijf = os.stat(Path(opslag) / document.pad)
    assert (op_schijf.st_mtime, op_schijf.st_atime) == (middernacht, middernacht)


def test_een_pdf_houdt_de_maker_nergens_meer_vast(opslag):
    """The attack: the analist opens the melder's PDF in any PDF tool and finds the photo's camera and
    EXIF, a comment signed with the melder's user name, the attached original, or the file identifier
    that links two PDFs saved from one document. The page and the photo itself stay."""
    from PIL import Image
    from pypdf import PdfReader

    origineel = pdf_met_sporen()
    assert origineel.count(b"Jan Melder") >= 5
    melden_met_bijlage(Client(), SCAN, origineel)

    document = Document.objects.get()
    inhoud = op_schijf(document)
    assert document.opschoning == Opschoning.VERWIJDERD
    for spoor in (
        b"Jan Melder",
        b"Geheime Camera",
        b"2026:12:05",
        b"D:20261205",
        b"origineel.docx",
    ):
        assert spoor not in inhoud, spoor
    pdf = PdfReader(io.BytesIO(inhoud))
    assert b"VASTE-ID-VAN-JAN" not in [bytes(deel.original_bytes) for deel in pdf.trailer["/ID"]]
    pagina = pdf.pages[0]
    assert pdf.attachments == {} and "/LastModified" not in pagina
    assert [a.get_object().get("/T") for a in pagina["/Annots"]] == [None], (
        "de opmerking blijft, zonder auteur"
    )
    foto = Image.open(io.BytesIO(pagina["/Resources"]["/XObject"]["/Im0"].get_object().get_data()))
    assert foto.size == (32, 32) and foto.getpixel((5, 5))[0] > 240, "de foto zelf blijft"
    assert not foto.getexif()


def test_het_origineel_van_de_melder_komt_nooit_op_schijf(opslag):
    """The attack: whoever reads DOCUMENT_ROOT right after an upload (a backup, a beheerder on the server),
    also while no worker runs, finds the melder's photo and PDF only without author and camera."""
    melder = Client()
    melden_met_bijlage(melder, FOTO, foto_met_exif())
    melden_met_bijlage(melder, SCAN, pdf_met_auteur())
    op_schijf = [pad.read_bytes() for pad in Path(opslag).rglob("*") if pad.is_file()]
    assert len(op_schijf) == 2
    for inhoud in op_schijf:
        assert b"Jan Melder" not in inhoud and b"Geheime Camera" not in inhoud


# --- The log ------------------------------------------------------------------------------------


@pytest.fixture
def waarschuwingen_in_het_log():
    """Python warnings as the worker handles them: Celery sends them to the py.warnings logger
    (logging.captureWarnings), each shown, not only the first of its place."""
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        logging.captureWarnings(True)
        try:
            yield
        finally:
            logging.captureWarnings(False)


def test_wat_pypdf_en_pillow_over_het_bestand_melden_komt_niet_in_het_log(
    caplog, monkeypatch, waarschuwingen_in_het_log
):
    """A scanner's PDF with its startxref 3 bytes off, and a photo over Pillow's size warning: both are
    cleaned, and neither library writes the (timed) line it would write about them."""
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 500)  # the 40 x 20 photo: over it, not over twice it
    caplog.set_level(logging.DEBUG)
    melder = Client()
    melden_met_bijlage(melder, SCAN, pdf_met_verschoven_startxref())
    melden_met_bijlage(melder, FOTO, foto_met_exif())

    pdf, foto = Document.objects.order_by("pk")
    assert pdf.opschoning == foto.opschoning == Opschoning.VERWIJDERD
    assert b"Jan Melder" not in op_schijf(pdf) and b"Jan Melder" not in op_schijf(foto)
    van_bibliotheken = [
        (r.name, r.getMessage())
        for r in caplog.records
        if r.levelno >= logging.WARNING and r.name.split(".")[0] in ("pypdf", "PIL", "py")
    ]
    assert not van_bibliotheken


def test_buiten_het_opschonen_loggen_en_waarschuwen_de_bibliotheken_zoals_altijd(
    caplog, waarschuwingen_in_het_log
):
    """Only the cleaning of a melder's file is kept out of the log: pypdf elsewhere (after a cleaning in
    the same process) still reports, and so does any warning."""
    from pypdf import PdfReader

    melden_met_bijlage(Client(), SCAN, pdf_met_verschoven_startxref())
    caplog.set_level(logging.WARNING)
    assert PdfReader(io.BytesIO(pdf_met_verschoven_startxref())).metadata["/Author"] == "Jan Melder"
    warnings.warn("elders", UserWarning, stacklevel=1)
    namen = {r.name for r in caplog.records}
    assert "pypdf._reader" in namen and "py.warnings" in namen
