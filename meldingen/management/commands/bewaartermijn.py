from django.core.management.base import BaseCommand
from django.utils import timezone

from meldingen.services.bewaartermijn import bewaartermijn_jaren, persoonsgegevens_wissen, te_wissen_meldingen


class Command(BaseCommand):
    help = "Wis de persoonsgegevens van afgedane meldingen waarvan de bewaartermijn is verstreken."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Toon alleen wat gewist zou worden.")

    def handle(self, *args, dry_run=False, **options):
        vandaag = timezone.localdate()
        if dry_run:
            meldingen = list(te_wissen_meldingen(vandaag=vandaag).values_list("nummer", "afgedaan_op"))
            for nummer, afgedaan_op in meldingen:
                self.stdout.write(f"{nummer} (afgedaan {afgedaan_op:%d-%m-%Y})")
            jaren = bewaartermijn_jaren()
            self.stdout.write(
                f"{len(meldingen)} melding(en) zouden worden gewist (bewaartermijn {jaren} jaar)."
            )
            return
        gewist = persoonsgegevens_wissen(vandaag=vandaag)
        self.stdout.write(f"Persoonsgegevens gewist van {len(gewist)} melding(en).")
