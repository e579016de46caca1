"""Meldkanaal builders: what a melder posts, a melding sent through the loket, a return with the code,
and files with metadata a melder might attach."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter

from finintegriteit.referentie.models import Onderdeel, SchendingSoort


def gegevens(**extra):
    return {
        "onderwerp": SchendingSoort.objects.get(code="misbruik-bedrijfsmiddelen-interne-regels").pk,
        "omschrijving": "Mijn teamleider neemt elke week kantoorspullen mee naar huis.",
        "dienstonderdeel": Onderdeel.objects.get(code="belastingdienst").pk,
        "betrokkenen": "",
        "wijze": "anoniem",
        **extra,
    }


def melden(client, **extra):
    antwoord = client.post(reverse("meldkanaal:melden"), gegevens(**extra))
    assert antwoord.status_code == 200
    code = re.search(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}", antwoord.content.decode())
    return antwoord, code and code.group(0)


def terug(client, code, **extra):
    return client.post(reverse("meldkanaal:terug"), {"code": code}, follow=True, **extra)


def bestand(naam: str, inhoud: bytes):
    upload = io.BytesIO(inhoud)
    upload.name = naam
    return upload


def op_schijf(document) -> bytes:
    """What is stored for a document: read from DOCUMENT_ROOT as anyone with access to the server would."""
    return (Path(settings.DOCUMENT_ROOT) / document.pad).read_bytes()


def foto_met_exif() -> bytes:
    exif = Image.Exif()
    exif[0x013B] = "Jan Melder"  # Artist
    exif[0x010F] = "Geheime Camera"  # Make
    exif[0x0112] = 6  # Orientation: turned 90 degrees
    uit = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(uit, format="JPEG", exif=exif, comment=b"Jan Melder")
    return uit.getvalue()


def pdf_met_auteur() -> bytes:
    schrijver = PdfWriter()
    schrijver.add_blank_page(100, 100)
    schrijver.add_metadata({"/Author": "Jan Melder", "/Creator": "Jan Melder's laptop"})
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def pdf_met_sporen() -> bytes:
    """A PDF as a phone's scanner app or Acrobat makes it, with the maker in every place but the document
    properties: a photo put in as it was (its EXIF: artist, camera, time), that photo's XMP, a comment
    signed with the user name, the page's last change, an attached original, and the file identifier that
    every later save of the same document keeps."""
    from pypdf.annotations import Text
    from pypdf.generic import (
        ArrayObject,
        ByteStringObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        StreamObject,
        TextStringObject,
    )

    exif = Image.Exif()
    exif[0x013B] = "Jan Melder"  # Artist
    exif[0x0110] = "Geheime Camera"  # Model
    exif[0x0132] = "2026:12:05 05:58:12"  # DateTime
    foto = io.BytesIO()
    Image.new("RGB", (32, 32), "red").save(foto, format="JPEG", exif=exif)
    schrijver = PdfWriter()
    pagina = schrijver.add_blank_page(200, 200)

    def stroom(data: bytes, **sleutels) -> StreamObject:
        # pypdf has no public way to add an image; `_add_object` gives the stream its object number.
        nieuw = DecodedStreamObject() if "/Filter" not in sleutels else StreamObject()
        nieuw._data = data
        nieuw.update({NameObject(k): v for k, v in sleutels.items()})
        return schrijver._add_object(nieuw)

    xmp = stroom(
        b"<x:xmpmeta><dc:creator>Jan Melder</dc:creator></x:xmpmeta>", **{"/Type": NameObject("/Metadata")}
    )
    beeld = stroom(
        foto.getvalue(),
        **{
            "/Type": NameObject("/XObject"),
            "/Subtype": NameObject("/Image"),
            "/Width": NumberObject(32),
            "/Height": NumberObject(32),
            "/ColorSpace": NameObject("/DeviceRGB"),
            "/BitsPerComponent": NumberObject(8),
            "/Filter": NameObject("/DCTDecode"),
            "/Metadata": xmp,
        },
    )
    pagina[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): beeld})}
    )
    pagina[NameObject("/Contents")] = stroom(b"q 100 0 0 100 0 0 cm /Im0 Do Q")
    pagina[NameObject("/LastModified")] = TextStringObject("D:20261205055812+01'00'")
    opmerking = Text(text="Zie de kasboeken.", rect=(10, 10, 30, 30))
    opmerking[NameObject("/T")] = TextStringObject("Jan Melder")
    opmerking[NameObject("/M")] = TextStringObject("D:20261205055812")
    schrijver.add_annotation(page_number=0, annotation=opmerking)
    schrijver.add_attachment("origineel.docx", b"PK auteur Jan Melder")
    schrijver.add_metadata({"/Author": "Jan Melder"})
    schrijver._ID = ArrayObject([ByteStringObject(b"VASTE-ID-VAN-JAN"), ByteStringObject(b"WISSELENDE-ID")])
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def pdf_met_verschoven_startxref() -> bytes:
    """A PDF with author whose startxref points 3 bytes off, as many scanners write it: pypdf reads it
    anyway and logs a warning about the repair."""
    inhoud = pdf_met_auteur()
    kop, _, staart = inhoud.rpartition(b"startxref\n")
    positie, _, rest = staart.partition(b"\n")
    return kop + b"startxref\n" + str(int(positie) + 3).encode() + b"\n" + rest
