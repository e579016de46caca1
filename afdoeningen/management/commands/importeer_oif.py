from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from afdoeningen.importeren import register_controleren
from finintegriteit.kern.importeren import BestandFout, ImportFout, lees_upload
from finintegriteit.kern.importeren import services as importservices
from finintegriteit.kern.models import Importbestand


class Command(BaseCommand):
    help = (
        "Importeert het OIF-register (.xlsx of .csv, één regel per betrokkene) in één keer of helemaal niet. "
        "Bij een fout wordt niets opgeslagen en is de exitcode niet 0."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", help="pad naar het .xlsx- of .csv-bestand")
        parser.add_argument(
            "--controleer",
            action="store_true",
            help="alleen controleren en de aantallen tonen; niets opslaan",
        )
        parser.add_argument("--gebruiker", help="gebruikersnaam die in de audittrail als importeur staat")
        parser.add_argument(
            "--opnieuw",
            action="store_true",
            help="ook importeren als precies dit bestand al eerder is geïmporteerd (telt dan dubbel)",
        )

    def handle(self, *args, pad, controleer, gebruiker, opnieuw, **options):
        door = None
        if gebruiker:
            door = get_user_model().objects.filter(username=gebruiker).first()
            if door is None:
                raise CommandError(f"Gebruiker '{gebruiker}' bestaat niet.")
        bestand = Path(pad)
        if not bestand.is_file():
            raise CommandError(f"Bestand niet gevonden: {pad}")
        try:
            with bestand.open("rb") as f:
                upload = lees_upload(f, max_bytes=max(settings.MAX_UPLOAD_BYTES, bestand.stat().st_size))
            if controleer:
                uitkomst = register_controleren(upload)
                self._fouten(uitkomst.fouten, pad)
                aantallen = uitkomst.aantallen
            else:
                aantallen = self._importeren(
                    door=door, naam=bestand.name, upload=upload, opnieuw=opnieuw, pad=pad
                )
        except BestandFout as fout:
            raise CommandError(f"{pad}: {fout} Er is niets geïmporteerd.") from None

        kop = "Gecontroleerd, niets opgeslagen" if controleer else "Geïmporteerd"
        self.stdout.write(
            f"{kop}: {aantallen['meldingen']} meldingen ({aantallen['afgedane_meldingen']} afgedaan), "
            f"{aantallen['betrokkenen']} betrokkenen, {aantallen['afdoeningen']} afdoeningen, "
            f"{aantallen['open_betrokkenen']} betrokkenen met een lopende zaak; "
            f"{aantallen['met_nummer']} met eigen meldingsnummer, "
            f"{aantallen['nieuw_nummer']} met een nieuw nummer."
        )
        for jaar, aantal in aantallen.get("per_jaar", {}).items():
            self.stdout.write(f"  ontvangen in {jaar}: {aantal} meldingen")

    def _importeren(self, *, door, naam, upload, opnieuw, pad) -> dict:
        """The browser's flow, in this process: check, refuse a repeated file, import."""
        try:
            rij = importservices.importbestand_direct_importeren(
                soort=Importbestand.Soort.OIF_REGISTER,
                door=door,
                bestandsnaam=naam,
                upload=upload,
                opnieuw=opnieuw,
            )
        except ImportFout as fout:
            self._fouten(fout.fouten, pad)
        except ValidationError as fout:
            raise CommandError(importservices.weigering(fout, opdracht=True)) from None
        return rij.aantallen

    def _fouten(self, fouten, pad) -> None:
        if not fouten:
            return
        for fout in fouten:
            self.stderr.write(fout.als_tekst())
        raise CommandError(f"{len(fouten)} fout(en) in {pad}; er is niets geïmporteerd.")
