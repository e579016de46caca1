from django.core.management.base import BaseCommand

from finintegriteit.kern.taken import taken_afwachten
from meldingen.demowerkvoorraad import demowerkvoorraad_laden
from rapportage.demodata import gegevens
from rapportage.demodata.lopendjaar import lopend_jaar_laden


class Command(BaseCommand):
    # Lives in rapportage because it fills three apps: meldingen, the Tellijst and the reports.
    help = (
        "Zet het werk van dit jaar klaar, gedateerd ten opzichte van vandaag: open meldingen (met "
        "betrokkenen, behandelaar, aantekening, document en termijnen), Tellijstrijen met een publicatie "
        "en een aangevraagde jaarrapportage. Na laad_demodata en maak_demogebruikers; twee keer laden "
        "geeft dezelfde database."
    )

    def handle(self, *args, **options):
        meldingen = demowerkvoorraad_laden()
        rapportjaar = max(int(jaar) for jaar in gegevens()["tellijst"])
        aantallen = lopend_jaar_laden(rapportjaar=rapportjaar)
        # Without Redis the report is made in a thread of this process (kern/taken.py): a command that
        # exits takes the thread along and leaves the row 'bezig', so it waits for the report.
        taken_afwachten()
        self.stdout.write(
            f"Demowerkvoorraad: {meldingen} open meldingen en {aantallen['adviesvragen']} Tellijstrijen "
            f"van dit jaar, {aantallen['rapporten']} aangevraagde jaarrapportage ({rapportjaar})."
        )
