"""python manage.py melders_hersleutelen

Step two of replacing MELDER_SLEUTEL (README, 'Sleutel van de melders vervangen'): with the new key in
MELDER_SLEUTEL and the old one in MELDER_VORIGE_SLEUTEL, every melder's name, address and contact note
is sealed again with the new key. Afterwards the old key can be removed and destroyed.
"""

from django.core.management.base import BaseCommand

from ...services.sleutel import melders_hersleutelen


class Command(BaseCommand):
    help = "Verzegel de gegevens van de melders opnieuw met de huidige MELDER_SLEUTEL."

    def handle(self, *args, **options):
        aantal = melders_hersleutelen()
        self.stdout.write(
            f"{aantal} rijen met gegevens van melders opnieuw verzegeld. "
            "Verwijder nu MELDER_VORIGE_SLEUTEL uit de configuratie."
        )
