import hashlib
import os
import time
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from finintegriteit.kern.importeren import Upload
from finintegriteit.kern.models import Importbestand
from finintegriteit.prestaties import importtaak, meting, processen
from finintegriteit.prestaties.generator import _vertrouwenspersonen
from finintegriteit.prestaties.tellijstbestand import tellijst_bestanden
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.regels import jaar_gesloten
from vertrouwenspersonen.services import tellijst_importeren

DOEL = 5.0
DOEL_GEHEUGEN_MB = 300
GEEN_REDIS = "REDIS_URL is niet gezet: de import via de worker is overgeslagen."


class _Terugdraaien(Exception):
    pass


def _gemeten(functie) -> float:
    """Time `functie` inside a transaction that is rolled back: the database stays as it was."""
    begin = time.perf_counter()
    try:
        with transaction.atomic():
            functie()
            duur = time.perf_counter() - begin
            raise _Terugdraaien
    except _Terugdraaien:
        return duur


class Command(BaseCommand):
    help = (
        "Meet de Tellijst-import (.csv en .xlsx) tegen een kale bulk_create van dezelfde rijen, en een grote "
        ".xlsx van begin tot eind via een echte worker (tijd en piekgeheugen van de worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rijen", type=int, default=100_000)
        parser.add_argument(
            "--taak-rijen", type=int, default=200_000, help="rijen van de .xlsx via de worker (0 = overslaan)"
        )

    def handle(self, *args, rijen, taak_rijen, **options):
        vandaag = timezone.localdate()
        # Only years still open for the Tellijst: an import refuses rows of a closed year.
        jaren = [j for j in (vandaag.year - 1, vandaag.year) if not jaar_gesloten(j, op=vandaag)]
        door = _vertrouwenspersonen(1)[0]
        objecten, csv_bytes, xlsx_bytes = tellijst_bestanden(aantal=rijen, jaren=jaren, tot=vandaag)
        pseudoniem = pseudoniem_van(door)
        for rij in objecten:
            rij.pseudoniem = pseudoniem
        kaal = _gemeten(lambda: Adviesvraag.objects.bulk_create(objecten, batch_size=2000))
        for rij in objecten:
            rij.pk = uuid.uuid4()
            rij._state.adding = True
        uitslagen = [["kale bulk_create", kaal, rijen / kaal, 1.0]]
        for soort, inhoud in (("csv", csv_bytes), ("xlsx", xlsx_bytes)):
            upload = Upload(soort=soort, inhoud=inhoud)
            duur = _gemeten(
                lambda upload=upload: tellijst_importeren(door=door, upload=upload, vandaag=vandaag)
            )
            uitslagen.append([f"import .{soort}", duur, rijen / duur, duur / kaal])
        meting.tabel(self.stdout, ["meting", "seconden", "rijen/s", "verhouding"], uitslagen)
        for rij in uitslagen[1:]:
            meting.regel_doel(self.stdout, rij[0], rij[3], DOEL)
        if taak_rijen:
            del objecten, csv_bytes, xlsx_bytes
            self._via_worker(door=door, aantal=taak_rijen, jaren=jaren)

    def _via_worker(self, *, door, aantal: int, jaren: list[int]) -> None:
        """A .xlsx of `aantal` rows uploaded, checked and imported by a worker; the rows are removed after."""
        if not os.environ.get("REDIS_URL") or getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
            self.stdout.write(GEEN_REDIS)
            return
        _, _, xlsx = tellijst_bestanden(aantal=aantal, jaren=jaren, seed=11, tot=timezone.localdate())
        eigen = Adviesvraag.objects.filter(pseudoniem=pseudoniem_van(door))
        al_er = set(eigen.values_list("pk", flat=True))
        worker = processen.worker_starten(omgeving={"DATABASE_URL": processen.database_url()}, stderr=None)
        try:
            processen.wacht_op_worker()
            tijden = importtaak.via_taak(door=door, upload=Upload("xlsx", xlsx), naam="benchmark.xlsx")
            piek = importtaak.piekgeheugen_mb(worker.pid)
        finally:
            processen.worker_stoppen(worker)
            # Only what this run imported.
            eigen.exclude(pk__in=al_er).delete()
            # A Tellijst import record keeps no file name; its content's hash tells it apart.
            Importbestand.objects.filter(
                soort=Importbestand.Soort.TELLIJST, sha256=hashlib.sha256(xlsx).hexdigest(), door__isnull=True
            ).delete()
        megabytes = len(xlsx) / (1024 * 1024)
        meting.tabel(
            self.stdout,
            ["via de worker", "seconden", "rijen/s"],
            [
                [
                    f"controle {aantal} rijen .xlsx ({megabytes:.1f} MB)",
                    tijden["controle"],
                    aantal / tijden["controle"],
                ],
                ["import na bevestigen", tijden["import"], aantal / tijden["import"]],
                ["upload tot geïmporteerd", tijden["totaal"], aantal / tijden["totaal"]],
            ],
        )
        self.stdout.write(f"piekgeheugen van de worker: {piek:.0f} MB (doel < {DOEL_GEHEUGEN_MB} MB)")
        meting.regel_doel(self.stdout, "piekgeheugen worker ÷ 300 MB", piek / DOEL_GEHEUGEN_MB, 1.0)
