"""A melder's attachments tell nothing about who sent them or when, each test tries it as an insider
would: by the file's name (database, audit, case page, download) and by the file's times on disk."""

import datetime
import io
import os
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from meldingen.models import Document, Melding, Opschoning
from tests.bouwstenen.meldkanaal import bestand, foto_met_exif, gegevens, pdf_met_auteur

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
