"""python manage.py tellijst_hersleutelen

Step two of replacing the Tellijst key (README, 'Sleutel van de Tellijst vervangen'): with the new key
in TELLIJST_SLEUTEL and the old one in TELLIJST_VORIGE_SLEUTEL, every row's pseudonym is recomputed
under the new key. Afterwards the old key can be removed from the configuration and destroyed.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...services import tellijst_hersleutelen


class Command(BaseCommand):
    help = "Zet de pseudoniemen van de Tellijst om van de vorige naar de huidige sleutel."

    def handle(self, *args, **options):
        try:
            aantal = tellijst_hersleutelen(vorige_sleutel=settings.TELLIJST_VORIGE_SLEUTEL)
        except ValueError as fout:
            raise CommandError(str(fout)) from None
        self.stdout.write(
            f"{aantal} adviesvragen omgezet naar de nieuwe sleutel. "
            "Verwijder nu TELLIJST_VORIGE_SLEUTEL uit de configuratie."
        )
