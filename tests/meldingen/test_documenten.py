"""Documents with a case: checked by content, stored privately, downloaded as attachment, audited, erased."""

import datetime
import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from finintegriteit.kern.models import AuditRegel
from meldingen.models import Document, Melding
from meldingen.services.bewaartermijn import persoonsgegevens_wissen

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EML = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: Verslag\r\n\r\nTekst.\r\n"


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    settings.DOCUMENT_ROOT = tmp_path / "documenten"
    settings.DOCUMENT_MAX_BYTES = 1024 * 1024
    return settings.DOCUMENT_ROOT


def uploaden(client, melding, naam, inhoud):
    return client.post(
        reverse("meldingen:document_toevoegen", args=[melding.pk]),
        {"bestand": SimpleUploadedFile(naam, inhoud)},
    )


@pytest.mark.parametrize(
    ("naam", "inhoud", "content_type"),
    [
        ("verslag.pdf", PDF, "application/pdf"),
        ("mail.eml", EML, "message/rfc822"),
        ("notitie.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image/png"),
    ],
)
def test_upload_en_download_als_bijlage(
    analist_client, analist, maak_melding, opslag, naam, inhoud, content_type
):
    melding = maak_melding()
    assert uploaden(analist_client, melding, naam, inhoud).status_code == 302
    document = Document.objects.get()
    assert (document.bestandsnaam, document.content_type, document.grootte) == (
        naam,
        content_type,
        len(inhoud),
    )
    # Stored under a random name in the private folder, not under the user's file name.
    assert (Path(opslag) / document.pad).read_bytes() == inhoud and naam not in document.pad
    antwoord = analist_client.get(reverse("meldingen:document_downloaden", args=[document.pk]))
    assert antwoord.status_code == 200
    assert antwoord["Content-Disposition"].startswith("attachment;")
    assert antwoord["Content-Type"] == content_type
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert b"".join(antwoord.streaming_content) == inhoud
    assert (
        AuditRegel.objects.filter(
            gebruiker=analist,
            actie=AuditRegel.Actie.GEEXPORTEERD,
            object_type="document",
            object_id=str(document.pk),
        ).count()
        == 1
    )
    assert "Document toegevoegd" in analist_client.get(melding.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("naam", "inhoud"),
    [
        ("factuur.pdf", b"MZ\x90\x00" + b"\x00" * 100),  # a Windows program renamed to .pdf
        ("script.pdf", b"<script>alert(1)</script>"),
        ("verslag.docx", PDF),  # a PDF that calls itself a Word document
        ("pagina.html", b"<html><body>hallo</body></html>"),
        ("leeg.pdf", b""),
    ],
)
def test_verkeerde_inhoud_wordt_geweigerd_en_niets_bewaard(
    analist_client, maak_melding, opslag, naam, inhoud
):
    antwoord = uploaden(analist_client, maak_melding(), naam, inhoud)
    assert antwoord.status_code == 400
    assert not Document.objects.exists()
    assert not Path(opslag).exists() or not any(Path(opslag).iterdir())


def test_te_groot_bestand_wordt_geweigerd(analist_client, maak_melding):
    antwoord = uploaden(analist_client, maak_melding(), "groot.pdf", PDF + b"0" * (1024 * 1024))
    assert antwoord.status_code == 400
    assert "te groot" in antwoord.content.decode()
    assert not Document.objects.exists()


def test_alleen_wie_de_melding_mag_zien_downloadt(client, analist_client, maak_melding, maak_gebruiker):
    melding = maak_melding()
    uploaden(analist_client, melding, "verslag.pdf", PDF)
    url = reverse("meldingen:document_downloaden", args=[Document.objects.get().pk])
    for rol in ("Vertrouwenspersoon", "Integriteitscoördinator", "Functioneel beheerder"):
        gebruiker = maak_gebruiker(f"iemand-{len(rol)}", rol)
        client.force_login(gebruiker)
        assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    assert not AuditRegel.objects.filter(actie=AuditRegel.Actie.GEEXPORTEERD).exists()
    assert AuditRegel.objects.filter(actie=AuditRegel.Actie.GEWEIGERD, object_type="document").count() == 3


def test_opslag_ligt_buiten_media_en_static(settings):
    from django.conf import settings as echt

    root = Path(echt.DOCUMENT_ROOT).resolve()
    for publiek in (echt.STATIC_ROOT, getattr(echt, "MEDIA_ROOT", "") or None):
        if publiek:
            assert not root.is_relative_to(Path(publiek).resolve())


def test_bewaartermijn_wist_bestand_en_naam(analist_client, maak_melding, opslag):
    melding = maak_melding()
    uploaden(analist_client, melding, "verslag.pdf", PDF)
    document = Document.objects.get()
    Melding.objects.filter(pk=melding.pk).update(
        status=Melding.Status.AFGEDAAN, afgedaan_op=datetime.date(2010, 1, 1)
    )
    persoonsgegevens_wissen(vandaag=datetime.date(2025, 6, 1))
    document.refresh_from_db()
    assert (document.pad, document.bestandsnaam) == ("", "")
    assert not any(Path(opslag).iterdir())
    assert analist_client.get(reverse("meldingen:document_downloaden", args=[document.pk])).status_code == 404
