"""Redis is unreachable: registering goes on, a report request is kept and says it must wait.

The broker URL points at a port where nothing listens and Celery is not eager, as in production with
Redis down. Once Redis is back, the beat task offers the waiting report without anyone asking again.
"""

import datetime
import socket
import time
import zoneinfo

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from finintegriteit import celery_app
from meldingen.models import Melding
from rapportage import services, tasks, views
from rapportage.models import Rapport
from tests.bouwstenen.meldingen import formulier as melding_formulier
from tests.bouwstenen.tellijst import geldige_invoer
from tests.factories import RapportFactory
from vertrouwenspersonen.models import Adviesvraag

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.fixture(autouse=True)
def rapportmap(settings, tmp_path):
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    return settings.RAPPORT_ROOT


def gesloten_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pools_vergeten():
    # Celery keeps its connection and producer pools per app; a new broker URL needs new ones.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def redis_onbereikbaar():
    toestand = {"plat": True}
    vorige = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    celery_app.conf.broker_url = f"redis://127.0.0.1:{gesloten_poort()}/0"
    celery_app.conf.task_always_eager = False
    _pools_vergeten()

    def terug():
        """Redis is back; here the task runs in-process, as the conftest does for other tests."""
        toestand["plat"] = False
        celery_app.conf.broker_url = vorige[0]
        celery_app.conf.task_always_eager = True
        _pools_vergeten()

    toestand["terug"] = terug
    yield toestand
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = vorige
    _pools_vergeten()


@pytest.fixture
def nu(time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 15, 10, 0, tzinfo=AMSTERDAM), tick=False)
    return time_machine


def test_zonder_redis_gaan_melding_en_tellijst_gewoon_door(
    client, analist, vertrouwenspersoon, redis_onbereikbaar, nu, django_capture_on_commit_callbacks
):
    client.force_login(analist)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("meldingen:nieuw"), melding_formulier(behandelaar=analist.pk))
    assert antwoord.status_code == 302
    assert Melding.objects.get().nummer == "OIF-2025-0001"

    client.force_login(vertrouwenspersoon)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("vertrouwenspersonen:invoeren"), geldige_invoer())
    assert antwoord.status_code in (200, 302) and Adviesvraag.objects.count() == 1


def test_zonder_redis_blijft_een_rapportaanvraag_bewaard_en_zegt_de_pagina_dat_het_even_niet_kan(
    client, coordinator, redis_onbereikbaar, nu, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    begin = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("rapportage:rapporten"), {"jaar": 2024})
    # The closed port refuses at once: the request does not hang on the queue.
    assert time.monotonic() - begin < 10
    assert antwoord.status_code == 302
    pagina = client.get(reverse("rapportage:rapporten")).content.decode()
    assert views.NIET_BESCHIKBAAR in pagina and "Opnieuw proberen" in pagina

    rapport = Rapport.objects.get()
    assert rapport.status == Rapport.Status.WACHTRIJ
    assert rapport.reden == services.FOUT_WACHTRIJ_ONBEREIKBAAR and rapport.aangeboden_op is None

    # The beat task while Redis is still down: nothing lost, nothing changed.
    nu.shift(datetime.timedelta(minutes=2))
    assert services.rapporten_herstellen() == {"opgegeven": 0, "aangeboden": 0}
    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.WACHTRIJ and rapport.reden == services.FOUT_WACHTRIJ_ONBEREIKBAAR

    # Redis is back: the next beat run offers the report; nobody had to press 'Opnieuw proberen'.
    redis_onbereikbaar["terug"]()
    nu.shift(datetime.timedelta(minutes=1))
    tasks.rapporten_herstellen.apply()
    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.KLAAR and rapport.reden == ""
    pagina = client.get(reverse("rapportage:rapporten")).content.decode()
    assert views.NIET_BESCHIKBAAR not in pagina
    assert reverse("rapportage:download", args=[rapport.pk]) in pagina


def test_de_beat_kent_de_hersteltaak():
    planning = django_settings.CELERY_BEAT_SCHEDULE["rapporten-herstellen"]
    assert planning["task"] == tasks.rapporten_herstellen.name
    assert planning["task"] in celery_app.tasks
    assert planning["schedule"] == django_settings.RAPPORT_HERSTEL_INTERVAL_SECONDEN <= 5 * 60


class TestHerstellen:
    """Which rows the beat task offers again, without a worker (the queue's delay is recorded)."""

    @pytest.fixture
    def aangeboden(self, monkeypatch):
        gezien = []
        monkeypatch.setattr(tasks.rapport_genereren_taak, "delay", lambda pk: gezien.append(pk))
        return gezien

    def maak(self, coordinator, *, minuten_geleden=0, **velden):
        # One active report per year and scope: each row of this test gets its own year.
        jaar = 2000 + Rapport.objects.count()
        rapport = RapportFactory(jaar=jaar, aangevraagd_door=coordinator, **velden)
        moment = timezone.now() - datetime.timedelta(minutes=minuten_geleden)
        Rapport.objects.filter(pk=rapport.pk).update(aangevraagd_op=moment)
        return rapport

    def test_wat_opnieuw_wordt_aangeboden(self, coordinator, aangeboden, settings):
        settings.RAPPORT_OVERNAME_SECONDEN, settings.RAPPORT_WACHTRIJ_OPNIEUW_SECONDEN = 90, 600
        nu_ = timezone.now()
        minuten = lambda n: nu_ - datetime.timedelta(minutes=n)  # noqa: E731
        nooit_aangenomen = self.maak(coordinator, minuten_geleden=2)
        net_aangevraagd = self.maak(coordinator)  # its own on_commit may still be sending
        net_aangeboden = self.maak(coordinator, minuten_geleden=5, aangeboden_op=minuten(5))
        lang_geleden_aangeboden = self.maak(coordinator, minuten_geleden=20, aangeboden_op=minuten(11))
        dood = self.maak(
            coordinator,
            status=Rapport.Status.BEZIG,
            gestart_op=minuten(5),
            hartslag_op=minuten(2),
            pogingen=1,
        )
        levend = self.maak(
            coordinator,
            status=Rapport.Status.BEZIG,
            gestart_op=minuten(10),
            hartslag_op=nu_ - datetime.timedelta(seconds=20),
            pogingen=1,
        )
        op = self.maak(
            coordinator,
            status=Rapport.Status.BEZIG,
            gestart_op=minuten(5),
            hartslag_op=minuten(2),
            pogingen=3,
        )
        klaar = self.maak(coordinator, status=Rapport.Status.KLAAR, minuten_geleden=30)

        assert services.rapporten_herstellen() == {"opgegeven": 1, "aangeboden": 3}
        assert sorted(aangeboden) == sorted([nooit_aangenomen.pk, lang_geleden_aangeboden.pk, dood.pk])
        for niet in (net_aangevraagd, net_aangeboden, levend, klaar):
            assert niet.pk not in aangeboden
        op.refresh_from_db()
        assert op.status == Rapport.Status.MISLUKT
        assert op.reden == services.FOUT_TE_VAAK_AFGEBROKEN.format(pogingen=3)
        nooit_aangenomen.refresh_from_db()
        assert nooit_aangenomen.aangeboden_op is not None, "de volgende ronde biedt hem niet meteen weer aan"
        aangeboden.clear()
        services.rapporten_herstellen()
        assert aangeboden == [dood.pk], "alleen de dode run staat nog open; die claimt de worker"
