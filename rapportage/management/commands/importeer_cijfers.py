"""`manage.py importeer_cijfers PAD --door GEBRUIKER`: a published year's figures as its adopted figures.

For a year the system has no rows of (a ministry starting with the system has its published reports):
the file is in the format of `exporteer_cijfers`; comparisons and arrows of later reports then use it.
"""

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from finintegriteit.kern.importeren.opdracht import GEEN_BESTAND
from rapportage.management.opties import gebruiker_uit_optie
from rapportage.toegang import scope_naam
from rapportage.vaststelling.services import cijfers_importeren


class Command(BaseCommand):
    help = "Leest de cijfers van een gepubliceerd jaarverslag in (JSON van exporteer_cijfers)."

    def add_arguments(self, parser):
        parser.add_argument("pad", help="JSON-bestand in de vorm van exporteer_cijfers.")
        parser.add_argument("--door", required=True, help="Gebruikersnaam van wie de cijfers inleest.")

    def handle(self, *args, pad, door, **options):
        gebruiker = gebruiker_uit_optie(door)
        bestand = Path(pad)
        if not bestand.is_file():
            raise CommandError(GEEN_BESTAND.format(pad=pad))
        try:
            vaststelling = cijfers_importeren(tekst=bestand.read_text(encoding="utf-8"), door=gebruiker)
        except (PermissionDenied, ValidationError) as fout:
            raise CommandError(" ".join(getattr(fout, "messages", [str(fout)]))) from fout
        scope = scope_naam(vaststelling.onderdeel)
        self.stdout.write(
            f"Cijfers van {vaststelling.jaar} ({scope}) ingelezen als vastgestelde cijfers; "
            f"SHA-256 {vaststelling.cijfers_sha256}."
        )
