"""What the import commands share: a file from disk, the browser's flow in this process, the errors.

The operator runs a command, so the browser's upload limit does not apply (the unpacking and row limits
of the reader still hold). Every error goes to stderr with its line, and the command exits non-zero
without having changed anything.
"""

from pathlib import Path
from typing import NoReturn

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ..models import Importbestand
from . import services
from .bestand import Upload, lees_upload
from .soorten import ImportFout

GEEN_BESTAND = "Bestand niet gevonden: {pad}"


def upload_van_pad(pad: str) -> tuple[Path, Upload]:
    """The file at `pad` and its contents; BestandFout when it cannot be read as a spreadsheet."""
    bestand = Path(pad)
    if not bestand.is_file():
        raise CommandError(GEEN_BESTAND.format(pad=pad))
    with bestand.open("rb") as invoer:
        return bestand, lees_upload(invoer, max_bytes=max(bestand.stat().st_size, 1))


class Importopdracht(BaseCommand):
    """A command that imports one kind of file (`soort`, an Importbestand.Soort) by the browser's flow."""

    soort: str

    def direct_importeren(
        self, *, door, bestand: Path, upload: Upload, opnieuw: bool, waar: str = ""
    ) -> Importbestand:
        """Check, refuse a file imported before (unless `opnieuw`), import; the imported row.

        The errors of the file go to stderr and stop the command (`fouten_melden`, `waar` added to its
        last line). A refusal is a CommandError in the command's words (it names --opnieuw). A
        BestandFout is left to the command, which words it itself.
        """
        try:
            return services.importbestand_direct_importeren(
                soort=self.soort, door=door, bestandsnaam=bestand.name, upload=upload, opnieuw=opnieuw
            )
        except ImportFout as fout:
            fouten_melden(self.stderr, fout.fouten, waar=waar)
        except ValidationError as fout:
            raise CommandError(services.weigering(fout, opdracht=True)) from None


def fouten_melden(stderr, fouten: list, *, waar: str = "") -> NoReturn:
    """Each error on its own line on stderr, then stop: nothing was imported."""
    for fout in fouten:
        stderr.write(fout.als_tekst())
    raise CommandError(f"{len(fouten)} fout(en){waar}; er is niets geïmporteerd.")
