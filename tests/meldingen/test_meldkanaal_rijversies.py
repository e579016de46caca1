"""No version of a row the meldkanaal writes holds the time of the melder's visit, not even a dead one.

An UPDATE on PostgreSQL leaves the old row version in the table's pages until VACUUM and in the WAL for
good: whoever copies the database files or the WAL archive reads it. So a row that was inserted with the
time and then updated to the day still tells the second. Each test makes the visit at 05:26:11.748785 (a
melding with a file, the dossier read with the code, an aanvulling with text and a file, the worker's
cleaning) and looks for that time the way such a reader would.
"""

import datetime
import re

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meldingen.models import Bericht, Document, Melding, StatusOvergang
from tests.bouwstenen.meldkanaal import bestand, foto_met_exif, gegevens, pdf_met_auteur

pytestmark = [pytest.mark.django_db, pytest.mark.postgres, pytest.mark.usefixtures("lege_tellers")]
CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")
MOMENT = datetime.datetime(2026, 12, 5, 5, 26, 11, 748785)
# A date with a time as psycopg writes it into the SQL ('2026-12-04T23:00:00+00:00'::timestamptz).
TIJDSTIP = re.compile(r"'(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:?\d{2})?)'")
PAGINA = 8192  # PostgreSQL's block size
EPOCHE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)  # PostgreSQL's timestamps count from here


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    settings.DOCUMENT_ROOT = tmp_path / "documenten"


def bezoek_van_de_melder(time_machine, django_capture_on_commit_callbacks) -> None:
    time_machine.move_to(timezone.make_aware(MOMENT), tick=False)
    melder = Client()
    with django_capture_on_commit_callbacks(execute=True):  # the worker cleans the files, as after a commit
        antwoord = melder.post(
            reverse("meldkanaal:melden"), gegevens(bijlagen=[bestand("scan.pdf", pdf_met_auteur())])
        )
        code = CODE.search(antwoord.content.decode()).group(0)
        assert melder.post(reverse("meldkanaal:terug"), {"code": code}, follow=True).status_code == 200
        aangevuld = melder.post(
            reverse("meldkanaal:aanvullen"),
            {"tekst": "Het gebeurde weer.", "bijlagen": [bestand("foto.jpg", foto_met_exif())]},
        )
    assert aangevuld.status_code == 302
    assert Melding.objects.count() == 1 and Document.objects.count() == 2 and Bericht.objects.count() == 1


def _is_middernacht(moment: datetime.datetime) -> bool:
    return timezone.localtime(moment).time() == datetime.time.min


def test_elke_insert_van_het_bezoek_draagt_al_de_dag_en_geen_update_zet_een_tijd(
    time_machine, django_capture_on_commit_callbacks
):
    with CaptureQueriesContext(connection) as vastgelegd:
        bezoek_van_de_melder(time_machine, django_capture_on_commit_callbacks)
    schrijvend = [q["sql"] for q in vastgelegd.captured_queries if q["sql"].startswith(("INSERT", "UPDATE"))]
    assert any(sql.startswith('INSERT INTO "meldingen_melding"') for sql in schrijvend)

    tijden = [
        (sql[:40], moment)
        for sql in schrijvend
        for moment in map(datetime.datetime.fromisoformat, TIJDSTIP.findall(sql))
        if not _is_middernacht(moment)
    ]
    assert not tijden, "een rij van de melder werd met het tijdstip geschreven"
    # A time set by an UPDATE, even to 00:00, means that the version before it was written with a time.
    tijd_gezet = [
        sql[:80]
        for sql in schrijvend
        if sql.startswith("UPDATE") and re.search(r'SET .*"(op|aangemaakt_op)" = ', sql.split(" WHERE ")[0])
    ]
    assert not tijd_gezet


def test_ook_de_dode_rijversies_in_de_tabel_dragen_alleen_de_dag(
    time_machine, django_capture_on_commit_callbacks
):
    """The attack itself: every tuple of the tables read from their pages with pageinspect, dead ones too
    (this test's transaction is still open, so nothing has been vacuumed away)."""
    # Created inside the test's transaction, so it goes with the rollback. Only a superuser may create it
    # and read raw pages (CI runs the suite as the owner role, which may not).
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pageinspect")
            cursor.execute(
                "SELECT coalesce(bool_and(has_function_privilege(oid, 'EXECUTE')), false) FROM pg_proc "
                "WHERE proname IN ('get_raw_page', 'heap_page_item_attrs')"
            )
            toegestaan = cursor.fetchone()[0]
    except DatabaseError:
        toegestaan = False
    if not toegestaan:
        pytest.skip("pageinspect is voor deze databaserol niet te gebruiken; de SQL-test hierboven dekt het")
    bezoek_van_de_melder(time_machine, django_capture_on_commit_callbacks)

    gevonden = {}
    with connection.cursor() as cursor:
        for model in (Melding, StatusOvergang, Document, Bericht):
            tabel = model._meta.db_table
            # Earlier tests' rolled-back rows lie on the same pages: only this visit's rows count, by id
            # (a sequence never hands out an id twice).
            ids = set(model.objects.values_list("pk", flat=True))
            cursor.execute(
                "SELECT attnum, atttypid = 'timestamptz'::regtype FROM pg_attribute WHERE attrelid = "
                "%s::regclass AND attnum > 0 AND NOT attisdropped AND (attname = 'id' OR atttypid = "
                "'timestamptz'::regtype)",
                [tabel],
            )
            kolommen = dict(cursor.fetchall())
            sleutel = next(nr for nr, is_tijd in kolommen.items() if not is_tijd)
            cursor.execute(
                "SELECT a.t_attrs FROM generate_series(0, pg_relation_size(%s::regclass) / %s - 1) AS blok, "
                "heap_page_item_attrs(get_raw_page(%s, blok::int), %s::regclass) AS a "
                "WHERE a.t_attrs IS NOT NULL",
                [tabel, PAGINA, tabel, tabel],
            )
            versies = [rij for (rij,) in cursor.fetchall() if _getal(rij[sleutel - 1]) in ids]
            assert len(versies) >= len(ids)
            gevonden[tabel] = [
                EPOCHE + datetime.timedelta(microseconds=_getal(versie[nr - 1]))
                for versie in versies
                for nr, is_tijd in kolommen.items()
                if is_tijd and versie[nr - 1] is not None
            ]
    assert all(gevonden.values()), gevonden
    met_tijd = {
        tabel: [timezone.localtime(m) for m in tijden if not _is_middernacht(m)]
        for tabel, tijden in gevonden.items()
    }
    assert not any(met_tijd.values()), met_tijd


def _getal(waarde) -> int:
    """An integer or timestamp column as pageinspect gives it: the raw bytes, little-endian."""
    return int.from_bytes(bytes(waarde), "little", signed=True)
