"""Removing metadata from the files a melder sends, so that a photo or a PDF does not give away who made it.

Images (PNG, JPEG, GIF) go through Pillow: the pixels are copied into a new image and saved without
EXIF (camera, time, GPS position), XMP, ICC profile or comments; the EXIF orientation is applied first,
so the photo still stands upright. PDFs go through pypdf: the document information (author, creator,
producer, dates), the XMP stream and the per-page metadata are removed. Everything else (Word, Excel,
e-mail, an animated GIF, an encrypted or damaged PDF) is kept as it is: no well-kept library removes
their metadata reliably, and the melder is told so (UITLEG).

Neither library looks at what the file shows: a face in a photo, a name in a letter stays.
"""

import io
from dataclasses import dataclass

# Told to the melder before and after sending (templates of the meldkanaal), so the promise and the
# behaviour are one text.
UITLEG_WEL = (
    "Van foto's en afbeeldingen (JPG, PNG, GIF) halen we de verborgen gegevens weg: camera, tijdstip, "
    "GPS-locatie, auteur en opmerkingen.",
    "Van PDF's halen we de documenteigenschappen weg: auteur, maker, programma en datums.",
)
UITLEG_NIET = (
    "Van Word-, Excel-, PowerPoint- en OpenDocument-bestanden en e-mails halen we niets weg: daarin kan "
    "uw naam staan (bijvoorbeeld als auteur). Sla zo'n bestand liever eerst op als PDF. Wat op een foto "
    "te zien is of in een tekst staat, blijft altijd staan."
)


@dataclass(frozen=True)
class Resultaat:
    inhoud: bytes | None  # None: not cleaned, keep the original
    uitleg: str


def opschonen(inhoud: bytes, *, soort: str) -> Resultaat:
    """The file without its metadata, or None with the reason why that was not possible."""
    if soort in ("jpeg", "png", "gif"):
        return _afbeelding(inhoud, soort=soort)
    if soort == "pdf":
        return _pdf(inhoud)
    return Resultaat(None, "Van dit soort bestand kunnen we de verborgen gegevens niet weghalen.")


def _afbeelding(inhoud: bytes, *, soort: str) -> Resultaat:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(inhoud)) as beeld:
            if getattr(beeld, "n_frames", 1) > 1:
                return Resultaat(None, "Van een bewegende afbeelding kunnen we de gegevens niet weghalen.")
            rechtop = ImageOps.exif_transpose(beeld)
            schoon = Image.frombytes(rechtop.mode, rechtop.size, rechtop.tobytes())
            if rechtop.mode == "P":
                schoon.putpalette(rechtop.getpalette())
            opties = {}
            # Transparency is part of the picture, not metadata; everything else in `info` is dropped.
            if "transparency" in rechtop.info:
                opties["transparency"] = rechtop.info["transparency"]
            if soort == "jpeg":
                opties["quality"] = 95
            uit = io.BytesIO()
            schoon.save(uit, format={"jpeg": "JPEG", "png": "PNG", "gif": "GIF"}[soort], **opties)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return Resultaat(None, "Deze afbeelding konden we niet lezen, dus ook niet opschonen.")
    return Resultaat(uit.getvalue(), "Camera, tijdstip, locatie en andere verborgen gegevens verwijderd.")


def _pdf(inhoud: bytes) -> Resultaat:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        lezer = PdfReader(io.BytesIO(inhoud))
        if lezer.is_encrypted:
            return Resultaat(None, "Deze PDF is beveiligd; de eigenschappen konden we niet weghalen.")
        schrijver = PdfWriter(clone_from=lezer)
        schrijver.metadata = None
        for houder in (schrijver.root_object, *schrijver.pages):
            houder.pop("/Metadata", None)
            houder.pop("/PieceInfo", None)
        uit = io.BytesIO()
        schrijver.write(uit)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError):
        return Resultaat(None, "Deze PDF konden we niet lezen, dus ook niet opschonen.")
    return Resultaat(uit.getvalue(), "Auteur, maker, programma en datums zijn uit de PDF verwijderd.")
