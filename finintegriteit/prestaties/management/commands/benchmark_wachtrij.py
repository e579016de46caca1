import os

from django.conf import settings
from django.core.management.base import CommandError

from finintegriteit.prestaties import meting, processen
from finintegriteit.prestaties import rapport as r

DOEL = 1.1
GEEN_REDIS = "REDIS_URL is niet gezet: de wachtrij-benchmark is overgeslagen."
MAX_OPSTARTEN = 120


class Command(meting.BenchmarkCommand):
    help = "Meet het rapport via een echte Celery-worker op Redis tegen dezelfde service inline."

    def handle(self, *args, jaar, herhalingen, **options):
        if not os.environ.get("REDIS_URL") or getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            self.stdout.write(GEEN_REDIS)
            return
        door = r.coordinator()
        worker = processen.worker_starten(
            # The worker uses this process's database and report folder (in a test: the test's).
            omgeving={"DATABASE_URL": processen.database_url(), "RAPPORT_ROOT": str(settings.RAPPORT_ROOT)},
            loglevel=os.environ.get("BENCHMARK_WORKER_LOG", "WARNING"),
            stderr=None,
        )
        try:
            opstarten = self._wacht_op_worker()
            # The first report of a freshly started worker, reported on its own: it is what a user
            # waits for after a deploy. The interleaved runs below are all warm.
            koud = r.via_taak(jaar=jaar, door=door)
            wachtrij, direct = meting.gepaard(
                lambda: r.via_taak(jaar=jaar, door=door),
                lambda: r.inline(jaar=jaar, door=door),
                herhalingen=herhalingen,
                cpu_a=lambda: r.proces_cpu(worker.pid),
            )
        finally:
            processen.worker_stoppen(worker)
        meting.tabel(
            self.stdout,
            ["meting", "mediaan (s)", "snelste (s)", "CPU mediaan (s)", "alle runs (s)"],
            [
                [
                    "via worker op Redis",
                    wachtrij.mediaan,
                    min(wachtrij.wand),
                    wachtrij.cpu_mediaan,
                    wachtrij.als_tekst(),
                ],
                ["service inline", direct.mediaan, min(direct.wand), direct.cpu_mediaan, direct.als_tekst()],
                ["eerste rapport van een verse worker", koud, koud, "-", f"{koud:.2f}"],
            ],
        )
        self.stdout.write(f"worker klaar voor werk na {opstarten:.1f} s (ping beantwoord)")
        meting.regel_doel(self.stdout, "wachtrij", meting.verhouding(wachtrij.mediaan, direct.mediaan), DOEL)
        meting.ter_vergelijking(self.stdout, wachtrij, direct)

    def _wacht_op_worker(self) -> float:
        try:
            return processen.wacht_op_worker(maximum=MAX_OPSTARTEN)
        except Exception as fout:
            raise CommandError(f"De worker antwoordde niet binnen {MAX_OPSTARTEN} s: {fout}") from fout
