"""python manage.py importeer_tellijst PAD --door GEBRUIKERSNAAM [--opnieuw]

The same import as the browser (the same flow, in this process): every row or none, and a file that
was imported before is refused unless --opnieuw says it is intended. Errors go to stderr with their
line, and the command exits non-zero without changing anything. There is no upload size limit here:
the operator runs it (the unpacking and row limits still hold).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils import timezone

from finintegriteit.kern.importeren import BestandFout, opdracht
from finintegriteit.kern.models import Importbestand
from finintegriteit.kern.rollen import VERTROUWENSPERSOON, heeft_rol

from ...importeren import controleer_bestand

GEEN_GEBRUIKER = "Gebruiker '{naam}' bestaat niet."
GEEN_VERTROUWENSPERSOON = (
    "Gebruiker '{naam}' heeft de rol Vertrouwenspersoon niet; de rijen worden op diens naam vastgelegd."
)


class Command(opdracht.Importopdracht):
    soort = Importbestand.Soort.TELLIJST
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
        parser.add_argument(
            "--opnieuw",
            action="store_true",
            help="Ook importeren als precies dit bestand al eerder is geïmporteerd (telt dan dubbel).",
        )

    def handle(self, *args, pad, door, alleen_controleren, opnieuw, **options):
        gebruiker = get_user_model().objects.filter(username=door).first()
        if gebruiker is None:
            raise CommandError(GEEN_GEBRUIKER.format(naam=door))
        if not heeft_rol(gebruiker, VERTROUWENSPERSOON):
            raise CommandError(GEEN_VERTROUWENSPERSOON.format(naam=door))
        try:
            bestand, upload = opdracht.upload_van_pad(pad)
        except BestandFout as fout:
            self._fouten([fout.als_fout()])
        if alleen_controleren:
            controle = controleer_bestand(upload, vandaag=timezone.localdate())
            if not controle.in_orde:
                self._fouten(controle.fouten)
            self._tellingen(
                controle.aantal_in_orde, controle.per_jaar, controle.aantal_open, "in orde (niets opgeslagen)"
            )
            return
        try:
            rij = self.direct_importeren(door=gebruiker, bestand=bestand, upload=upload, opnieuw=opnieuw)
        except BestandFout as fout:
            self._fouten([fout.als_fout()])
        a = rij.aantallen
        self._tellingen(a["in_orde"], a["per_jaar"], a["open"], "geïmporteerd")

    def _tellingen(self, aantal, per_jaar: dict, aantal_open: int, wat: str) -> None:
        jaren = ", ".join(f"{jaar}: {n}" for jaar, n in sorted((str(j), n) for j, n in per_jaar.items()))
        self.stdout.write(
            f"{aantal} adviesvragen {wat} ({jaren}); open: {aantal_open}, gesloten: {aantal - aantal_open}."
        )

    def _fouten(self, fouten) -> None:
        opdracht.fouten_melden(self.stderr, fouten)
