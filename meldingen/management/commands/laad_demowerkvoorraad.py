from django.core.management.base import BaseCommand

from meldingen.demowerkvoorraad import demowerkvoorraad_laden


class Command(BaseCommand):
    help = (
        "Zet een paar open meldingen van dit jaar klaar (met betrokkenen, behandelaar, aantekening en "
        "document) zodat een nieuwe gebruiker een werkende werkvoorraad ziet. Na maak_demogebruikers; "
        "twee keer laden geeft dezelfde database."
    )

    def handle(self, *args, **options):
        aantal = demowerkvoorraad_laden()
        self.stdout.write(f"Demowerkvoorraad: {aantal} open meldingen van dit jaar.")
