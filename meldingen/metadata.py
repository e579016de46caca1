"""Removing metadata from the files a melder sends, so that a photo or a PDF does not give away who made it.

Images (PNG, JPEG, GIF) go through Pillow: the pixels are copied into a new image and saved without
EXIF (camera, time, GPS position), XMP, ICC profile or comments; the EXIF orientation is applied first,
so the photo still stands upright. PDFs go through pypdf: the document information (author, creator,
producer, dates), every XMP stream, the authors and dates of comments, attached files, the EXIF of
photos put in as they were, and the file identifier are removed. Everything else (Word, Excel,
e-mail, an animated GIF, an encrypted or damaged PDF) is kept as it is: no well-kept library removes
their metadata reliably, and the melder is told so (UITLEG).

Neither library looks at what the file shows: a face in a photo, a name in a letter stays.

Both libraries report what they repaired or suspected: pypdf through its loggers ('incorrect startxref
pointer', a common scanner defect), Pillow through Python warnings (DecompressionBombWarning). Each such
line carries the time it was written, which is the time of the upload give or take a second
(docs/beveiliging.md, 'Geen spoor van de melder'). While a melder's file is cleaned, they are taken in and
dropped (`_stil`); nothing replaces them, because any line would date the upload just the same, and the
outcome is kept where it can be seen without a time: the document's `opschoning`.
"""

import io
import logging
import sys
import threading
import warnings
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

# Told to the melder before and after sending (templates of the meldkanaal), so the promise and the
# behaviour are one text.
UITLEG_WEL = (
    "Van foto's en afbeeldingen (JPG, PNG, GIF) halen we de verborgen gegevens weg: camera, tijdstip, "
    "GPS-locatie, auteur en opmerkingen.",
    "Van PDF's halen we de documenteigenschappen weg (auteur, maker, programma en datums), ook die van "
    "foto's en opmerkingen in de PDF, en bestanden die in de PDF zijn bijgevoegd.",
    "Lukt dat bij een foto of PDF niet, dan sturen we hem niet mee en leest u waarom.",
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


# The kinds whose metadata are removed: the form promises it for these (UITLEG_WEL).
OPSCHOONBAAR = ("jpeg", "png", "gif", "pdf")


def opschonen(inhoud: bytes, *, soort: str) -> Resultaat:
    """The file without its metadata, or None with the reason why that was not possible."""
    if soort in ("jpeg", "png", "gif"):
        with _stil():
            return _afbeelding(inhoud, soort=soort)
    if soort == "pdf":
        with _stil():
            return _pdf(inhoud)
    return Resultaat(None, "Van dit soort bestand kunnen we de verborgen gegevens niet weghalen.")


# What the libraries reported during the cleaning in this thread (or task); None outside a cleaning.
# A context variable, not a logger level or warnings.catch_warnings(): both change the whole process,
# and without Redis the cleaning runs in a web process, where other threads (runserver, a report in
# TAKEN_IN_DRAAD) log and warn at the same time; their lines must neither vanish nor be taken in here.
_opgevangen: ContextVar[list[int] | None] = ContextVar("metadata_opgevangen", default=None)
_BIBLIOTHEKEN = ("pypdf", "PIL")
_slot = threading.Lock()


class _Opvangen(logging.Filter):
    """On the libraries' loggers and py.warnings: a record made during a cleaning is taken in, not emitted."""

    def filter(self, record: logging.LogRecord) -> bool:
        opgevangen = _opgevangen.get()
        if opgevangen is None:
            return True
        opgevangen.append(record.levelno)
        return False


_FILTER = _Opvangen()


def _waarschuwing_opvangen(eerder):
    """warnings.showwarning that takes in a warning during a cleaning and passes any other on. In the
    worker Celery sends warnings to the py.warnings logger (logging.captureWarnings); in a web process
    they go to stderr, which a log driver dates too."""

    def tonen(message, category, filename, lineno, file=None, line=None):
        opgevangen = _opgevangen.get()
        if opgevangen is None:
            return eerder(message, category, filename, lineno, file, line)
        opgevangen.append(logging.WARNING)
        return None

    tonen.metadata_stil = True
    return tonen


@contextmanager
def _stil():
    """Keep what pypdf and Pillow log or warn while this thread cleans a melder's file out of every log."""
    # Both libraries fully imported first, so that every module that logs is known below.
    import pypdf  # noqa: F401
    from PIL import Image

    Image.init()  # Pillow imports most of its plugins only when a file needs them
    with _slot:
        # pypdf logs under the name of the module that complains (pypdf._reader): a filter on a parent
        # logger does not see records of its children, so each gets it (once: addFilter skips a repeat).
        namen = [naam for naam in list(sys.modules) if naam.split(".")[0] in _BIBLIOTHEKEN]
        for naam in [*namen, "py.warnings"]:
            logging.getLogger(naam).addFilter(_FILTER)
        # Checked each time: logging.captureWarnings() or a test may have put another one in front.
        if not getattr(warnings.showwarning, "metadata_stil", False):
            warnings.showwarning = _waarschuwing_opvangen(warnings.showwarning)
    token = _opgevangen.set([])
    try:
        yield
    finally:
        _opgevangen.reset(token)


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
        namen = schrijver.root_object.get("/Names")
        if namen is not None:
            namen.get_object().pop("/EmbeddedFiles", None)
        for pagina in schrijver.pages:
            _bijlagen_van_pagina_weghalen(pagina)
        for woordenboek in _woordenboeken(schrijver.root_object):
            _sporen_weghalen(woordenboek)
        # The trailer's /ID: its first half stays the same through every save of a document, so two files
        # made from one original would be linked. Both halves new and random.
        schrijver._ID = None
        schrijver.generate_file_identifiers()
        _onbereikbaar_weglaten(schrijver)
        uit = io.BytesIO()
        schrijver.write(uit)
    except (PyPdfError, OSError, ValueError, KeyError, TypeError):
        return Resultaat(None, "Deze PDF konden we niet lezen, dus ook niet opschonen.")
    return Resultaat(uit.getvalue(), "Auteur, maker, programma, datums en bijlagen uit de PDF verwijderd.")


def _onbereikbaar_weglaten(schrijver) -> None:
    """Leave out what the document no longer refers to (an XMP stream, an attached file): the clone
    holds every object of the original and would write them all.

    pypdf drops an object only when no other object refers to it, so an attached file stays as long as
    its orphaned file specification does: repeated until nothing more goes. (`_objects` is pypdf's list
    of the objects it will write; it has no public count.)
    """
    while True:
        voor = sum(obj is not None for obj in schrijver._objects)
        schrijver.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        if sum(obj is not None for obj in schrijver._objects) == voor:
            return


# What names or dates the maker, wherever it stands in a PDF: XMP streams (of the document, a page, an
# image, a font), application data, a page's last change, associated files.
_PDF_SPOREN = ("/Metadata", "/PieceInfo", "/LastModified", "/AF")
# A comment or highlight carries its author (Acrobat signs with the Windows user name) and its dates.
_ANNOTATIE_SPOREN = ("/T", "/M", "/CreationDate")


def _woordenboeken(begin):
    """Every dictionary (streams too) reachable from `begin`, each once, without recursion: a page tree
    points back to its parents."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    gezien, stapel = set(), [begin]
    while stapel:
        item = stapel.pop()
        if isinstance(item, IndirectObject):
            if (item.idnum, item.generation) in gezien:
                continue
            gezien.add((item.idnum, item.generation))
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            yield item
            stapel.extend(item.values())
        elif isinstance(item, ArrayObject):
            stapel.extend(item)


def _sporen_weghalen(woordenboek) -> None:
    from pypdf.generic import StreamObject

    for sleutel in _PDF_SPOREN:
        woordenboek.pop(sleutel, None)
    if woordenboek.get("/Type") == "/Annot" or ("/Subtype" in woordenboek and "/Rect" in woordenboek):
        for sleutel in _ANNOTATIE_SPOREN:
            woordenboek.pop(sleutel, None)
    if isinstance(woordenboek, StreamObject) and woordenboek.get("/Subtype") == "/Image":
        filters = woordenboek.get("/Filter")
        if filters == "/DCTDecode":
            # A photo put into a PDF as it was (scanner apps, img2pdf) keeps its EXIF: camera, time, GPS.
            # StreamObject.set_data stores the bytes as they are; the subclass would re-encode them.
            StreamObject.set_data(woordenboek, _jpeg_zonder_metadata(woordenboek.get_data()))
        elif isinstance(filters, list) and "/DCTDecode" in filters:
            raise ValueError("een JPEG achter een ander filter: niet op te schonen")


def _bijlagen_van_pagina_weghalen(pagina) -> None:
    """A file attached to a comment (a paperclip on the page) goes with it: it is another document."""
    from pypdf.generic import ArrayObject, NameObject

    annotaties = pagina.get("/Annots")
    if annotaties is None:
        return
    over = [a for a in annotaties.get_object() if a.get_object().get("/Subtype") != "/FileAttachment"]
    pagina[NameObject("/Annots")] = ArrayObject(over)


# JPEG segments that carry metadata: APP1 (EXIF, XMP), APP3 to APP13 (APP13: Photoshop's IPTC, with the
# author's name), APP15 and comments. Kept: APP0 (JFIF), APP2 (the ICC colour profile) and APP14 (Adobe's
# colour transform, without which a CMYK scan shows the wrong colours).
_JPEG_WEG = {0xE1, *range(0xE3, 0xEE), 0xEF, 0xFE}


def _jpeg_zonder_metadata(jpeg: bytes) -> bytes:
    """The JPEG's bytes without its metadata segments, the image itself untouched (no re-encoding)."""
    if jpeg[:2] != b"\xff\xd8":
        raise ValueError("geen JPEG")
    uit, positie = bytearray(b"\xff\xd8"), 2
    while positie + 4 <= len(jpeg):
        if jpeg[positie] != 0xFF:
            raise ValueError("beschadigde JPEG")
        marker = jpeg[positie + 1]
        if marker == 0xFF:  # padding before a marker
            positie += 1
            continue
        if marker == 0xDA:  # start of scan: the image data follow, up to the end
            uit += jpeg[positie:]
            return bytes(uit)
        lengte = int.from_bytes(jpeg[positie + 2 : positie + 4], "big")
        einde = positie + 2 + lengte
        if lengte < 2 or einde > len(jpeg):
            raise ValueError("beschadigde JPEG")
        if marker not in _JPEG_WEG:
            uit += jpeg[positie:einde]
        positie = einde
    raise ValueError("JPEG zonder beeldgegevens")
