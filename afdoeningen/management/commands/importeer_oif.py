from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from afdoeningen.importeren import register_controleren
from finintegriteit.kern.importeren import BestandFout, opdracht
from finintegriteit.kern.models import Importbestand


class Command(opdracht.Importopdracht):
    soort = Importbestand.Soort.OIF_REGISTER
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
        try:
            bestand, upload = opdracht.upload_van_pad(pad)
            if controleer:
                uitkomst = register_controleren(upload)
                self._fouten(uitkomst.fouten, pad)
                aantallen = uitkomst.aantallen
            else:
                aantallen = self.direct_importeren(
                    door=door, bestand=bestand, upload=upload, opnieuw=opnieuw, waar=f" in {pad}"
                ).aantallen
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
        if nummers := aantallen.get("nieuwe_nummers"):
            self.stdout.write(f"  nieuwe nummers: {nummers}")

    def _fouten(self, fouten, pad) -> None:
        if fouten:
            opdracht.fouten_melden(self.stderr, fouten, waar=f" in {pad}")
