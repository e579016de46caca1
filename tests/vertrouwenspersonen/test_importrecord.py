"""The record of a Tellijst import (kern.Importbestand) leads to nobody, not even in a database dump.

The attacker reads every column of the record, as a dump holds it, and holds SECRET_KEY (the
application's settings) but not TELLIJST_SLEUTEL. A file named after its vertrouwenspersoon, an exact
moment next to a login in the audit trail, or an owner pseudonym one can recompute from the few user
ids would each name the person.
"""

import datetime
import json
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from finintegriteit.kern.importeren import berichten
from finintegriteit.kern.importeren.selectors import importbestand_van
from finintegriteit.kern.importeren.services import importbestanden_opruimen
from finintegriteit.kern.models import Importbestand
from tests.bouwstenen.importrecord import kolommen
from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]

IMPORTEREN = reverse("vertrouwenspersonen:importeren")
BEVESTIGEN = reverse("vertrouwenspersonen:importeren_bevestigen")
NAAM = "Tellijst 2025 - M. de Vries (Douane Rotterdam).csv"
# In the afternoon, with microseconds: nothing of this moment but its day may stay behind.
# Within TELLIJST_OPEN's window, so the rows of 2024 are still open.
MOMENT = datetime.datetime(2025, 1, 20, 10, 7, 12, 345678, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


def als_tekst(waarde) -> str:
    if isinstance(waarde, memoryview | bytes):
        return bytes(waarde).decode("utf-8", "replace")
    if isinstance(waarde, dict | list):
        return json.dumps(waarde, ensure_ascii=False)
    return str(waarde)


def sporen(record: dict, persoon) -> list[str]:
    """The columns that name the person or hold a moment more exact than its day."""
    gevonden = []
    for kolom, waarde in record.items():
        if isinstance(waarde, datetime.datetime):
            if timezone.localtime(waarde).time() != datetime.time(0):
                gevonden.append(f"{kolom}={waarde.isoformat()}")
        elif waarde == persoon.username or "Vries" in als_tekst(waarde):
            gevonden.append(f"{kolom}={als_tekst(waarde)[:80]}")
    if record["door_id"] is not None:
        gevonden.append(f"door_id={record['door_id']}")
    return gevonden


def oud_pseudoniem(persoon) -> str:
    """The owner pseudonym as it was: anyone with SECRET_KEY recomputes it for every user id."""
    return salted_hmac("finintegriteit.importbestand.eigenaar", str(persoon.pk)).hexdigest()


def test_na_de_import_noemt_het_record_niemand_en_weet_alleen_de_dag(vp_client, vertrouwenspersoon):
    with time_machine.travel(MOMENT, tick=False):
        antwoord = vp_client.post(IMPORTEREN, {"bestand": SimpleUploadedFile(NAAM, csv_bytes([rij()] * 3))})
        assert NAAM in antwoord.content.decode(), "de vertrouwenspersoon ziet haar eigen bestand terug"
        vp_client.post(BEVESTIGEN)
    assert Adviesvraag.objects.count() == 3
    record = kolommen(Importbestand.objects.get().pk)

    assert record["status"] == Importbestand.Status.GEIMPORTEERD
    assert sporen(record, vertrouwenspersoon) == []
    assert record["bestandsnaam"] == ""
    assert timezone.localtime(record["klaar_op"]) == MOMENT.replace(hour=0, minute=0, second=0, microsecond=0)
    assert json.loads(record["aantallen"]) == {"rijen": 3, "in_orde": 3}, "geen verdeling per jaar meer"


def test_ook_tijdens_de_import_staat_de_bestandsnaam_niet_in_de_database(vp_client, vertrouwenspersoon):
    antwoord = vp_client.post(IMPORTEREN, {"bestand": SimpleUploadedFile(NAAM, csv_bytes([rij()]))})
    assert NAAM in antwoord.content.decode()
    record = kolommen(Importbestand.objects.get().pk)
    assert record["status"] == Importbestand.Status.VOORBEELD
    assert record["bestandsnaam"] == "tellijst.csv"
    assert "Vries" not in json.dumps({k: als_tekst(v) for k, v in record.items()}, ensure_ascii=False)
    # Later visits show the neutral name: the session holds only the record's id.
    assert "Vries" not in vp_client.get(IMPORTEREN).content.decode()


def test_het_pseudoniem_van_de_importeur_is_niet_met_secret_key_te_herleiden(
    vp_client, vertrouwenspersoon, andere_vertrouwenspersoon
):
    vp_client.post(IMPORTEREN, {"bestand": SimpleUploadedFile(NAAM, csv_bytes([rij()]))})
    vp_client.post(BEVESTIGEN)
    record = kolommen(Importbestand.objects.get().pk)

    # The attack: SECRET_KEY and every user id give every candidate; none may match the record.
    kandidaten = {oud_pseudoniem(p) for p in (vertrouwenspersoon, andere_vertrouwenspersoon)}
    assert not kandidaten & {als_tekst(w) for w in record.values()}
    # Nor is it the pseudonym of the rows it wrote: a dump cannot join the record to them.
    assert record["eigenaar"] not in set(Adviesvraag.objects.values_list("pseudoniem", flat=True))
    assert record["eigenaar"] != pseudoniem_van(vertrouwenspersoon)

    # With TELLIJST_SLEUTEL the application still finds the vertrouwenspersoon's own earlier import.
    antwoord = vp_client.post(IMPORTEREN, {"bestand": SimpleUploadedFile("kopie.csv", csv_bytes([rij()]))})
    assert "al eerder geïmporteerd" in antwoord.content.decode()


def test_een_mislukte_import_noemt_ook_niemand(vp_client, vertrouwenspersoon, settings):
    """A run whose worker stopped ends as 'mislukt' through the same end as a good one."""
    with time_machine.travel(MOMENT, tick=False):
        vp_client.post(IMPORTEREN, {"bestand": SimpleUploadedFile(NAAM, csv_bytes([rij()]))})
        Importbestand.objects.update(
            status=Importbestand.Status.BEZIG, gestart_op=timezone.now(), hartslag_op=timezone.now()
        )
    later = MOMENT + datetime.timedelta(seconds=settings.IMPORT_OVERNAME_SECONDEN + 1)
    assert importbestanden_opruimen(nu=later)["afgebroken"] == 1
    record = kolommen(Importbestand.objects.get().pk)
    assert record["status"] == Importbestand.Status.MISLUKT
    assert sporen(record, vertrouwenspersoon) == []
    # The vertrouwenspersoon still sees why (the record is kept the rest of its day and the bewaartijd).
    assert importbestanden_opruimen(nu=later + datetime.timedelta(hours=7))["verwijderd"] == 0
    gevonden = importbestand_van(
        gebruiker=vertrouwenspersoon, pk=record["id"], soort=Importbestand.Soort.TELLIJST
    )
    assert gevonden.reden == berichten.VERLOPEN
    assert importbestanden_opruimen(nu=later + datetime.timedelta(days=2))["verwijderd"] == 1


def test_na_een_nieuwe_sleutel_vindt_de_vertrouwenspersoon_haar_imports_terug(
    client, vertrouwenspersoon, settings
):
    settings.TELLIJST_SLEUTEL = "oude-sleutel"
    client.force_login(vertrouwenspersoon)
    client.post(IMPORTEREN, {"bestand": SimpleUploadedFile("t.csv", csv_bytes([rij()]))})
    client.post(BEVESTIGEN)
    settings.TELLIJST_SLEUTEL, settings.TELLIJST_VORIGE_SLEUTEL = "nieuwe-sleutel", "oude-sleutel"
    call_command("tellijst_hersleutelen", stdout=open("/dev/null", "w"))  # noqa: SIM115
    settings.TELLIJST_VORIGE_SLEUTEL = ""

    antwoord = client.post(IMPORTEREN, {"bestand": SimpleUploadedFile("t.csv", csv_bytes([rij()]))})
    assert "al eerder geïmporteerd" in antwoord.content.decode(), "de eerdere import is omgezet"
