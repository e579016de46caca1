import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from finintegriteit.prestaties.generator import (
    adviesvragen_genereren,
    meldingen_genereren,
    statistieken_bijwerken,
)


class Command(BaseCommand):
    help = "Vult de database met synthetische, geldige Tellijst-rijen en OIF-meldingen (voor benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--adviesvragen", type=int, default=0)
        parser.add_argument("--meldingen", type=int, default=0)
        parser.add_argument("--jaren", type=int, default=10, help="Aantal jaren tot en met --tot-jaar.")
        parser.add_argument("--tot-jaar", type=int, default=timezone.localdate().year)
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, adviesvragen, meldingen, jaren, tot_jaar, seed, **options):
        if adviesvragen < 0 or meldingen < 0 or jaren < 1:
            raise CommandError("Aantallen moeten positief zijn.")
        reeks = list(range(tot_jaar - jaren + 1, tot_jaar + 1))
        begin = time.perf_counter()
        if adviesvragen:
            n = adviesvragen_genereren(aantal=adviesvragen, jaren=reeks, seed=seed)
            self.stdout.write(f"adviesvragen: {n} in {time.perf_counter() - begin:.1f} s")
        tussen = time.perf_counter()
        if meldingen:
            resultaat = meldingen_genereren(aantal=meldingen, jaren=reeks, seed=seed)
            self.stdout.write(
                f"meldingen: {resultaat.meldingen}, betrokkenen: {resultaat.betrokkenen}, "
                f"afdoeningen: {resultaat.afdoeningen} in {time.perf_counter() - tussen:.1f} s"
            )
        tussen = time.perf_counter()
        statistieken_bijwerken()
        self.stdout.write(
            f"VACUUM/ANALYZE (statistieken, zichtbaarheid) in {time.perf_counter() - tussen:.1f} s"
        )
