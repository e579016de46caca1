import os
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from finintegriteit.prestaties import meting
from finintegriteit.prestaties import rapport as r

DOEL = 1.1
GEEN_REDIS = "REDIS_URL is niet gezet: de wachtrij-benchmark is overgeslagen."


class Command(BaseCommand):
    help = "Meet het rapport via een echte Celery-worker op Redis tegen dezelfde service inline."

    def add_arguments(self, parser):
        parser.add_argument("--jaar", type=int, default=2024)
        parser.add_argument("--herhalingen", type=int, default=3)

    def handle(self, *args, jaar, herhalingen, **options):
        if not os.environ.get("REDIS_URL") or getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            self.stdout.write(GEEN_REDIS)
            return
        door = r.coordinator()
        # Solo pool: one task at a time in the worker's main process, like inline.
        worker = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "finintegriteit",
                "worker",
                "--pool=solo",
                "-l",
                "warning",
            ],
            env=os.environ.copy(),
        )
        try:
            time.sleep(5)
            wachtrij = meting.mediaan(lambda: r.via_taak(jaar=jaar, door=door), herhalingen=herhalingen)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        direct = meting.mediaan(lambda: r.inline(jaar=jaar, door=door), herhalingen=herhalingen)
        meting.tabel(
            self.stdout,
            ["meting", "mediaan (s)"],
            [["via worker op Redis", wachtrij], ["service inline", direct]],
        )
        meting.regel_doel(self.stdout, "wachtrij", meting.verhouding(wachtrij, direct), DOEL)
