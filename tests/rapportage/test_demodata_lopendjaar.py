"""`manage.py laad_demowerkvoorraad`: a new installation shows this year's work, not zeros.

The Tellijst rows of this year reach the pages (through a publication), the coordinator finds a
jaarrapportage on the Jaarrapportages page, and loading twice adds nothing."""

import datetime

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone

from finintegriteit.kern.rollen import VERTROUWENSPERSOON
from rapportage.models import GepubliceerdeTelling, Rapport
from rapportage.selectors.afscherming import VERBORGEN
from rapportage.selectors.overzicht import adviesvragen_per_maand, lopend_jaar
from rapportage.selectors.tellijstbron import gepubliceerd, laatste_publicatie
from vertrouwenspersonen.models import Adviesvraag

pytestmark = pytest.mark.django_db


@pytest.fixture
def demogebruikers(maak_gebruiker, analist, coordinator, settings, tmp_path, time_machine):
    settings.DOCUMENT_ROOT = tmp_path / "documenten"
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    # In the third quarter: three quarters of rows, the last one partly still running.
    time_machine.move_to(timezone.make_aware(datetime.datetime(2025, 8, 20, 10, 0)), tick=False)
    return maak_gebruiker("vertrouwenspersoon", VERTROUWENSPERSOON)


def test_tellijst_van_dit_jaar_staat_in_de_publicatie(demogebruikers):
    call_command("laad_demowerkvoorraad", stdout=None)
    call_command("laad_demowerkvoorraad", stdout=None)
    rijen = Adviesvraag.objects.filter(jaar=2025)
    assert rijen.count() == 63
    assert set(rijen.values_list("kwartaal", flat=True)) == {1, 2, 3}
    assert rijen.filter(wijze_van_afdoening__code="loopt-nog").exists()
    # The pages count only what was published: this year's rows must be in the latest publication, but
    # for fewer than the threshold per onderdeel that wait for more of their onderdeel (publicatie).
    gepubliceerd = GepubliceerdeTelling.objects.filter(publicatie=laatste_publicatie(), jaar=2025)
    per_onderdeel = dict(gepubliceerd.values_list("onderdeel__code").annotate(n=Sum("aantal")).order_by())
    for onderdeel, live in rijen.values_list("onderdeel__code").annotate(n=Count("pk")).order_by():
        assert 0 <= live - per_onderdeel[onderdeel] < settings.TELLIJST_DREMPEL, onderdeel


def test_de_rijen_komen_per_maand_binnen_zoals_de_publicaties_ze_toonden(demogebruikers):
    call_command("laad_demowerkvoorraad", stdout=None)
    maanden = adviesvragen_per_maand(jaar=2025, tot=timezone.localdate())
    aantallen = [maand["aantal"] for maand in maanden]
    assert len(aantallen) == 8 and all(n == VERBORGEN or n > 0 for n in aantallen), aantallen
    assert all(isinstance(n, int) for n in aantallen[2:]), "vanaf maart een getal per maand"


def test_dashboard_toont_het_lopende_jaar_per_onderdeel_zonder_verborgen_cellen(demogebruikers, coordinator):
    call_command("laad_demowerkvoorraad", stdout=None)
    tabel = lopend_jaar(vandaag=timezone.localdate(), onderdeel=None, tellijst=gepubliceerd())[
        "adviesvragen_per_onderdeel"
    ]
    assert [onderdeel for onderdeel, _ in tabel] == [
        "Belastingdienst", "Douane", "Toeslagen", "Beleidsdepartement", "Totaal"
    ]  # fmt: skip
    assert [aantal for _, aantal in tabel] == [15, 15, 15, 15, 60], "3 rijen wachten op meer"


def test_coordinator_ziet_een_aangevraagde_jaarrapportage(
    demogebruikers, coordinator, client, django_capture_on_commit_callbacks
):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("laad_demowerkvoorraad", stdout=None)
    rapport = Rapport.objects.get()
    assert (rapport.jaar, rapport.aangevraagd_door) == (2024, coordinator)
    assert rapport.status == Rapport.Status.KLAAR
    client.force_login(coordinator)
    html = client.get(reverse("rapportage:rapporten")).content.decode()
    assert reverse("rapportage:download", args=[rapport.pk]) in html
