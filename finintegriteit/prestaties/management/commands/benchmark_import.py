import time
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from finintegriteit.kern.uploads import Upload
from finintegriteit.prestaties import meting
from finintegriteit.prestaties.generator import _vertrouwenspersonen
from finintegriteit.prestaties.tellijstbestand import tellijst_bestanden
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.services import tellijst_importeren

DOEL = 5.0


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
    help = "Meet de Tellijst-import (.csv en .xlsx) tegen een kale bulk_create van dezelfde rijen."

    def add_arguments(self, parser):
        parser.add_argument("--rijen", type=int, default=100_000)

    def handle(self, *args, rijen, **options):
        vandaag = timezone.localdate()
        jaren = list(range(vandaag.year - 4, vandaag.year))
        door = _vertrouwenspersonen(1)[0]
        objecten, csv_bytes, xlsx_bytes = tellijst_bestanden(aantal=rijen, jaren=jaren)
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
