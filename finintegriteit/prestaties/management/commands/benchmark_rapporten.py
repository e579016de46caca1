"""`manage.py benchmark_rapporten`: all reports of a year at once, by 2 workers, by 1, and inline.

Per round, in turns: the reeks one after another in this process; the reeks through 1 worker; a second
worker started (its start-up not timed) and the reeks through both; the second worker stopped again.
So load from elsewhere falls on every side alike, as in the other benchmarks.
"""

import os
import time

from django.conf import settings
from django.core.management.base import CommandError

from finintegriteit.prestaties import meting, processen
from finintegriteit.prestaties import rapport as r
from rapportage.services.reeks import onderdelen_met_rapport

DOEL_PARALLEL = 1.7  # 1 worker ÷ 2 workers, at least
DOEL_EEN_WORKER = 1.1  # 1 worker ÷ inline, at most
GEEN_REDIS = "REDIS_URL is niet gezet: de benchmark van alle rapporten tegelijk is overgeslagen."
MAX_OPSTARTEN = 120


class Command(meting.BenchmarkCommand):
    help = "Meet alle rapporten van een jaar tegelijk: 2 workers tegen 1, en 1 worker tegen na elkaar inline."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--onderdelen", type=int, default=None, help="Alleen de eerste N onderdelen (standaard: alle)."
        )

    def handle(self, *args, jaar, herhalingen, onderdelen, **options):
        if not os.environ.get("REDIS_URL") or getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            self.stdout.write(GEEN_REDIS)
            return
        door = r.coordinator()
        gekozen = onderdelen_met_rapport(jaar=jaar)[:onderdelen]
        reeks = {"jaar": jaar, "door": door, "onderdelen": gekozen}
        omgeving = {"DATABASE_URL": processen.database_url(), "RAPPORT_ROOT": str(settings.RAPPORT_ROOT)}
        loglevel = os.environ.get("BENCHMARK_WORKER_LOG", "WARNING")
        eerste = processen.worker_starten(omgeving=omgeving, loglevel=loglevel, stderr=None, naam="eerste")
        try:
            self._wacht(1)
            runs = {"inline": meting.Runs(), "een": meting.Runs(), "twee": meting.Runs()}
            # One warm-up round, not counted: the first report of a process loads fonts and templates.
            for ronde in range(max(herhalingen, 1) + 1):
                tel = ronde > 0
                self._meet(runs["inline"], tel, lambda: r.reeks_inline(**reeks), cpu=time.process_time)
                self._meet(
                    runs["een"],
                    tel,
                    lambda: r.reeks_via_workers(**reeks),
                    cpu=lambda: r.proces_cpu(eerste.pid),
                )
                tweede = processen.worker_starten(
                    omgeving=omgeving, loglevel=loglevel, stderr=None, naam="tweede"
                )
                try:
                    self._wacht(2)
                    self._meet(
                        runs["twee"],
                        tel,
                        lambda: r.reeks_via_workers(**reeks),
                        cpu=lambda w=tweede: r.proces_cpu(eerste.pid) + r.proces_cpu(w.pid),
                    )
                finally:
                    processen.worker_stoppen(tweede)
        finally:
            processen.worker_stoppen(eerste)
        self._verslag(runs, aantal=len(gekozen) + 1, jaar=jaar)

    @staticmethod
    def _meet(runs: meting.Runs, tel: bool, functie, *, cpu) -> None:
        cpu_begin, begin = cpu(), time.perf_counter()
        uitkomst = functie()
        duur = time.perf_counter() - begin
        if tel:
            runs.wand.append(uitkomst if isinstance(uitkomst, float) else duur)
            runs.cpu.append(cpu() - cpu_begin)

    def _wacht(self, aantal: int) -> None:
        try:
            processen.wacht_op_workers(aantal=aantal, maximum=MAX_OPSTARTEN)
        except Exception as fout:
            raise CommandError(f"Geen {aantal} worker(s) binnen {MAX_OPSTARTEN} s: {fout}") from fout

    def _verslag(self, runs: dict, *, aantal: int, jaar: int) -> None:
        namen = {
            "twee": f"{aantal} rapporten {jaar}, 2 workers",
            "een": f"{aantal} rapporten {jaar}, 1 worker",
            "inline": f"{aantal} rapporten {jaar}, na elkaar inline",
        }
        meting.tabel(
            self.stdout,
            ["meting", "mediaan (s)", "snelste (s)", "CPU mediaan (s)", "alle runs (s)"],
            [
                [namen[k], runs[k].mediaan, min(runs[k].wand), runs[k].cpu_mediaan, runs[k].als_tekst()]
                for k in ("twee", "een", "inline")
            ],
        )
        versnelling = meting.verhouding(runs["een"].mediaan, runs["twee"].mediaan)
        self.stdout.write(
            f"2 workers: {versnelling:.2f}x zo snel als 1 (doel >= {DOEL_PARALLEL}) -> "
            f"{'gehaald' if versnelling >= DOEL_PARALLEL else 'NIET gehaald'}"
        )
        meting.regel_doel(
            self.stdout,
            "1 worker ÷ inline",
            meting.verhouding(runs["een"].mediaan, runs["inline"].mediaan),
            DOEL_EEN_WORKER,
        )
        meting.ter_vergelijking(self.stdout, runs["een"], runs["inline"])
