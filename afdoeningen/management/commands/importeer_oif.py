from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from afdoeningen.importeren import BestandFout, RegisterFout, register_controleren, register_importeren
from finintegriteit.kern.uploads import UploadFout, lees_upload


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

    def handle(self, *args, pad, controleer, gebruiker, **options):
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
                samenvatting, fouten = register_controleren(inhoud=upload.inhoud, soort=upload.soort)
                if fouten:
                    raise RegisterFout(fouten)
            else:
                samenvatting = register_importeren(door=door, inhoud=upload.inhoud, soort=upload.soort)
        except (UploadFout, BestandFout) as fout:
            raise CommandError(f"{pad}: {fout} Er is niets geïmporteerd.") from None
        except RegisterFout as fout:
            for regel in fout.fouten:
                self.stderr.write(regel.als_tekst())
            raise CommandError(f"{len(fout.fouten)} fout(en) in {pad}; er is niets geïmporteerd.") from None

        kop = "Gecontroleerd, niets opgeslagen" if controleer else "Geïmporteerd"
        self.stdout.write(
            f"{kop}: {samenvatting.meldingen} meldingen ({samenvatting.afgedane_meldingen} afgedaan), "
            f"{samenvatting.betrokkenen} betrokkenen, {samenvatting.afdoeningen} afdoeningen, "
            f"{samenvatting.open_betrokkenen} betrokkenen met een lopende zaak; "
            f"{samenvatting.met_nummer} met eigen meldingsnummer, "
            f"{samenvatting.nieuw_nummer} met een nieuw nummer."
        )
        for jaar, aantal in samenvatting.per_jaar.items():
            self.stdout.write(f"  ontvangen in {jaar}: {aantal} meldingen")
