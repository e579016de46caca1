"""Smoke runs of every benchmark on a tiny data set, so the commands cannot rot unnoticed."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from finintegriteit.prestaties.generator import adviesvragen_genereren, meldingen_genereren
from vertrouwenspersonen.models import Adviesvraag

pytestmark = pytest.mark.django_db


@pytest.fixture
def weinig_data():
    jaar = timezone.localdate().year
    jaren = list(range(jaar - 3, jaar + 1))
    adviesvragen_genereren(aantal=200, jaren=jaren, seed=1)
    meldingen_genereren(aantal=20, jaren=jaren, seed=1)
    return jaar


def _uitvoer(*args, **kwargs) -> str:
    uit = io.StringIO()
    call_command(*args, stdout=uit, **kwargs)
    return uit.getvalue()


def test_benchmark_cijfers_meldt_beide_tijden_en_de_verhouding(weinig_data):
    uitvoer = _uitvoer("benchmark_cijfers", jaar=weinig_data - 1, herhalingen=1)

    assert "jaarcijfers()" in uitvoer
    assert "kale SQL GROUP BY" in uitvoer
    assert "(doel <= 1.5)" in uitvoer


def test_benchmark_import_laat_de_database_ongemoeid(weinig_data):
    voor = Adviesvraag.objects.count()

    uitvoer = _uitvoer("benchmark_import", rijen=50, taak_rijen=0)

    assert "import .csv" in uitvoer
    assert "import .xlsx" in uitvoer
    assert uitvoer.count("(doel <= 5.0)") == 2
    assert Adviesvraag.objects.count() == voor


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_benchmark_import_via_de_worker_meet_tijd_en_geheugen_en_ruimt_op(weinig_data):
    from finintegriteit.kern.models import Importbestand

    voor = Adviesvraag.objects.count()

    uitvoer = _uitvoer("benchmark_import", rijen=20, taak_rijen=300)

    assert "upload tot geïmporteerd" in uitvoer
    assert "piekgeheugen van de worker:" in uitvoer
    assert Adviesvraag.objects.count() == voor
    assert not Importbestand.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_benchmark_pdf_meet_taak_en_bijlage2_en_ruimt_op(weinig_data, settings, tmp_path):
    from rapportage.models import Rapport

    settings.RAPPORT_ROOT = tmp_path

    uitvoer = _uitvoer("benchmark_pdf", jaar=weinig_data - 1, herhalingen=1, veel=60, weinig=10)

    assert "(doel <= 1.2)" in uitvoer
    assert "Bijlage 2 met 60 rijen" in uitvoer
    assert "(doel <= 1.5)" in uitvoer
    assert not Rapport.objects.exists()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_benchmark_wachtrij_slaat_over_zonder_redis(monkeypatch):
    from finintegriteit.prestaties.management.commands.benchmark_wachtrij import GEEN_REDIS

    monkeypatch.delenv("REDIS_URL", raising=False)

    assert GEEN_REDIS in _uitvoer("benchmark_wachtrij", herhalingen=1)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_benchmark_web_meet_elke_pagina_ingelogd_zonder_fouten_en_ruimt_op(weinig_data):
    """gunicorn in its own processes must see the data, hence PostgreSQL and committed rows."""
    from django.contrib.sessions.models import Session

    pytest.importorskip("gunicorn", reason="benchmark_web start gunicorn")
    from meldingen.models import Melding

    voor = Adviesvraag.objects.count()
    meldingen_voor = Melding.objects.count()

    uitvoer = _uitvoer("benchmark_web", clients=2, seconden=0.5, workers=2, opwarmen=1, stroom_clients=2)

    paginas = (
        "baseline",
        "werkvoorraad (meldingen)",
        "zoeken: personeelsnummer",
        "zoeken: woord",
        "Tellijst-formulier GET",
        "Tellijst-formulier POST",
        "dashboard (rapportage)",
        "werkvoorraad tijdens een stroom meldingen",
    )
    for pagina in (*paginas, "stroom: anonieme meldingen"):
        regel = next(r for r in uitvoer.splitlines() if r.startswith(pagina))
        verzoeken, fouten = regel[len(pagina) :].split()[-6:-4]
        # A lost session or a missed second login step answers with a redirect: counted as a fault.
        assert int(verzoeken) > 0 and int(fouten) == 0, uitvoer
    # Every page but the baseline is held to its goal of at most 3x the baseline's p95.
    assert uitvoer.count("(doel <= 3.0)") == len(paginas) - 1
    assert Adviesvraag.objects.count() == voor
    assert Melding.objects.count() == meldingen_voor  # what the flood got through is gone again
    assert not Session.objects.exists()


def test_benchmark_web_weigert_sqlite_met_uitleg(settings):
    from django.core.management.base import CommandError
    from django.db import connection

    if connection.vendor == "postgresql":
        pytest.skip("alleen zinvol zonder PostgreSQL")
    with pytest.raises(CommandError, match="vraagt PostgreSQL"):
        call_command("benchmark_web", clients=1, seconden=0.1)


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_benchmark_wachtrij_meet_een_echte_worker_en_ruimt_op(weinig_data, settings, tmp_path):
    """The worker is a separate process: it must find the test's database and report folder."""
    from rapportage.models import Rapport

    settings.RAPPORT_ROOT = tmp_path

    uitvoer = _uitvoer("benchmark_wachtrij", jaar=weinig_data - 1, herhalingen=1)

    assert "via worker op Redis" in uitvoer
    assert "eerste rapport van een verse worker" in uitvoer
    assert "(doel <= 1.1)" in uitvoer
    assert not Rapport.objects.exists()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_benchmark_rapporten_slaat_over_zonder_redis(monkeypatch):
    from finintegriteit.prestaties.management.commands.benchmark_rapporten import GEEN_REDIS

    monkeypatch.delenv("REDIS_URL", raising=False)

    assert GEEN_REDIS in _uitvoer("benchmark_rapporten", herhalingen=1)


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_benchmark_rapporten_meet_twee_workers_een_en_inline_en_ruimt_op(weinig_data, settings, tmp_path):
    """Two real workers beside each other: both must find the test's database and report folder."""
    from rapportage.models import Rapport, Reeks

    settings.RAPPORT_ROOT = tmp_path

    uitvoer = _uitvoer("benchmark_rapporten", jaar=weinig_data - 1, herhalingen=1, onderdelen=1)

    assert "2 rapporten" in uitvoer and "2 workers" in uitvoer and "na elkaar inline" in uitvoer
    assert "(doel >= 1.7)" in uitvoer
    assert "(doel <= 1.1)" in uitvoer
    assert not Rapport.objects.exists() and not Reeks.objects.exists()
    assert not any(p.is_file() for p in tmp_path.rglob("*"))
