"""No figure a coordinator can see moves when a Tellijst row is saved; only a publication moves them.

The attack: a coordinator who knows when someone visited a vertrouwenspersoon reloads the dashboard,
the .xlsx downloads, the report preview and a requested PDF right after that visit, and reads off what
it was about from the cells that changed. Here a row is saved through the entry form and one through
the import, and everything the coordinators (whole ministry, and one onderdeel) can see is compared
with what they saw before: equal, byte for byte after taking out the per-response CSRF mask. After the
next publication at which enough rows of the onderdeel changed (test_publicatie_stappen), they show.
"""

import datetime
import io
import re

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from finintegriteit.kern.importeren import lees_upload
from rapportage import cijfercache, services
from rapportage.models import Publicatie
from rapportage.services.publicatie import (
    publicatie_aan_de_beurt,
    publiceren_als_aan_de_beurt,
    tellijst_publiceren,
)
from rapportage.toegang import onderdeel_van
from tests.bouwstenen import dashboard_met_tabellen
from tests.bouwstenen.tellijst import geldige_invoer, tellijst
from tests.vertrouwenspersonen import bestanden
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.services import tellijst_importeren

pytestmark = pytest.mark.django_db

JAAR = 2025
# Every observation is made at this same instant, so that no clock on a page or in a file can differ.
MOMENT = datetime.datetime(2025, 6, 16, 10, 0, tzinfo=datetime.UTC)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _pagina(client, url, **params) -> str:
    antwoord = client.get(url, params)
    assert antwoord.status_code == 200, url
    return CSRF.sub('name="csrfmiddlewaretoken"', antwoord.content.decode())


def _dashboard(client, **params) -> str:
    return CSRF.sub('name="csrfmiddlewaretoken"', dashboard_met_tabellen(client, **params).content.decode())


def _xlsx_waarden(client, pad: str) -> list:
    antwoord = client.get(pad)
    assert antwoord.status_code == 200, pad
    blad = load_workbook(io.BytesIO(antwoord.content)).active
    return [list(rij) for rij in blad.iter_rows(values_only=True)]


def _pdf_tekst(gebruiker, onderdeel, vastleggen) -> str:
    with vastleggen(execute=True):
        rapport = services.rapport_aanvragen(door=gebruiker, jaar=JAAR, onderdeel=onderdeel)
    rapport.refresh_from_db()
    assert rapport.status == rapport.Status.KLAAR, rapport.reden
    from rapportage.opslag import rapport_pad

    return "\n".join(pagina.extract_text() for pagina in PdfReader(rapport_pad(rapport)).pages)


def waarneming(client, gebruiker, vastleggen) -> dict:
    """Everything this coordinator can see of the figures of JAAR."""
    client.force_login(gebruiker)
    dashboard = _dashboard(client, jaar=JAAR)
    downloads = sorted(set(re.findall(r'href="(/rapportage/[^"]*xlsx[^"]*)"', dashboard)))
    assert downloads, "het dashboard biedt .xlsx-downloads aan"
    onderdeel = onderdeel_van(gebruiker=gebruiker)
    return {
        "dashboard": dashboard,
        "xlsx": {pad: _xlsx_waarden(client, pad.replace("&amp;", "&")) for pad in downloads},
        "voorbeeld": _pagina(client, reverse("rapportage:voorbeeld"), jaar=JAAR),
        "pdf": _pdf_tekst(gebruiker, onderdeel, vastleggen),
    }


@pytest.fixture
def rapportmap(settings, tmp_path):
    settings.RAPPORT_ROOT = tmp_path / "rapporten"


@time_machine.travel(MOMENT, tick=False)
def test_een_opgeslagen_rij_verandert_niets_tot_de_volgende_publicatie(
    client,
    coordinator,
    coordinator_douane,
    vertrouwenspersoon,
    rapportmap,
    django_capture_on_commit_callbacks,
):
    tellijst(6, jaar=JAAR, onderdeel="douane")
    tellijst(7, jaar=JAAR, onderdeel="belastingdienst")
    tellijst_publiceren()
    vastleggen = django_capture_on_commit_callbacks
    coordinatoren = {"ministerie": coordinator, "douane": coordinator_douane}
    voor = {naam: waarneming(client, gebruiker, vastleggen) for naam, gebruiker in coordinatoren.items()}

    vp = Client()  # her own browser
    vp.force_login(vertrouwenspersoon)
    with vastleggen(execute=True):
        invoer = geldige_invoer(jaar=str(JAAR), onderdeel=str(_onderdeel_pk("douane")))
        assert vp.post(reverse("vertrouwenspersonen:invoeren"), invoer).status_code == 302
    with vastleggen(execute=True):
        rij = bestanden.rij(jaar=str(JAAR), onderdeel="Belastingdienst")
        tellijst_importeren(
            door=vertrouwenspersoon,
            upload=lees_upload(bestanden.upload(bestanden.csv_bytes([rij]))),
            vandaag=MOMENT.date(),
        )
    assert Adviesvraag.objects.filter(jaar=JAAR).count() == 15, "beide rijen zijn opgeslagen"

    for naam, gebruiker in coordinatoren.items():
        na = waarneming(client, gebruiker, vastleggen)
        for soort in voor[naam]:
            assert na[soort] == voor[naam][soort], f"{naam}: {soort} veranderde door een opgeslagen rij"

    # The test's earlier writes left their (never run) bump queued; a commit would have run it.
    connection.run_on_commit = [c for c in connection.run_on_commit if c[1] != cijfercache._VERSIE.vervangen]
    tellijst(settings.TELLIJST_DREMPEL - 1, jaar=JAAR, onderdeel="douane")
    with vastleggen(execute=True):
        tellijst_publiceren()
    client.force_login(coordinator)
    dashboard = _dashboard(client, jaar=JAAR)
    assert dashboard != voor["ministerie"]["dashboard"], "na de publicatie tellen de nieuwe rijen mee"
    assert "zoals gepubliceerd op 16-06-2025" in dashboard


def _onderdeel_pk(code: str) -> int:
    from finintegriteit.referentie.models import Onderdeel

    return Onderdeel.objects.get(code=code).pk


def test_de_pagina_toont_de_publicatiedatum_en_geen_kloktijd(client, coordinator):
    with time_machine.travel(datetime.datetime(2025, 3, 3, 6, 0, 7, tzinfo=datetime.UTC), tick=False):
        tellijst_publiceren()
    client.force_login(coordinator)
    pagina = _dashboard(client, jaar=2024)
    assert "Cijfers van de Tellijst zoals gepubliceerd op 03-03-2025" in pagina
    assert not re.search(r"\b\d\d:\d\d\b", pagina.split("<main", 1)[-1]), "geen kloktijd op de pagina"


def test_voor_de_eerste_publicatie_telt_de_pagina_geen_tellijstrijen(client, coordinator):
    tellijst(9, jaar=2024)
    client.force_login(coordinator)
    pagina = _dashboard(client, jaar=2024)
    assert "De cijfers van de Tellijst zijn nog niet gepubliceerd" in pagina


# --- When the beat task publishes ---------------------------------------------------------------------


def test_de_beattaak_publiceert_op_vaste_dagen_en_niet_vaker(settings):  # noqa: F811
    settings.TELLIJST_PUBLICATIE_DAGEN = 7
    maandag = datetime.datetime(2025, 6, 16, 6, 0, tzinfo=datetime.UTC)  # a Monday
    assert publiceren_als_aan_de_beurt(nu=maandag - datetime.timedelta(days=2)) is not None, (
        "de eerste meteen"
    )
    assert publiceren_als_aan_de_beurt(nu=maandag - datetime.timedelta(days=1)) is None
    assert publiceren_als_aan_de_beurt(nu=maandag) is not None
    assert publiceren_als_aan_de_beurt(nu=maandag + datetime.timedelta(hours=1)) is None, "één keer per dag"
    for dag in range(1, 7):
        assert not publicatie_aan_de_beurt(datum=(maandag + datetime.timedelta(days=dag)).date())
    assert publicatie_aan_de_beurt(datum=(maandag + datetime.timedelta(days=7)).date())
    assert Publicatie.objects.count() == 2


def test_een_rij_opslaan_publiceert_niets(vp_client):
    tellijst_publiceren()
    vp_client.post(reverse("vertrouwenspersonen:invoeren"), geldige_invoer())
    assert Publicatie.objects.count() == 1


@pytest.mark.parametrize("dagen", ["0", "-7"])
def test_vaker_dan_dagelijks_publiceren_weigert_de_start(dagen):
    import subprocess
    import sys

    uitkomst = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", "import django; django.setup()"],
        env={
            "DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "finintegriteit.settings",
            "TELLIJST_PUBLICATIE_DAGEN": dagen,
        },
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    assert uitkomst.returncode != 0
    assert "niet vaker dan dagelijks" in uitkomst.stderr


def test_een_publicatie_bewaart_aantallen_en_geen_rijen(django_assert_max_num_queries):
    tellijst(4, jaar=2024)
    tellijst(2, jaar=2024, onderdeel="belastingdienst")
    publicatie = tellijst_publiceren()
    assert sorted(publicatie.tellingen.values_list("aantal", flat=True)) == [2, 4]
