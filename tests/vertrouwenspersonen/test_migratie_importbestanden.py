"""The migration that unlinks the Tellijst import records converts the records made before it.

An import in progress during the deployment is still found by its vertrouwenspersoon; a finished one
keeps nothing that names anyone: no file name, no moment beyond its day, no SECRET_KEY pseudonym.
"""

import datetime
import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.crypto import salted_hmac

from finintegriteit.kern.importeren.selectors import eerdere_import, importbestand_van
from finintegriteit.kern.models import Importbestand
from tests.bouwstenen.importrecord import kolommen

VOOR = [("vertrouwenspersonen", "0006_versie")]
NA = [("vertrouwenspersonen", "0007_importbestanden_ontkoppelen")]
NAAM = "Tellijst 2026 - M. de Vries (Douane Rotterdam).csv"
S = Importbestand.Status


def oud_pseudoniem(gebruiker_id) -> str:
    return salted_hmac("finintegriteit.importbestand.eigenaar", str(gebruiker_id)).hexdigest()


def oud_record(*, status, door, eigenaar, **velden) -> Importbestand:
    moment = timezone.now().replace(hour=14, minute=37, second=12, microsecond=345678)
    record = Importbestand.objects.create(
        soort=Importbestand.Soort.TELLIJST,
        door=door,
        eigenaar=eigenaar,
        bestandsnaam=NAAM,
        formaat="csv",
        sha256="a" * 64,
        status=status,
        aantallen={"rijen": 3, "in_orde": 3, "open": 0, "gesloten": 3, "per_jaar": {"2026": 3}},
        **velden,
    )
    Importbestand.objects.filter(pk=record.pk).update(aangemaakt_op=moment, hartslag_op=moment)
    return record


@pytest.mark.django_db(transaction=True)
def test_lopende_en_afgeronde_imports_van_voor_de_migratie(vertrouwenspersoon):
    executor = MigrationExecutor(connection)
    executor.migrate(VOOR)
    try:
        lopend = oud_record(
            status=S.VOORBEELD, door=vertrouwenspersoon, eigenaar=oud_pseudoniem(vertrouwenspersoon.pk)
        )
        klaar = oud_record(
            status=S.GEIMPORTEERD,
            door=None,
            eigenaar=oud_pseudoniem(vertrouwenspersoon.pk),
            klaar_op=timezone.now().replace(hour=14, minute=38),
        )
        verweesd = oud_record(status=S.GEIMPORTEERD, door=None, eigenaar=oud_pseudoniem(999_999))
        executor = MigrationExecutor(connection)
        executor.migrate(NA)

        # The import in progress is still this vertrouwenspersoon's, and the earlier one is recognised.
        gevonden = importbestand_van(
            gebruiker=vertrouwenspersoon, pk=lopend.pk, soort=Importbestand.Soort.TELLIJST
        )
        assert gevonden.bestandsnaam == "tellijst.csv"
        assert eerdere_import(importbestand=gevonden) == klaar

        record = kolommen(klaar.pk)
        assert record["bestandsnaam"] == "" and record["door_id"] is None
        assert record["eigenaar"] not in {oud_pseudoniem(vertrouwenspersoon.pk), ""}
        tijden = [record[k] for k in ("aangemaakt_op", "hartslag_op", "klaar_op")]
        assert all(timezone.localtime(t).time() == datetime.time(0) for t in tijden), tijden
        assert json.loads(record["aantallen"]) == {"rijen": 3, "in_orde": 3}
        assert Importbestand.objects.get(pk=verweesd.pk).eigenaar == "", "van een verwijderd account: niemand"
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
