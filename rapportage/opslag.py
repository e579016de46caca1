"""Where finished reports live: private files under RAPPORT_ROOT, one per attempt, written atomically."""

import hashlib
import os
import tempfile
from pathlib import Path

from django.conf import settings

from .models import Rapport


def atomair_schrijven(doel: Path, inhoud: bytes, *, prefix: str, overschrijven: bool = True) -> None:
    """Write a file that a reader sees either whole or not at all.

    The bytes go to a temporary file next to the target (`prefix`...`.tmp`, so a cleanup can find the
    rest of a killed writer), are synced to disk and then renamed onto the target. With
    `overschrijven=False` the file is linked instead, which fails when the name already exists.
    """
    descriptor, tijdelijk = tempfile.mkstemp(dir=doel.parent, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as bestand:
            bestand.write(inhoud)
            bestand.flush()
            os.fsync(bestand.fileno())
        if overschrijven:
            os.replace(tijdelijk, doel)
        else:
            os.link(tijdelijk, doel)
    finally:
        Path(tijdelijk).unlink(missing_ok=True)


def bestandsnaam(rapport: Rapport) -> str:
    scope = rapport.onderdeel.code if rapport.onderdeel_id else "ministerie"
    vastgesteld = "-vastgesteld" if rapport.soort == Rapport.Soort.VASTSTELLING else ""
    return f"jaarrapportage-integriteit-{rapport.jaar}-{scope}{vastgesteld}.pdf"


def relatief_pad(rapport: Rapport) -> str:
    # Per attempt: a run that lost the row to another cannot overwrite the file the row points at.
    return f"{rapport.jaar}/{rapport.pk}-{rapport.pogingen}-{bestandsnaam(rapport)}"


def opslaan(rapport: Rapport, inhoud: bytes) -> tuple[str, str]:
    relatief = relatief_pad(rapport)
    doel = Path(settings.RAPPORT_ROOT) / relatief
    doel.parent.mkdir(parents=True, exist_ok=True)
    atomair_schrijven(doel, inhoud, prefix=f".{rapport.pk}-")
    return relatief, hashlib.sha256(inhoud).hexdigest()


def andere_pogingen_opruimen(rapport: Rapport, *, behalve: str) -> None:
    """Files of earlier attempts of this row (killed after writing, before marking the row klaar)."""
    eigen = Path(settings.RAPPORT_ROOT) / behalve
    for ander in eigen.parent.glob(f"{rapport.pk}-*-{bestandsnaam(rapport)}"):
        if ander != eigen:
            ander.unlink(missing_ok=True)


def tijdelijke_opruimen(rapport: Rapport) -> None:
    """Remove half-written files of this row, e.g. from a worker that was killed while writing."""
    map_ = Path(settings.RAPPORT_ROOT) / str(rapport.jaar)
    if map_.is_dir():
        for rest in map_.glob(f".{rapport.pk}-*.tmp"):
            rest.unlink(missing_ok=True)


def rapport_pad(rapport: Rapport) -> Path | None:
    """The file of a finished report, only if it lies inside RAPPORT_ROOT and exists."""
    if rapport.status != Rapport.Status.KLAAR or not rapport.bestand:
        return None
    root = Path(settings.RAPPORT_ROOT).resolve()
    pad = (root / rapport.bestand).resolve()
    if not pad.is_relative_to(root) or not pad.is_file():
        return None
    return pad
