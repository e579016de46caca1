"""A melder's attachments tell nothing about who sent them or when, each test tries it as an insider
would: by the file's name (database, audit, case page, download), by the file's times on disk, and
by the worker's log."""

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
from meldingen.services.documenten import document_inhoud
from tests.bouwstenen.logregels import log_van_het_webproces
from tests.bouwstenen.meldkanaal import (
    bestand,
    foto_met_exif,
    gegevens,
    pdf_met_auteur,
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


def test_de_bestandsnaam_van_de_melder_komt_nergens_terecht(
    analist_client, django_capture_on_commit_callbacks
):
    melder = Client()
    with django_capture_on_commit_callbacks(execute=True):
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


def test_de_extensie_komt_uit_de_inhoud_niet_uit_de_naam_van_de_melder(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        melden_met_bijlage(Client(), "Foto van Jan.JPEG", foto_met_exif())
    assert Document.objects.get().bestandsnaam == "bijlage-1.jpg"


def test_de_bestanden_van_de_melder_dragen_op_schijf_alleen_de_dag(
    opslag, time_machine, django_capture_on_commit_callbacks
):
    # The clock of this process says 14:37:12; the file system must say the day's start, like the row.
    time_machine.move_to(timezone.make_aware(datetime.datetime(2025, 3, 10, 14, 37, 12)), tick=False)
    middernacht = timezone.make_aware(datetime.datetime(2025, 3, 10)).timestamp()
    melden_met_bijlage(Client(), FOTO, foto_met_exif())
    document = Document.objects.get()
    assert document.opschoning == Opschoning.WACHTRIJ and document.op.timestamp() == middernacht
    origineel = os.stat(Path(opslag) / document.pad)
    assert (origineel.st_mtime, origineel.st_atime) == (middernacht, middernacht), "het origineel"

    # The worker cleans it later that day: the cleaned file carries the day of the row too.
    time_machine.move_to(timezone.make_aware(datetime.datetime(2025, 3, 10, 16, 2, 45)), tick=False)
    from meldingen.services.meldkanaal import bijlage_opschonen

    bijlage_opschonen(document_id=document.pk)
    document.refresh_from_db()
    assert document.opschoning == Opschoning.VERWIJDERD
    opgeschoond = os.stat(Path(opslag) / document.pad)
    assert (opgeschoond.st_mtime, opgeschoond.st_atime) == (middernacht, middernacht), "het opgeschoonde"


# --- The worker's log ------------------------------------------------------------------------------


@pytest.fixture
def werkerlog():
    """The worker's logging as Celery sets it up (root handlers replaced by its own, with its format),
    and the project's handler of the after_setup_logger signal on them; everything restored afterwards."""
    from celery.signals import after_setup_logger

    root = logging.getLogger()
    vorige = root.handlers[:], root.level
    uit = io.StringIO()
    handler = logging.StreamHandler(uit)
    handler.setFormatter(logging.Formatter("[%(asctime)s: %(levelname)s/%(processName)s] %(message)s"))
    root.handlers, root.level = [handler], logging.DEBUG
    try:
        after_setup_logger.send(sender=None, logger=root, loglevel=logging.INFO, logfile=None, format="")
        yield uit
    finally:
        root.handlers, root.level = vorige


def test_het_werkerlog_noemt_de_opschoontaak_niet_maar_andere_taken_wel(werkerlog):
    from celery.app.trace import LOG_RECEIVED

    from finintegriteit.celery import ping
    from meldingen.tasks import bijlage_opschonen

    # No commit callbacks run here: the task is run below the way the worker runs it.
    melden_met_bijlage(Client(), FOTO, foto_met_exif())
    document = Document.objects.get()
    taken = [
        (bijlage_opschonen, [document.pk], "0b7f7c1e-1f7e-4c0a-9d2b-6a1e3c9d0001"),
        (ping, [1], "0b7f7c1e-1f7e-4c0a-9d2b-6a1e3c9d0002"),
    ]
    for taak, args, taak_id in taken:
        # The 'received' line as celery.worker.strategy writes it, then the task through Celery's tracer.
        context = {"id": taak_id, "name": taak.name, "args": repr(args), "kwargs": "{}", "eta": None}
        logging.getLogger("celery.worker.strategy").info(LOG_RECEIVED, context, extra={"data": context})
        taak.apply(args=args, task_id=taak_id)
    document.refresh_from_db()
    assert document.opschoning == Opschoning.VERWIJDERD, "de taak liep wel"
    log = werkerlog.getvalue()
    assert "Task finintegriteit.ping[0b7f7c1e-1f7e-4c0a-9d2b-6a1e3c9d0002] received" in log
    assert "Task finintegriteit.ping[0b7f7c1e-1f7e-4c0a-9d2b-6a1e3c9d0002] succeeded in" in log
    assert "bijlage_opschonen" not in log and "6a1e3c9d0001" not in log


def test_een_fout_van_de_opschoontaak_blijft_zichtbaar_zonder_taak_id(werkerlog, monkeypatch):
    from meldingen.services import meldkanaal
    from meldingen.tasks import bijlage_opschonen

    def kapot(*, document_id):
        raise OSError("schijf vol")

    monkeypatch.setattr(meldkanaal, "bijlage_opschonen", kapot)
    taak_id = "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
    bijlage_opschonen.apply(args=[4242], task_id=taak_id)
    log = werkerlog.getvalue()
    assert "ERROR" in log and "Task meldingen.tasks.bijlage_opschonen[…] raised unexpected" in log
    assert "OSError: schijf vol" in log, "met de traceback"
    assert taak_id not in log and "4242" not in log


def test_zonder_worker_valt_de_opschoontaak_ook_uit_het_log_van_het_webproces(
    django_capture_on_commit_callbacks,
):
    """Without Redis the task runs eagerly in the web process: its lines go through the project's log
    handler (LOGGING), which carries the same filter."""
    from finintegriteit.celery import ping

    with log_van_het_webproces() as uitvoer:
        with django_capture_on_commit_callbacks(execute=True):
            melden_met_bijlage(Client(), FOTO, foto_met_exif())
        ping.delay(1)
    assert Document.objects.get().opschoning == Opschoning.VERWIJDERD
    regels = uitvoer.getvalue()
    assert "Task finintegriteit.ping[" in regels and "succeeded in" in regels, regels
    assert "bijlage_opschonen" not in regels


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
    caplog, monkeypatch, waarschuwingen_in_het_log, django_capture_on_commit_callbacks
):
    """A scanner's PDF with its startxref 3 bytes off, and a photo over Pillow's size warning: both are
    cleaned, and neither library writes the (timed) line it would write about them."""
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 500)  # the 40 x 20 photo: over it, not over twice it
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        melder = Client()
        melden_met_bijlage(melder, SCAN, pdf_met_verschoven_startxref())
        melden_met_bijlage(melder, FOTO, foto_met_exif())

    pdf, foto = Document.objects.order_by("pk")
    assert pdf.opschoning == foto.opschoning == Opschoning.VERWIJDERD
    assert b"Jan Melder" not in document_inhoud(document=pdf)
    assert b"Jan Melder" not in document_inhoud(document=foto)
    van_bibliotheken = [
        (r.name, r.getMessage())
        for r in caplog.records
        if r.levelno >= logging.WARNING and r.name.split(".")[0] in ("pypdf", "PIL", "py")
    ]
    assert not van_bibliotheken


def test_buiten_het_opschonen_loggen_en_waarschuwen_de_bibliotheken_zoals_altijd(
    caplog, waarschuwingen_in_het_log, django_capture_on_commit_callbacks
):
    """Only the cleaning of a melder's file is kept out of the log: pypdf elsewhere (after a cleaning in
    the same process) still reports, and so does any warning."""
    from pypdf import PdfReader

    with django_capture_on_commit_callbacks(execute=True):
        melden_met_bijlage(Client(), SCAN, pdf_met_verschoven_startxref())
    caplog.set_level(logging.WARNING)
    assert PdfReader(io.BytesIO(pdf_met_verschoven_startxref())).metadata["/Author"] == "Jan Melder"
    warnings.warn("elders", UserWarning, stacklevel=1)
    namen = {r.name for r in caplog.records}
    assert "pypdf._reader" in namen and "py.warnings" in namen


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_een_echte_worker_op_info_schrijft_geen_regel_over_de_opschoontaak(settings, tmp_path):
    """The attack on the production setup: a worker with --loglevel=INFO on Redis, its log read after
    a melder's uploads (a photo, and a scan whose startxref pypdf has to repair). It names the other
    task it ran, and nothing of the melder's."""
    from celery.signals import after_task_publish

    from tests.celery_werker import database_url_van_de_test, wachten_tot, worker_met_log

    settings.DOCUMENT_ROOT = tmp_path / "documenten"
    verstuurd = []

    def opnemen(headers=None, **kwargs):
        verstuurd.append((headers["task"], headers["id"]))

    after_task_publish.connect(opnemen, weak=False)
    logbestand = tmp_path / "werker.log"
    omgeving = {"DATABASE_URL": database_url_van_de_test(), "DOCUMENT_ROOT": str(settings.DOCUMENT_ROOT)}
    try:
        with worker_met_log(logbestand, omgeving=omgeving):
            melden_met_bijlage(Client(), FOTO, foto_met_exif())
            melden_met_bijlage(Client(), SCAN, pdf_met_verschoven_startxref())
            wachten_tot(
                lambda: not Document.objects.filter(opschoning=Opschoning.WACHTRIJ).exists(),
                melding="de worker schoonde de bijlagen niet op binnen 60 s",
            )
    finally:
        after_task_publish.disconnect(opnemen)
    regels = logbestand.read_text()
    assert set(Document.objects.values_list("opschoning", flat=True)) == {Opschoning.VERWIJDERD}
    assert "Task finintegriteit.ping[" in regels and "succeeded in" in regels, regels
    opschoon_ids = [i for taak, i in verstuurd if taak == "meldingen.tasks.bijlage_opschonen"]
    assert len(opschoon_ids) == 2, "de opschoontaken gingen via Redis"
    for spoor in ("bijlage_opschonen", *opschoon_ids, *SPOREN, "pypdf", "startxref"):
        assert spoor not in regels, spoor
    # The worker wrote the cleaned files: on disk they carry the day of their row as well.
    for document in Document.objects.all():
        assert os.stat(settings.DOCUMENT_ROOT / document.pad).st_mtime == document.op.timestamp()
