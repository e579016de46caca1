"""The rules that make a killed worker's report come back exactly once, one by one.

The whole story with real processes is in test_storingen_worker.py; these tests pin each rule.
"""

import hashlib
import os
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from rapportage import services, tasks
from rapportage.models import Rapport
from tests.factories import RapportFactory

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def rapportmap(settings, tmp_path):
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    return settings.RAPPORT_ROOT


@pytest.fixture
def tijden(settings):
    settings.RAPPORT_HARTSLAG_SECONDEN, settings.RAPPORT_OVERNAME_SECONDEN = 15, 90
    settings.RAPPORT_MAX_POGINGEN = 3
    return settings


def bezig(coordinator, *, gestart_geleden, hartslag_geleden=None, pogingen=1) -> Rapport:
    nu = timezone.now()
    return RapportFactory(
        jaar=2024,
        aangevraagd_door=coordinator,
        status=Rapport.Status.BEZIG,
        gestart_op=nu - timedelta(seconds=gestart_geleden),
        hartslag_op=None if hartslag_geleden is None else nu - timedelta(seconds=hartslag_geleden),
        pogingen=pogingen,
    )


class TestOvername:
    def test_een_run_die_lang_bezig_is_maar_leeft_wordt_niet_overgenomen(self, coordinator, tijden):
        rapport = bezig(coordinator, gestart_geleden=600, hartslag_geleden=10)
        assert services.rapport_claimen(rapport_pk=rapport.pk) is None
        assert services.rapport_in_behandeling(rapport_pk=rapport.pk)
        assert not services.is_vastgelopen(rapport)

    def test_een_run_zonder_hartslag_wordt_na_de_overnametijd_overgenomen_en_telt_als_poging(
        self, coordinator, tijden
    ):
        rapport = bezig(coordinator, gestart_geleden=600, hartslag_geleden=91)
        assert services.is_vastgelopen(rapport) and not services.rapport_in_behandeling(rapport_pk=rapport.pk)
        assert services.rapport_claimen(rapport_pk=rapport.pk) is not None
        rapport.refresh_from_db()
        assert rapport.status == Rapport.Status.BEZIG and rapport.pogingen == 2
        assert timezone.now() - rapport.hartslag_op < timedelta(seconds=5)
        assert services.rapport_claimen(rapport_pk=rapport.pk) is None, "de nieuwe run leeft: geen derde"

    def test_na_de_tijdslimiet_wordt_overgenomen_ook_als_het_hart_nog_klopt(self, coordinator, tijden):
        """A run hung in a loop keeps its heartbeat thread going; the time limit still ends it."""
        rapport = bezig(
            coordinator, gestart_geleden=services.tijdslimiet().total_seconds() + 1, hartslag_geleden=1
        )
        assert services.rapport_claimen(rapport_pk=rapport.pk) is not None

    def test_na_te_veel_afgebroken_pogingen_wordt_het_rapport_mislukt_met_een_reden(
        self, coordinator, tijden, client
    ):
        rapport = bezig(coordinator, gestart_geleden=600, hartslag_geleden=120, pogingen=3)
        assert services.rapport_claimen(rapport_pk=rapport.pk) is None
        rapport.refresh_from_db()
        assert rapport.status == Rapport.Status.MISLUKT
        assert rapport.reden == services.FOUT_TE_VAAK_AFGEBROKEN.format(pogingen=3)

        # 'Opnieuw proberen' by the coordinator gives it fresh attempts.
        services.rapport_opnieuw(rapport=rapport, door=coordinator)
        rapport.refresh_from_db()
        assert rapport.status == Rapport.Status.WACHTRIJ or rapport.status == Rapport.Status.KLAAR
        assert rapport.pogingen <= 1

    def test_een_nieuwe_aanvraag_hergebruikt_een_levende_run_en_zet_een_dode_opnieuw_klaar(
        self, coordinator, tijden
    ):
        levend = bezig(coordinator, gestart_geleden=600, hartslag_geleden=5)
        assert services.rapport_aanvragen(door=coordinator, jaar=2024) == levend
        Rapport.objects.filter(pk=levend.pk).update(hartslag_op=timezone.now() - timedelta(minutes=5))
        opnieuw = services.rapport_aanvragen(door=coordinator, jaar=2024)
        # The database holds one active report per year and scope: the dead run's row is queued again.
        assert (opnieuw.pk, opnieuw.status, opnieuw.pogingen) == (levend.pk, Rapport.Status.WACHTRIJ, 0)
        assert Rapport.objects.filter(jaar=2024, status__in=services.ACTIEF).count() == 1

    def test_de_database_weigert_een_tweede_actief_rapport_van_hetzelfde_jaar_en_bereik(self, coordinator):
        RapportFactory(jaar=2024, aangevraagd_door=coordinator)
        RapportFactory(jaar=2024, aangevraagd_door=coordinator, status=Rapport.Status.KLAAR)
        with pytest.raises(IntegrityError), transaction.atomic():
            RapportFactory(jaar=2024, aangevraagd_door=coordinator, status=Rapport.Status.BEZIG)


class TestTaak:
    @pytest.fixture
    def opnieuw(self, monkeypatch):
        """Records the task's retry instead of sending a message."""
        gevraagd = []

        class Opnieuw(Exception):
            pass

        def retry(**kwargs):
            gevraagd.append(kwargs)
            return Opnieuw()

        monkeypatch.setattr(tasks.rapport_genereren_taak, "retry", retry)
        return gevraagd, Opnieuw

    def test_een_bericht_voor_een_levende_run_wacht_en_kijkt_later_opnieuw(
        self, coordinator, tijden, opnieuw
    ):
        """The live run may still die; this message must then be there to take over."""
        gevraagd, Opnieuw = opnieuw
        rapport = bezig(coordinator, gestart_geleden=30, hartslag_geleden=2)
        with pytest.raises(Opnieuw):
            tasks.rapport_genereren_taak.run(rapport.pk)
        assert gevraagd == [{"countdown": 90}]
        rapport.refresh_from_db()
        assert rapport.pogingen == 1 and rapport.status == Rapport.Status.BEZIG

    @pytest.mark.parametrize("status", [Rapport.Status.KLAAR, Rapport.Status.MISLUKT])
    def test_een_bericht_voor_een_afgerond_rapport_doet_niets(self, coordinator, tijden, opnieuw, status):
        gevraagd, _ = opnieuw
        rapport = RapportFactory(jaar=2024, aangevraagd_door=coordinator, status=status)
        tasks.rapport_genereren_taak.run(rapport.pk)
        assert gevraagd == []
        rapport.refresh_from_db()
        assert rapport.status == status and rapport.pogingen == 0

    def test_de_wachttijd_past_binnen_de_zichtbaarheid_van_redis(self, settings):
        """Redis would hand a retry that waits longer than its visibility timeout to a second worker."""
        assert settings.RAPPORT_OVERNAME_SECONDEN < settings.CELERY_VISIBILITY_TIMEOUT_SECONDEN
        opties = settings.CELERY_BROKER_TRANSPORT_OPTIONS
        assert opties["visibility_timeout"] == settings.CELERY_VISIBILITY_TIMEOUT_SECONDEN
        assert opties["visibility_timeout"] > settings.CELERY_TASK_TIME_LIMIT


def test_een_run_die_de_rij_kwijt_is_laat_het_bestand_van_de_winnaar_staan(
    coordinator, settings, monkeypatch
):
    """Two runs for one row (the first was thought dead): only the owner's file and checksum remain."""
    settings.RAPPORT_MAX_POGINGEN = 3
    rapport = RapportFactory(jaar=2024, aangevraagd_door=coordinator)
    echte = services.rapport_pdf_maken
    tweede = {}

    def pdf_met_overname(**kwargs):
        inhoud = echte(**kwargs)
        if not tweede:
            # While the first run renders, its heart is taken for dead and a second run finishes.
            tweede["rapport"] = None
            Rapport.objects.filter(pk=rapport.pk).update(hartslag_op=timezone.now() - timedelta(hours=1))
            tweede["rapport"] = services.rapport_genereren(rapport_pk=rapport.pk)
        return inhoud

    monkeypatch.setattr(services, "rapport_pdf_maken", pdf_met_overname)
    assert services.rapport_genereren(rapport_pk=rapport.pk) is None, "de eerste run is de rij kwijt"
    rapport.refresh_from_db()
    assert tweede["rapport"] is not None and rapport.status == Rapport.Status.KLAAR and rapport.pogingen == 2
    bestanden = [p for p in Path(settings.RAPPORT_ROOT).rglob("*") if p.is_file()]
    assert [p.relative_to(settings.RAPPORT_ROOT).as_posix() for p in bestanden] == [rapport.bestand]
    assert hashlib.sha256(bestanden[0].read_bytes()).hexdigest() == rapport.sha256


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_het_hart_klopt_zolang_de_run_werkt(coordinator, settings, monkeypatch):
    """A run that renders longer than the takeover time is not taken over while it lives.

    Without the heartbeat thread the second claim below would succeed halfway through.
    """
    settings.RAPPORT_HARTSLAG_SECONDEN, settings.RAPPORT_OVERNAME_SECONDEN = 0.2, 0.6
    rapport = RapportFactory(jaar=2024, aangevraagd_door=coordinator)
    bezig_ = threading.Event()

    def traag(**kwargs):
        bezig_.set()
        time.sleep(2)  # no progress reported: only the heartbeat shows life
        return b"%PDF-1.7 traag"

    monkeypatch.setattr(services, "rapport_pdf_maken", traag)
    uitkomst = {}

    def worker():
        try:
            uitkomst["rapport"] = services.rapport_genereren(rapport_pk=rapport.pk, hartslag=True)
        finally:
            from django.db import connection

            connection.close()

    draad = threading.Thread(target=worker)
    draad.start()
    assert bezig_.wait(10)
    time.sleep(1.2)  # twice the takeover time
    assert services.rapport_in_behandeling(rapport_pk=rapport.pk)
    assert services.rapport_claimen(rapport_pk=rapport.pk) is None, "een levende run werd overgenomen"
    draad.join(10)
    rapport.refresh_from_db()
    assert (
        uitkomst["rapport"] is not None and rapport.status == Rapport.Status.KLAAR and rapport.pogingen == 1
    )


@pytest.mark.parametrize(
    "omgeving",
    [
        {"RAPPORT_HARTSLAG_SECONDEN": "30", "RAPPORT_OVERNAME_SECONDEN": "60"},
        {"RAPPORT_OVERNAME_SECONDEN": "600", "CELERY_VISIBILITY_TIMEOUT_SECONDEN": "300"},
    ],
)
def test_onzinnige_tijden_laten_de_start_falen(omgeving):
    """A takeover shorter than three heartbeats would take over live runs: refuse to start."""
    proces = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT,
        env={**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "finintegriteit.settings", **omgeving},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proces.returncode != 0
    assert "ImproperlyConfigured" in proces.stderr
