"""The jaarrapportage as a job: request -> queue -> worker -> private file -> download with a rights check.

The figures are replaced by a small hand-built report (the fixture `klein_rapport`); the content of the
real report is tested in test_pdf_inhoud.py. Celery runs eagerly: on_commit callbacks are executed
with django_capture_on_commit_callbacks(execute=True), as they would be after a real commit.
"""

import hashlib
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from finintegriteit.referentie.models import Onderdeel
from rapportage import opslag, pdf, services, views
from rapportage.models import Rapport
from rapportage.tasks import rapport_genereren_taak
from tests.factories import RapportFactory, ReeksFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("klein_rapport")]


def bestanden(settings) -> list[Path]:
    root = Path(settings.RAPPORT_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def aanvragen(client, django_capture_on_commit_callbacks, **gegevens):
    """POST the request form, let the commit happen (queue, eager task), then show the list page."""
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("rapportage:rapporten"), {"jaar": 2024, **gegevens})
    assert antwoord.status_code == 302, antwoord.content.decode()[-3000:]
    return client.get(reverse("rapportage:rapporten"))


def test_coordinator_vraagt_aan_de_taak_maakt_de_pdf_en_de_download_geeft_hem(
    client, coordinator, settings, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    antwoord = aanvragen(client, django_capture_on_commit_callbacks)
    assert antwoord.status_code == 200
    rapport = Rapport.objects.get()
    assert rapport.status == Rapport.Status.KLAAR
    assert rapport.voortgang == 100
    assert rapport.aangevraagd_door == coordinator and rapport.onderdeel is None
    assert rapport.gestart_op and rapport.klaar_op
    [bestand] = bestanden(settings)
    assert hashlib.sha256(bestand.read_bytes()).hexdigest() == rapport.sha256
    assert "Download PDF" in antwoord.content.decode()

    download = client.get(reverse("rapportage:download", args=[rapport.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "jaarrapportage-integriteit-2024-ministerie.pdf" in download["Content-Disposition"]
    assert download["Cache-Control"] == "no-store"
    inhoud_pdf = b"".join(download.streaming_content)
    assert inhoud_pdf.startswith(b"%PDF-") and hashlib.sha256(inhoud_pdf).hexdigest() == rapport.sha256


def test_het_bestand_staat_buiten_media_en_static(settings, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.rapport_aanvragen(door=coordinator, jaar=2024)
    rapport.refresh_from_db()
    assert not Path(rapport.bestand).is_absolute()
    assert (Path(settings.RAPPORT_ROOT) / rapport.bestand).is_file()


@pytest.fixture
def klaar_rapport(coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        rapport = services.rapport_aanvragen(door=coordinator, jaar=2024)
    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.KLAAR
    return rapport


@pytest.mark.parametrize("persona", ["analist", "vertrouwenspersoon", "beheerder", "buitenstaander"])
def test_andere_rollen_krijgen_de_download_niet(client, request, klaar_rapport, persona):
    client.force_login(request.getfixturevalue(persona))
    antwoord = client.get(reverse("rapportage:download", args=[klaar_rapport.pk]))
    assert antwoord.status_code == 403, f"{persona} kreeg het rapport (PDF met alle cijfers) te zien"


def test_coordinator_van_een_onderdeel_ziet_het_ministerierapport_niet(
    client, coordinator_douane, klaar_rapport
):
    client.force_login(coordinator_douane)
    assert client.get(reverse("rapportage:download", args=[klaar_rapport.pk])).status_code == 404
    assert client.get(reverse("rapportage:status", args=[klaar_rapport.pk])).status_code == 404
    lijst = client.get(reverse("rapportage:rapporten")).content.decode()
    assert reverse("rapportage:download", args=[klaar_rapport.pk]) not in lijst


def test_coordinator_van_een_onderdeel_vraagt_alleen_zijn_eigen_onderdeel_aan(
    client, coordinator_douane, django_capture_on_commit_callbacks
):
    client.force_login(coordinator_douane)
    belastingdienst = Onderdeel.objects.get(code="belastingdienst")
    aanvragen(client, django_capture_on_commit_callbacks, onderdeel=belastingdienst.pk)
    rapport = Rapport.objects.get()
    assert rapport.onderdeel.code == "douane", "het veld is vast: een ander onderdeel wordt genegeerd"
    antwoord = client.get(reverse("rapportage:download", args=[rapport.pk]))
    assert antwoord.status_code == 200
    assert "jaarrapportage-integriteit-2024-douane.pdf" in antwoord["Content-Disposition"]


def test_de_service_weigert_een_ander_onderdeel_ook_zonder_formulier(coordinator_douane):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied, match=services.FOUT_ANDER_ONDERDEEL):
        services.rapport_aanvragen(door=coordinator_douane, jaar=2024, onderdeel=None)
    assert not Rapport.objects.exists()


def test_mislukte_opmaak_markeert_mislukt_met_reden_en_laat_geen_bestand_achter(
    client, coordinator, settings, monkeypatch, django_capture_on_commit_callbacks
):
    def kapot(*args, **kwargs):
        raise RuntimeError("Pango kan het lettertype niet laden")

    monkeypatch.setattr(pdf, "html_naar_pdf", kapot)
    client.force_login(coordinator)
    antwoord = aanvragen(client, django_capture_on_commit_callbacks)
    rapport = Rapport.objects.get()
    assert rapport.status == Rapport.Status.MISLUKT
    assert rapport.reden == services.FOUT_ONVERWACHT.format(soort="RuntimeError")
    assert not rapport.bestand and not rapport.sha256
    assert bestanden(settings) == []
    pagina = antwoord.content.decode()
    assert "Mislukt" in pagina and "Opnieuw proberen" in pagina
    assert client.get(reverse("rapportage:download", args=[rapport.pk])).status_code == 404


def test_schrijffout_laat_geen_half_bestand_achter(coordinator, settings, monkeypatch):
    rapport = RapportFactory(jaar=2024, aangevraagd_door=coordinator)

    def vol(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(opslag.os, "replace", vol)
    assert services.rapport_genereren(rapport_pk=rapport.pk) is None
    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.MISLUKT
    assert rapport.reden == services.FOUT_OPSLAG.format(soort="OSError")
    assert bestanden(settings) == []


def test_opnieuw_proberen_na_mislukken_maakt_het_rapport_alsnog(
    client, coordinator, monkeypatch, settings, django_capture_on_commit_callbacks
):
    echte = pdf.html_naar_pdf
    monkeypatch.setattr(pdf, "html_naar_pdf", lambda *a, **k: 1 / 0)
    client.force_login(coordinator)
    aanvragen(client, django_capture_on_commit_callbacks)
    rapport = Rapport.objects.get()
    assert rapport.status == Rapport.Status.MISLUKT

    monkeypatch.setattr(pdf, "html_naar_pdf", echte)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("rapportage:opnieuw", args=[rapport.pk]))
    antwoord = client.get(reverse("rapportage:rapporten"))
    assert "Download PDF" in antwoord.content.decode()
    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.KLAAR and rapport.reden == ""
    assert len(bestanden(settings)) == 1
    assert Rapport.objects.count() == 1


def test_opnieuw_proberen_van_een_klaar_rapport_doet_niets(client, coordinator, klaar_rapport):
    client.force_login(coordinator)
    antwoord = client.post(reverse("rapportage:opnieuw", args=[klaar_rapport.pk]), follow=True)
    assert services.FOUT_NIET_OPNIEUW in antwoord.content.decode()
    klaar_rapport.refresh_from_db()
    assert klaar_rapport.status == Rapport.Status.KLAAR


def test_de_taak_twee_keer_geeft_een_bestand_en_een_voltooiing(coordinator, settings):
    rapport = RapportFactory(jaar=2024, aangevraagd_door=coordinator)
    rapport_genereren_taak.apply(args=[rapport.pk])
    rapport.refresh_from_db()
    eerste = (rapport.klaar_op, rapport.sha256, rapport.bestand)
    assert rapport.status == Rapport.Status.KLAAR

    rapport_genereren_taak.apply(args=[rapport.pk])
    rapport.refresh_from_db()
    assert (rapport.klaar_op, rapport.sha256, rapport.bestand) == eerste
    assert len(bestanden(settings)) == 1


def test_de_taak_zwijgt_als_het_rapport_weg_is(coordinator):
    rapport = RapportFactory(jaar=2024, aangevraagd_door=coordinator)
    pk = rapport.pk
    rapport.delete()
    assert rapport_genereren_taak.apply(args=[pk]).successful()


class TestClaimen:
    def test_een_wachtend_rapport_wordt_een_keer_geclaimd(self, coordinator):
        rapport = RapportFactory(jaar=2024, aangevraagd_door=coordinator)
        assert services.rapport_claimen(rapport_pk=rapport.pk) is not None
        assert services.rapport_claimen(rapport_pk=rapport.pk) is None, "een tweede worker mag niet meedoen"
        rapport.refresh_from_db()
        assert rapport.status == Rapport.Status.BEZIG and rapport.gestart_op

    @pytest.mark.parametrize("status", [Rapport.Status.KLAAR, Rapport.Status.MISLUKT])
    def test_afgeronde_rapporten_worden_niet_geclaimd(self, coordinator, status):
        rapport = RapportFactory(jaar=2024, aangevraagd_door=coordinator, status=status)
        assert services.rapport_claimen(rapport_pk=rapport.pk) is None

    def test_een_levende_run_wordt_niet_overgenomen(self, coordinator):
        rapport = RapportFactory(
            jaar=2024, aangevraagd_door=coordinator, status=Rapport.Status.BEZIG, gestart_op=timezone.now()
        )
        assert services.rapport_claimen(rapport_pk=rapport.pk) is None

    def test_een_run_ouder_dan_de_tijdslimiet_wordt_overgenomen(self, coordinator):
        oud = timezone.now() - services.tijdslimiet() - timedelta(seconds=1)
        rapport = RapportFactory(
            jaar=2024, aangevraagd_door=coordinator, status=Rapport.Status.BEZIG, gestart_op=oud
        )
        assert services.rapport_claimen(rapport_pk=rapport.pk) is not None

    def test_een_onbekend_rapport_wordt_niet_geclaimd(self):
        assert services.rapport_claimen(rapport_pk=999_999) is None


def test_een_gedode_worker_laat_een_rapport_achter_dat_bij_de_volgende_run_een_keer_klaar_komt(
    coordinator, settings
):
    """The worker died after writing half a temp file; Celery redelivers the message (acks_late)."""
    oud = timezone.now() - services.tijdslimiet() - timedelta(minutes=1)
    rapport = RapportFactory(
        jaar=2024, aangevraagd_door=coordinator, status=Rapport.Status.BEZIG, gestart_op=oud, voortgang=45
    )
    map_ = Path(settings.RAPPORT_ROOT) / "2024"
    map_.mkdir(parents=True)
    (map_ / f".{rapport.pk}-afgebroken.tmp").write_bytes(b"%PDF-1.7 half")

    rapport_genereren_taak.apply(args=[rapport.pk])
    rapport_genereren_taak.apply(args=[rapport.pk])  # the message may come twice

    rapport.refresh_from_db()
    assert rapport.status == Rapport.Status.KLAAR
    [bestand] = bestanden(settings)
    assert bestand.name.endswith(".pdf") and not bestand.name.startswith(".")
    assert hashlib.sha256(bestand.read_bytes()).hexdigest() == rapport.sha256


def test_een_vastgelopen_rapport_toont_opnieuw_proberen(client, coordinator):
    oud = timezone.now() - services.tijdslimiet() - timedelta(minutes=1)
    rapport = RapportFactory(
        jaar=2024, aangevraagd_door=coordinator, status=Rapport.Status.BEZIG, gestart_op=oud
    )
    client.force_login(coordinator)
    rij = client.get(reverse("rapportage:status", args=[rapport.pk])).content.decode()
    assert "Vastgelopen" in rij and "Opnieuw proberen" in rij and "hx-get" not in rij


class TestWachtrijOnbereikbaar:
    @pytest.fixture
    def broker_plat(self, monkeypatch):
        toestand = {"plat": True}
        echte_delay = rapport_genereren_taak.delay

        def delay(*args, **kwargs):
            if toestand["plat"]:
                raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
            return echte_delay(*args, **kwargs)

        monkeypatch.setattr(rapport_genereren_taak, "delay", delay)
        return toestand

    def test_de_aanvraag_blijft_bewaard_en_de_pagina_zegt_dat_genereren_niet_kan(
        self, client, coordinator, broker_plat, django_capture_on_commit_callbacks
    ):
        client.force_login(coordinator)
        antwoord = aanvragen(client, django_capture_on_commit_callbacks)
        assert antwoord.status_code == 200
        rapport = Rapport.objects.get()
        assert rapport.status == Rapport.Status.WACHTRIJ
        assert rapport.reden == services.FOUT_WACHTRIJ_ONBEREIKBAAR
        pagina = antwoord.content.decode()
        assert views.NIET_BESCHIKBAAR in pagina
        assert "Opnieuw proberen" in pagina
        assert f'hx-get="{reverse("rapportage:status", args=[rapport.pk])}"' not in pagina

    def test_opnieuw_proberen_als_de_wachtrij_terug_is(
        self, client, coordinator, broker_plat, monkeypatch, django_capture_on_commit_callbacks
    ):
        client.force_login(coordinator)
        aanvragen(client, django_capture_on_commit_callbacks)
        rapport = Rapport.objects.get()
        broker_plat["plat"] = False
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("rapportage:opnieuw", args=[rapport.pk]))
        rapport.refresh_from_db()
        assert rapport.status == Rapport.Status.KLAAR and rapport.reden == ""


class TestStatusfragment:
    def test_een_lopend_rapport_blijft_pollen_met_voortgang(self, client, coordinator):
        rapport = RapportFactory(
            jaar=2024,
            aangevraagd_door=coordinator,
            status=Rapport.Status.BEZIG,
            gestart_op=timezone.now(),
            voortgang=42,
        )
        client.force_login(coordinator)
        rij = client.get(reverse("rapportage:status", args=[rapport.pk])).content.decode()
        assert f'hx-get="{reverse("rapportage:status", args=[rapport.pk])}"' in rij
        assert 'hx-trigger="every 2s"' in rij
        assert '<progress id="voortgang-' in rij and 'value="42"' in rij
        assert "Download" not in rij

    def test_een_klaar_rapport_stopt_met_pollen_en_toont_de_download(
        self, client, coordinator, klaar_rapport
    ):
        client.force_login(coordinator)
        rij = client.get(reverse("rapportage:status", args=[klaar_rapport.pk])).content.decode()
        assert "hx-get" not in rij
        assert reverse("rapportage:download", args=[klaar_rapport.pk]) in rij


def test_de_lijst_houdt_eerdere_rapporten_met_een_vast_aantal_queries(
    client, coordinator, maak_gebruiker, django_assert_max_num_queries
):
    douane = Onderdeel.objects.get(code="douane")
    for jaar in (2022, 2023, 2024):
        reeks = ReeksFactory(jaar=jaar, aangevraagd_door=coordinator)
        RapportFactory(jaar=jaar, aangevraagd_door=coordinator, status=Rapport.Status.KLAAR, reeks=reeks)
        RapportFactory(jaar=jaar, onderdeel=douane, aangevraagd_door=coordinator, reeks=reeks)
    client.force_login(coordinator)
    # Two more than the list alone: the years of the reeks form and the latest reeksen with their
    # counts; and on a first visit 5 more for the default year (the latest year with figures).
    with django_assert_max_num_queries(19):
        antwoord = client.get(reverse("rapportage:rapporten"))
    pagina = antwoord.content.decode()
    assert len(re.findall(r'<tr id="rapport-\d+"', pagina)) == 6
    assert "Douane" in pagina
