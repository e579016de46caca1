"""Import of existing Tellijsten: read (lezen), check (controle), keep between preview and commit (opslag)."""

import datetime
import re

from finintegriteit.kern.uploads import Upload

from .controle import Controle, Fout, Opzoektabellen, controleer_tellijst
from .lezen import LeesFout, lees_tabel

# lees_upload puts the line of the first undecodable byte in its message; the preview shows it as the line.
_REGEL_IN_MELDING = re.compile(r"\(regel (\d+)\)")


def bestandsfout(melding: str, *, regel: int | None = None) -> Controle:
    """A Controle for a file that could not be read at all (wrong type, empty, broken encoding)."""
    if regel is None and (gevonden := _REGEL_IN_MELDING.search(melding)):
        regel = int(gevonden.group(1))
    return Controle(fouten=[Fout(regel, None, "", melding)])


def controleer_bestand(upload: Upload, *, vandaag: datetime.date) -> Controle:
    """Read and check an uploaded Tellijst; the taxonomy tables cost one query each."""
    try:
        tabel = lees_tabel(upload)
        return controleer_tellijst(
            tabel.kop, tabel.rijen, tabellen=Opzoektabellen.laden(), vandaag=vandaag, kopregel=tabel.kopregel
        )
    except LeesFout as fout:
        return bestandsfout(str(fout), regel=fout.regel)
