"""python manage.py importeer_tellijst PAD --door GEBRUIKERSNAAM

The same import as the browser: every row or none. Errors go to stderr with their line, and the
command exits non-zero without changing anything. There is no upload limit here: the operator runs it.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from finintegriteit.kern.rollen import VERTROUWENSPERSOON, heeft_rol
from finintegriteit.kern.uploads import UploadFout, lees_upload

from ...importeren import bestandsfout, controleer_bestand
from ...services import TellijstImportFout, tellijst_importeren

GEEN_GEBRUIKER = "Gebruiker '{naam}' bestaat niet."
GEEN_VERTROUWENSPERSOON = (
    "Gebruiker '{naam}' heeft de rol Vertrouwenspersoon niet; de rijen worden op diens naam vastgelegd."
)
GEEN_BESTAND = "Bestand niet gevonden: {pad}"


class Command(BaseCommand):
    help = "Importeert een Tellijst (.xlsx of .csv) in één keer, of niets bij een fout."

    def add_arguments(self, parser):
        parser.add_argument("pad", help="Het .xlsx- of .csv-bestand.")
        parser.add_argument(
            "--door", required=True, help="Gebruikersnaam van de vertrouwenspersoon die de rijen registreert."
        )
        parser.add_argument(
            "--alleen-controleren",
            action="store_true",
            help="Controleer het bestand zonder iets op te slaan.",
        )

    def handle(self, *args, pad, door, alleen_controleren, **options):
        gebruiker = get_user_model().objects.filter(username=door).first()
        if gebruiker is None:
            raise CommandError(GEEN_GEBRUIKER.format(naam=door))
        if not heeft_rol(gebruiker, VERTROUWENSPERSOON):
            raise CommandError(GEEN_VERTROUWENSPERSOON.format(naam=door))
        bestand = Path(pad)
        if not bestand.is_file():
            raise CommandError(GEEN_BESTAND.format(pad=pad))
        with bestand.open("rb") as invoer:
            try:
                upload = lees_upload(invoer, max_bytes=max(bestand.stat().st_size, 1))
            except UploadFout as fout:
                self._fouten(bestandsfout(str(fout)))
        vandaag = timezone.localdate()
        if alleen_controleren:
            controle = controleer_bestand(upload, vandaag=vandaag)
            if not controle.in_orde:
                self._fouten(controle)
            self._tellingen(controle, "in orde (niets opgeslagen)")
            return
        try:
            controle = tellijst_importeren(door=gebruiker, upload=upload, vandaag=vandaag)
        except TellijstImportFout as fout:
            self._fouten(fout.controle)
        self._tellingen(controle, "geïmporteerd")

    def _tellingen(self, controle, wat: str) -> None:
        per_jaar = ", ".join(f"{jaar}: {n}" for jaar, n in sorted(controle.per_jaar.items()))
        self.stdout.write(
            f"{controle.aantal_in_orde} adviesvragen {wat} ({per_jaar}); "
            f"open: {controle.aantal_open}, gesloten: {controle.aantal_gesloten}."
        )

    def _fouten(self, controle) -> None:
        for fout in controle.fouten:
            plaats = f"regel {fout.regel}" if fout.regel else "bestand"
            kolom = f", kolom {fout.kolom}" if fout.kolom else ""
            waarde = f", waarde '{fout.waarde}'" if fout.waarde else ""
            toegestaan = f" Toegestaan: {', '.join(fout.toegestaan)}." if fout.toegestaan else ""
            self.stderr.write(f"{plaats}{kolom}{waarde}: {fout.melding}{toegestaan}")
        raise CommandError(f"{len(controle.fouten)} fout(en); er is niets geïmporteerd.")
