"""Checks on uploaded spreadsheets: by size and by real content, never by the file name alone."""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings

TE_GROOT = "Het bestand is te groot ({grootte} MB); het maximum is {maximum} MB."
LEEG = "Het bestand is leeg."
ONBEKEND_FORMAAT = (
    "Dit is geen .xlsx- of .csv-bestand. Sla het op als Excel-werkmap (.xlsx) of als CSV (UTF-8)."
)
ONLEESBARE_TEKST = (
    "Het bestand is geen geldige UTF-8-tekst (regel {regel}). "
    "Sla het op als 'CSV UTF-8 (door komma's gescheiden)'."
)


class UploadFout(ValueError):
    pass


@dataclass(frozen=True)
class Upload:
    soort: str  # "xlsx" or "csv"
    inhoud: bytes


def _mb(aantal: int) -> str:
    return f"{aantal / (1024 * 1024):.1f}".replace(".", ",")


def lees_upload(bestand, *, max_bytes: int | None = None) -> Upload:
    """Read an uploaded file and tell what it really is.

    An .xlsx is a zip archive holding xl/workbook.xml; a CSV is text that decodes as UTF-8 (with or
    without BOM) and has no NUL bytes. Anything else is refused, whatever its name says.
    """
    maximum = max_bytes or settings.MAX_UPLOAD_BYTES
    grootte = getattr(bestand, "size", None)
    if grootte is not None and grootte > maximum:
        raise UploadFout(TE_GROOT.format(grootte=_mb(grootte), maximum=_mb(maximum)))
    inhoud = bestand.read(maximum + 1)
    if len(inhoud) > maximum:
        raise UploadFout(TE_GROOT.format(grootte=f"meer dan {_mb(maximum)}", maximum=_mb(maximum)))
    if not inhoud.strip():
        raise UploadFout(LEEG)
    if inhoud.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
                if "xl/workbook.xml" in archief.namelist():
                    return Upload("xlsx", inhoud)
        except zipfile.BadZipFile:
            pass
        raise UploadFout(ONBEKEND_FORMAAT)
    if b"\x00" in inhoud:
        raise UploadFout(ONBEKEND_FORMAAT)
    try:
        inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        regel = inhoud[: fout.start].count(b"\n") + 1
        raise UploadFout(ONLEESBARE_TEKST.format(regel=regel)) from None
    return Upload("csv", inhoud)
