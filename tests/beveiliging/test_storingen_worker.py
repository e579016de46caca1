"""A Celery worker killed (SIGKILL) in the middle of a report: a new worker finishes it exactly once.

The test runs real worker processes on Redis (see tests/celery_werker.py) with short fault timings in
their environment: a heartbeat every second, takeover after three silent seconds and Redis handing an
unacknowledged message out again after six. Production uses the defaults in settings.py.
"""

import hashlib
import io
import os
import signal
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from rapportage import services
from rapportage.models import Rapport
from tests.celery_werker import database_url_van_de_test, start_worker, stop_worker

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    # No serialized_rollback: after another transactional test it fails on duplicate content types;
    # the conftest puts the seeded data back after a flush instead.
    pytest.mark.django_db(transaction=True),
]


def wacht_op(voorwaarde, *, seconden: float, wat: str):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        waarde = voorwaarde()
        if waarde:
            return waarde
        time.sleep(0.05)
    raise AssertionError(f"{wat} niet binnen {seconden} s")


@pytest.fixture
def werkers(settings, tmp_path):
    """Starts workers on demand with the short fault timings; stops whatever is still running."""
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    # The same timings in this process, which plays the beat task.
    settings.RAPPORT_HARTSLAG_SECONDEN, settings.RAPPORT_OVERNAME_SECONDEN = 1, 3
    omgeving = {
        "DATABASE_URL": database_url_van_de_test(),
        "RAPPORT_ROOT": str(settings.RAPPORT_ROOT),
        "RAPPORT_HARTSLAG_SECONDEN": "1",
        "RAPPORT_OVERNAME_SECONDEN": "3",
        "CELERY_VISIBILITY_TIMEOUT_SECONDEN": "6",
    }
    gestart = []

    def start():
        gestart.append(start_worker(omgeving=omgeving))
        return gestart[-1]

    yield start
    for proces in gestart:
        stop_worker(proces)


def test_een_gedode_worker_laat_het_rapport_na_een_nieuwe_start_precies_een_keer_klaar_komen(
    client, coordinator, settings, werkers
):
    call_command("laad_demodata", stdout=io.StringIO())
    client.force_login(coordinator)
    eerste = werkers()
    assert client.post(reverse("rapportage:rapporten"), {"jaar": 2024}).status_code == 302
    rapport = Rapport.objects.get()

    wacht_op(
        lambda: Rapport.objects.filter(pk=rapport.pk, status=Rapport.Status.BEZIG).exists(),
        seconden=90,
        wat="de eerste worker begint",
    )
    os.kill(eerste.pid, signal.SIGKILL)
    eerste.wait(timeout=10)
    gedood_op = timezone.now()
    rapport.refresh_from_db()
    # Killed halfway: had the first run finished before the kill, this test would prove nothing.
    assert rapport.status == Rapport.Status.BEZIG and rapport.pogingen == 1, (
        rapport.status,
        rapport.voortgang,
    )
    assert rapport.gestart_op < gedood_op

    werkers()
    # What the beat task does once the heart has stopped: offer the report again. With the message
    # Redis hands out again, two messages now ask for one report.
    wacht_op(lambda: services.is_vastgelopen(Rapport.objects.get()), seconden=10, wat="vastgelopen")
    assert services.rapporten_herstellen() == {"opgegeven": 0, "aangeboden": 1}
    wacht_op(
        lambda: Rapport.objects.filter(pk=rapport.pk).exclude(status=Rapport.Status.BEZIG).exists(),
        seconden=180,
        wat="de tweede worker maakt het rapport af",
    )
    # Longer than the visibility timeout and a takeover: a second delivery of the message now must not
    # start the report again.
    time.sleep(8)

    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.KLAAR, rapport.reden
    assert Rapport.objects.count() == 1
    # Two claims: the killed run and the one that finished; a third would mean it ran again.
    assert rapport.pogingen == 2
    assert gedood_op < rapport.gestart_op < rapport.klaar_op, "het rapport is na de kill opnieuw gemaakt"
    bestanden = [p for p in Path(settings.RAPPORT_ROOT).rglob("*") if p.is_file()]
    assert [p.relative_to(settings.RAPPORT_ROOT).as_posix() for p in bestanden] == [rapport.bestand], (
        "precies één bestand, zonder half geschreven resten"
    )
    inhoud = bestanden[0].read_bytes()
    assert inhoud.startswith(b"%PDF-") and hashlib.sha256(inhoud).hexdigest() == rapport.sha256

    download = client.get(reverse("rapportage:download", args=[rapport.pk]))
    assert download.status_code == 200
    assert hashlib.sha256(b"".join(download.streaming_content)).hexdigest() == rapport.sha256
