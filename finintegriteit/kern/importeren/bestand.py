"""An uploaded spreadsheet: refused by size and by real content before anything parses it.

An .xlsx is a zip archive, and a small archive can unpack to gigabytes (a 'zip bomb': one 2.5 MB
file of repeated shared strings grows a parser to more than a gigabyte). The sizes every part will
unpack to are in the archive's central directory, which costs nothing to read; Python's zipfile
stops at the declared size and raises on a part that lies about it. So the limits below, checked on
that directory before openpyxl opens the file, bound what any later step can unpack.
"""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings

from . import berichten
from .fouten import BestandFout

WERKBLADEN = "xl/worksheets/"


@dataclass(frozen=True)
class Upload:
    soort: str  # "xlsx" or "csv"
    inhoud: bytes


def lees_upload(bestand, *, max_bytes: int | None = None) -> Upload:
    """Read an uploaded file (anything with .read(), and .size when known) and tell what it really is.

    An .xlsx is a zip archive holding xl/workbook.xml within the unpacking limits; a CSV is text that
    decodes as UTF-8 (with or without BOM) and has no NUL bytes. Anything else is refused, whatever
    its name says.
    """
    maximum = max_bytes or settings.MAX_UPLOAD_BYTES
    grootte = getattr(bestand, "size", None)
    if grootte is not None and grootte > maximum:
        raise BestandFout(
            berichten.TE_GROOT.format(grootte=berichten.mb(grootte), maximum=berichten.mb(maximum))
        )
    inhoud = bestand.read(maximum + 1)
    if len(inhoud) > maximum:
        raise BestandFout(
            berichten.TE_GROOT.format(
                grootte=f"meer dan {berichten.mb(maximum)}", maximum=berichten.mb(maximum)
            )
        )
    return herken(inhoud)


def herken(inhoud: bytes) -> Upload:
    """The Upload for these bytes, or BestandFout; used again when a stored preview is read back."""
    if not inhoud.strip():
        raise BestandFout(berichten.LEEG)
    if inhoud.startswith(b"PK\x03\x04"):
        controleer_werkmap(inhoud)
        return Upload("xlsx", inhoud)
    if b"\x00" in inhoud:
        raise BestandFout(berichten.ONBEKEND_FORMAAT)
    try:
        inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        regel = inhoud[: fout.start].count(b"\n") + 1
        raise BestandFout(berichten.ONLEESBARE_TEKST.format(regel=regel), regel=regel) from None
    return Upload("csv", inhoud)


def controleer_werkmap(inhoud: bytes) -> None:
    """Refuse an archive that is not a workbook, or that unpacks beyond the configured limits.

    Only the central directory is read here; no part is decompressed.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            delen = archief.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise BestandFout(berichten.ONBEKEND_FORMAAT) from None
    if not any(deel.filename == "xl/workbook.xml" for deel in delen):
        raise BestandFout(berichten.ONBEKEND_FORMAAT)
    if len(delen) > settings.IMPORT_MAX_ZIPDELEN:
        raise BestandFout(
            berichten.TE_VEEL_DELEN.format(aantal=len(delen), maximum=settings.IMPORT_MAX_ZIPDELEN)
        )
    totaal = sum(deel.file_size for deel in delen)
    if totaal > settings.IMPORT_MAX_UITGEPAKT_BYTES:
        raise BestandFout(
            berichten.TE_GROOT_UITGEPAKT.format(
                grootte=berichten.mb(totaal), maximum=berichten.mb(settings.IMPORT_MAX_UITGEPAKT_BYTES)
            )
        )
    # openpyxl reads every part but the worksheets whole into memory (the shared strings above all),
    # so those parts get a much smaller limit; worksheets are streamed row by row.
    for deel in delen:
        if not deel.filename.startswith(WERKBLADEN) and deel.file_size > settings.IMPORT_MAX_ONDERDEEL_BYTES:
            raise BestandFout(
                berichten.TE_GROOT_UITGEPAKT.format(
                    grootte=berichten.mb(deel.file_size),
                    maximum=berichten.mb(settings.IMPORT_MAX_ONDERDEEL_BYTES),
                )
            )
