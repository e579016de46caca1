"""Without Redis (development), asking for a report does not hold the page: the report is made in a
thread of the web process and the list shows its progress, as it does with a worker."""

import threading

import pytest
from django.urls import reverse

from finintegriteit.kern.taken import taken_afwachten
from rapportage import services
from rapportage.models import Rapport


@pytest.mark.django_db(transaction=True)
def test_de_aanvraag_komt_meteen_terug_en_de_lijst_volgt_het_rapport(
    client, coordinator, settings, monkeypatch, tmp_path
):
    from finintegriteit import celery_app

    assert celery_app.conf.task_always_eager, "geen worker: taken in dit proces"
    settings.TAKEN_IN_DRAAD = True
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    mag_beginnen = threading.Event()
    echt = services.rapport_genereren

    def wacht_eerst(**kwargs):
        # Holds the report until the test has seen the page: proof that the request did not wait.
        assert mag_beginnen.wait(60)
        return echt(**kwargs)

    monkeypatch.setattr(services, "rapport_genereren", wacht_eerst)
    client.force_login(coordinator)
    antwoord = client.post(reverse("rapportage:rapporten"), {"jaar": 2024})
    assert antwoord.status_code == 302
    rapport = Rapport.objects.get()
    assert rapport.status == Rapport.Status.WACHTRIJ, "het verzoek wacht niet tot het rapport klaar is"
    assert "In de wachtrij" in client.get(reverse("rapportage:rapporten")).content.decode()

    mag_beginnen.set()
    # Joined rather than polled: SQLite's shared in-memory test database locks a table per statement,
    # so a look at the row while the thread writes its progress made the report fail now and then.
    assert taken_afwachten(tijdslimiet=120)
    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.KLAAR, rapport.reden
    rij = client.get(reverse("rapportage:status", args=[rapport.pk])).content.decode()
    assert reverse("rapportage:download", args=[rapport.pk]) in rij
