"""`manage.py stel_rapport_vast --jaar 2024 [--onderdeel NAAM] --door GEBRUIKER`: adopt a year's report.

The same service as the button in the browser: figures, texts and PDF are frozen with who and when.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from rapportage.management.opties import gebruiker_uit_optie, jaar_en_onderdeel_opties, onderdeel_uit_optie
from rapportage.toegang import scope_naam
from rapportage.vaststelling.services import rapport_vaststellen


class Command(BaseCommand):
    help = "Stelt de jaarrapportage van een jaar vast: cijfers, teksten en PDF worden bevroren."

    def add_arguments(self, parser):
        jaar_en_onderdeel_opties(parser)
        parser.add_argument("--door", required=True, help="Gebruikersnaam van wie het rapport vaststelt.")

    def handle(self, *args, jaar, onderdeel=None, door, **options):
        gekozen = onderdeel_uit_optie(onderdeel)
        gebruiker = gebruiker_uit_optie(door)
        try:
            vaststelling = rapport_vaststellen(jaar=jaar, onderdeel=gekozen, door=gebruiker)
        except (PermissionDenied, ValidationError) as fout:
            raise CommandError(" ".join(getattr(fout, "messages", [str(fout)]))) from fout
        scope = scope_naam(gekozen)
        self.stdout.write(
            f"Jaarrapportage {jaar} ({scope}) vastgesteld door {gebruiker.username} op "
            f"{vaststelling.vastgesteld_op:%d-%m-%Y %H:%M}; SHA-256 van de PDF {vaststelling.sha256}, "
            f"van de cijfers {vaststelling.cijfers_sha256}."
        )
