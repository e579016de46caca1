from django.db import connection
from django.test.utils import CaptureQueriesContext

from finintegriteit.prestaties import meting
from finintegriteit.prestaties.sql import aantal_queries, tellingen_sql
from rapportage.selectors import jaarcijfers

DOEL = 1.5


class Command(meting.BenchmarkCommand):
    help = "Meet jaarcijfers() tegen kale GROUP BY-queries die hetzelfde tellen (mediaan van N keer)."

    herhalingen = 5

    def handle(self, *args, jaar, herhalingen, **options):
        with CaptureQueriesContext(connection) as vastgelegd:
            jaarcijfers(jaar=jaar)
        rapport = meting.mediaan(lambda: jaarcijfers(jaar=jaar), herhalingen=herhalingen)
        kaal = meting.mediaan(lambda: tellingen_sql(jaar=jaar), herhalingen=herhalingen)
        meting.tabel(
            self.stdout,
            ["meting", "mediaan (s)", "queries"],
            [
                ["jaarcijfers()", rapport, len(vastgelegd.captured_queries)],
                ["kale SQL GROUP BY", kaal, aantal_queries(jaar=jaar)],
            ],
        )
        meting.regel_doel(self.stdout, "cijfers", meting.verhouding(rapport, kaal), DOEL)
