"""In a real browser: a coordinator has the 2024 report made from the demo data and downloads it; other
roles are refused. Every page visited passes the accessibility check."""

import importlib
import io
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from pypdf import PdfReader

from finintegriteit.kern.rollen import ALLE_ROLLEN
from tests.conftest import WACHTWOORD
from tests.e2e.conftest import inloggen, screenshot, toegankelijkheidsfouten

pytestmark = pytest.mark.django_db(transaction=True)

HOOFDSTUKKEN = [
    "1 Kerncijfers",
    "2 Onderzoeksbureau Integriteit Financiën (OIF)",
    "3 Vertrouwenspersonen",
    "4 Klachtencommissie Ongewenste Omgangsvormen",
    "5 Commissie sociale veiligheid en integriteit Financiën",
    "6 Nevenwerkzaamheden",
    "Bijlage 1 Infographic",
    "Bijlage 2 Overzicht (vermoedelijke) schendingen en afdoeningen 2024",
    "Bijlage 3 Meldingen bij vertrouwenspersonen per onderdeel 2024",
]


@pytest.fixture(autouse=True)
def demodata(settings, tmp_path):
    """A transactional test before this one flushed what the data migrations made: roles and options."""
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    for rol in ALLE_ROLLEN:
        Group.objects.get_or_create(name=rol)
    importlib.import_module("finintegriteit.referentie.migrations.0002_taxonomie_2024").laad(apps, None)
    call_command("laad_demodata", stdout=io.StringIO())


def test_coordinator_vraagt_het_rapport_2024_aan_en_downloadt_de_pdf(pagina, live_server, coordinator):
    inloggen(pagina, live_server, "coordinator", WACHTWOORD)
    pagina.goto(f"{live_server.url}/rapportage/")
    assert pagina.get_by_role("heading", level=1).is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "rapportage-dashboard")

    pagina.get_by_role("link", name="Jaarrapportages").click()
    pagina.wait_for_url(re.compile(r"/rapportage/rapporten/$"))
    assert toegankelijkheidsfouten(pagina) == []
    pagina.get_by_label("Jaar").select_option("2024")
    # With Celery eager the request itself makes the whole PDF, which takes a while on a busy machine.
    pagina.set_default_timeout(180_000)
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Rapport aanvragen").click()

    # The row shows where the report is; htmx polls it until it is Klaar (Celery runs eagerly here,
    # with a real worker the row passes through 'In de wachtrij' and 'Bezig: n%').
    rij = pagina.locator("table tbody tr").first
    assert "2024" in rij.inner_text()
    pagina.get_by_role("link", name=re.compile("Download PDF")).wait_for()
    pagina.set_default_timeout(15_000)
    assert "Klaar" in rij.inner_text()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "rapportage-klaar")

    with pagina.expect_download() as download:
        pagina.get_by_role("link", name=re.compile("Download PDF")).click()
    assert download.value.suggested_filename.endswith(".pdf")
    lezer = PdfReader(download.value.path())
    assert "Jaarrapportage integriteit 2024" in lezer.pages[0].extract_text()
    tekst = "\n".join(p.extract_text() for p in lezer.pages)
    for titel in HOOFDSTUKKEN:
        assert titel in tekst, f"{titel} ontbreekt in de PDF"


def test_vertrouwenspersoon_krijgt_de_rapportpagina_niet(pagina, live_server, vertrouwenspersoon):
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    for pad in ("/rapportage/rapporten/", "/rapportage/"):
        antwoord = pagina.goto(f"{live_server.url}{pad}")
        assert antwoord.status == 403, pad
        assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "rapportage-geweigerd")
