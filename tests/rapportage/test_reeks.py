"""All reports of a year at once: the ministry's and every onderdeel's, each its own row and task.

The figures are the small hand-built report of `klein_rapport` (the content is tested elsewhere).
Celery runs eagerly here, the chord included; test_rapport_celery drives real workers.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from kombu.exceptions import OperationalError

from finintegriteit.referentie.models import Onderdeel
from rapportage.models import Rapport, Reeks
from rapportage.services import FOUT_WACHTRIJ_ONBEREIKBAAR
from rapportage.services.reeks import FOUT_ALLEEN_MINISTERIE, reeks_aanvragen
from tests.factories import RapportFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("klein_rapport")]


def test_alle_rapporten_van_een_jaar_in_een_keer_met_samenvatting_op_de_pagina(
    client, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("rapportage:reeks"), {"reeks-jaar": 2024})

    assert antwoord.status_code == 302
    reeks = Reeks.objects.get()
    rapporten = Rapport.objects.filter(reeks=reeks)
    onderdelen = set(Onderdeel.objects.exclude(code="anders").values_list("code", flat=True))
    assert {r.onderdeel.code if r.onderdeel else "ministerie" for r in rapporten} == onderdelen | {
        "ministerie"
    }
    assert all(r.status == Rapport.Status.KLAAR for r in rapporten)
    reeks.refresh_from_db()
    assert reeks.klaar_op == max(r.klaar_op for r in rapporten)  # closed by the chord's callback
    pagina = client.get(reverse("rapportage:rapporten")).content.decode()
    assert f"{len(onderdelen) + 1} klaar" in pagina
    # Plain words for the coordinator, in the card and in the confirmation alike.
    assert "ze worden tegelijk op de achtergrond gemaakt." in pagina and "workers" not in pagina
    assert "Ze worden tegelijk op de achtergrond gemaakt; deze pagina toont de voortgang." in pagina
    for rapport in rapporten:
        assert reverse("rapportage:download", args=[rapport.pk]) in pagina


def test_een_lopend_rapport_gaat_mee_in_de_reeks_en_wordt_niet_dubbel_gemaakt(
    coordinator, django_capture_on_commit_callbacks
):
    lopend = RapportFactory(jaar=2024, aangevraagd_door=coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        reeks = reeks_aanvragen(door=coordinator, jaar=2024)

    assert Rapport.objects.filter(jaar=2024, onderdeel=None).count() == 1
    lopend.refresh_from_db()
    assert lopend.reeks == reeks
    # Its own request is still waiting (no message of its own sent here): the reeks is not done.
    assert _stand(reeks) == (False, Rapport.objects.filter(reeks=reeks).count())


def _stand(reeks):
    from rapportage.selectors.reeksen import reeks_met_stand

    stand = reeks_met_stand(pk=reeks.pk)
    return stand.afgerond, stand.totaal


def test_een_coordinator_van_een_onderdeel_kan_geen_reeks_aanvragen(client, coordinator_douane):
    with pytest.raises(PermissionDenied, match=FOUT_ALLEEN_MINISTERIE):
        reeks_aanvragen(door=coordinator_douane, jaar=2024)

    client.force_login(coordinator_douane)
    assert client.post(reverse("rapportage:reeks"), {"reeks-jaar": 2024}).status_code == 403
    assert not Rapport.objects.exists()
    assert "Alle rapporten aanvragen" not in client.get(reverse("rapportage:rapporten")).content.decode()


def test_zonder_wachtrij_blijven_de_rapporten_van_de_reeks_bewaard_met_uitleg(
    coordinator, monkeypatch, django_capture_on_commit_callbacks
):
    from rapportage.tasks import reeks_versturen_taak

    def onbereikbaar(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis")

    monkeypatch.setattr(reeks_versturen_taak, "delay", onbereikbaar)

    with django_capture_on_commit_callbacks(execute=True):
        reeks = reeks_aanvragen(door=coordinator, jaar=2024)

    rapporten = Rapport.objects.filter(reeks=reeks)
    assert rapporten.count() > 1
    assert all(
        r.status == Rapport.Status.WACHTRIJ and r.reden == FOUT_WACHTRIJ_ONBEREIKBAAR for r in rapporten
    )
    assert all(r.aangeboden_op is None for r in rapporten)  # the beat task offers them again


@pytest.mark.django_db(transaction=True)
def test_zonder_redis_in_ontwikkeling_keert_het_verzoek_meteen_terug_en_maakt_een_draad_de_reeks(
    client, coordinator, settings, monkeypatch
):
    """As a single report (test_rapport_zonder_redis): the request does not wait for five PDFs."""
    import threading

    from finintegriteit.kern.taken import taken_afwachten
    from rapportage import services

    settings.TAKEN_IN_DRAAD = True
    begonnen, doorgaan = threading.Event(), threading.Event()
    echt = services.rapport_genereren

    def langzaam(**kwargs):
        begonnen.set()
        doorgaan.wait(30)
        return echt(**kwargs)

    monkeypatch.setattr(services, "rapport_genereren", langzaam)
    client.force_login(coordinator)

    antwoord = client.post(reverse("rapportage:reeks"), {"reeks-jaar": 2024})

    assert antwoord.status_code == 302
    assert begonnen.wait(30)  # the thread has started on the first report while the request is back
    reeks = Reeks.objects.get()
    assert not Rapport.objects.filter(reeks=reeks, status=Rapport.Status.KLAAR).exists()
    doorgaan.set()
    # Joined rather than polled: SQLite's shared in-memory test database locks a table per statement.
    assert taken_afwachten(tijdslimiet=120)
    assert set(Rapport.objects.filter(reeks=reeks).values_list("status", flat=True)) == {Rapport.Status.KLAAR}
    reeks.refresh_from_db()
    assert reeks.klaar_op is not None
