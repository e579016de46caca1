"""In a real browser: a coordinator has the 2024 report made from the demo data, follows its progress and
downloads it; other roles are refused. Every page visited passes the accessibility check.

With PostgreSQL and Redis (CI) a real Celery worker makes the report, as in production; on a bare machine
Celery runs eagerly and the request itself makes it."""

import io
import os
import re
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from pypdf import PdfReader

from finintegriteit import celery_app
from tests.bouwstenen.browser import inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD
from tests.celery_werker import database_url_van_de_test, start_worker, stop_worker

pytestmark = pytest.mark.django_db(transaction=True)

HOOFDSTUKKEN = [
    "1 Voorwoord",
    "2 Jaar in vogelvlucht",
    "4 Melden van (vermoedelijke) integriteitsschendingen (OIF)",
    "5 Vertrouwenspersonen",
    "6 Klachtencommissie Ongewenste Omgangsvormen",
    "7 Commissie sociale veiligheid en integriteit Financiën",
    "10 Nevenwerkzaamheden",
    "14 Ambities",
    "Bijlage 1 Infographic",
    "Bijlage 2 Overzicht schendingen en afdoeningen",
    "Bijlage 3 Jaarverslag vertrouwenspersonen",
]
NIEUWE_TEKST = "In {{ jaar }} stelden medewerkers **{{ vertrouwenspersonen.totaal }}** adviesvragen."
IN_HET_RAPPORT = "In 2024 stelden medewerkers 1.200 adviesvragen."


def tekst_bewerken_en_bekijken(pagina, live_server):
    """Edit the Voorwoord of 2024, see a wrong figure name refused, then the text in the whole report."""
    pagina.get_by_role("link", name="Rapportteksten").click()
    pagina.get_by_label("Jaar", exact=True).select_option("2024")
    pagina.get_by_role("button", name="Tonen").click()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "rapportage-teksten")
    pagina.get_by_role("link", name="Voorwoord").click()
    pagina.get_by_label("Tekst", exact=True).fill("Er waren {{ oif.meldngen }} meldingen.")
    pagina.get_by_role("button", name="Opslaan").click()
    assert pagina.get_by_text("Onbekende verwijzing naar een cijfer: {{ oif.meldngen }}").is_visible()
    pagina.get_by_label("Tekst", exact=True).fill(NIEUWE_TEKST)
    pagina.get_by_role("button", name="Opslaan").click()
    assert pagina.get_by_text("‘Voorwoord’ is opgeslagen.").is_visible()
    assert pagina.locator(".rapporttekst").inner_text().strip() == IN_HET_RAPPORT
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "rapportage-tekst-bewerken")
    with pagina.context.expect_page() as nieuw:
        pagina.get_by_role("link", name="Het hele rapport bekijken").click()
    voorbeeld = nieuw.value
    voorbeeld.wait_for_load_state()
    assert IN_HET_RAPPORT in " ".join(voorbeeld.locator("#voorwoord").inner_text().split())
    voorbeeld.close()


@pytest.fixture(autouse=True)
def demodata():
    # Roles and options come back after an earlier test's flush (tests/conftest.py); the figures do not.
    call_command("laad_demodata", stdout=io.StringIO())


@pytest.fixture
def wachtrij(settings, tmp_path):
    """How the report gets made: by a real Celery worker on Redis where PostgreSQL and Redis are there
    (CI), else eagerly inside the request. The worker is another process, so it needs the committed
    rows of this transactional test in a database it can reach: PostgreSQL, not SQLite's in-memory one.
    """
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        yield "eager"
        return
    proces = start_worker(
        omgeving={"DATABASE_URL": database_url_van_de_test(), "RAPPORT_ROOT": str(settings.RAPPORT_ROOT)}
    )
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield "worker"
    finally:
        celery_app.conf.task_always_eager = eager
        stop_worker(proces)
        # Shown with a failing test: why the worker did not finish the report.
        print(proces.stderr.read().decode(errors="replace")[-4000:])


def toestanden_tot_klaar(rij, *, seconden: float) -> list[str]:
    """The status cell of the row as the page shows it, each change once, until the report is done."""
    gezien: list[str] = []
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        toestand = " ".join(rij.locator("td").nth(3).inner_text().split())
        if not gezien or gezien[-1] != toestand:
            gezien.append(toestand)
        if toestand.startswith(("Klaar", "Mislukt")):
            return gezien
        time.sleep(0.25)
    raise AssertionError(f"rapport niet klaar binnen {seconden} s; gezien: {gezien}")


def test_coordinator_vraagt_het_rapport_2024_aan_en_downloadt_de_pdf(
    pagina, live_server, coordinator, wachtrij
):
    inloggen(pagina, live_server, "coordinator", WACHTWOORD)
    pagina.goto(f"{live_server.url}/rapportage/")
    assert pagina.get_by_role("heading", level=1).is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "rapportage-dashboard")

    tekst_bewerken_en_bekijken(pagina, live_server)

    pagina.get_by_role("link", name="Jaarrapportages").click()
    pagina.wait_for_url(re.compile(r"/rapportage/rapporten/$"))
    assert toegankelijkheidsfouten(pagina) == []
    pagina.get_by_role("region", name="Rapport aanvragen").get_by_label("Jaar").select_option("2024")
    # Eager, the request itself makes the whole PDF, which takes a while on a busy machine.
    pagina.set_default_timeout(180_000)
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Rapport aanvragen").click()
    pagina.set_default_timeout(15_000)
    rij = pagina.locator("table tbody tr").first
    assert "2024" in rij.inner_text()
    download = pagina.get_by_role("link", name=re.compile("Download PDF"))

    if wachtrij == "worker":
        # The worker has the job: the page shows where it is, and htmx follows the row until it is done.
        assert re.match(
            r"(In de wachtrij|Bezig: \d+%)", " ".join(rij.locator("td").nth(3).inner_text().split())
        )
        assert download.count() == 0
        assert toegankelijkheidsfouten(pagina) == []
        screenshot(pagina, "rapportage-in-behandeling")
        gezien = toestanden_tot_klaar(rij, seconden=240)
        assert gezien[-1].startswith("Klaar"), gezien
        assert any(re.fullmatch(r"Bezig: \d+%", toestand) for toestand in gezien), gezien
        # The row changed without a page load; a screen reader hears that it is done.
        assert re.search(r"/rapportage/rapporten/(\?jaar=2024)?$", pagina.url), pagina.url
        assert pagina.locator("#rapport-meldingen").inner_text() == "Jaarrapportage 2024: klaar."
    else:
        # Eager: the report was made during the request, so the page after it shows it done.
        assert "Klaar" in rij.inner_text()
    assert download.is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "rapportage-klaar")

    with pagina.expect_download() as bestand:
        download.click()
    assert bestand.value.suggested_filename.endswith(".pdf")
    lezer = PdfReader(bestand.value.path())
    assert "Jaarrapportage integriteit 2024" in lezer.pages[0].extract_text()
    tekst = "\n".join(p.extract_text() for p in lezer.pages)
    for titel in HOOFDSTUKKEN:
        assert titel in tekst, f"{titel} ontbreekt in de PDF"
    assert IN_HET_RAPPORT in " ".join(tekst.split())
    assert "Concept, niet vastgesteld" in lezer.pages[0].extract_text()

    vaststellen_en_downloaden(pagina, wachtrij)


def vaststellen_en_downloaden(pagina, wachtrij):
    """Adopt the 2024 report (after a confirmation): the PDF is made by the task, with progress in the
    list, and the frozen PDF with its colophon is downloaded from the row and from the adopted list."""
    pagina.get_by_role("link", name="Rapport vaststellen…").click()
    pagina.get_by_label("Jaar").select_option("2024")
    pagina.get_by_role("button", name="Verder").click()
    assert pagina.get_by_text("Vaststellen kan niet ongedaan worden gemaakt.").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "rapportage-vaststellen")
    pagina.set_default_timeout(180_000)
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Rapport 2024 (hele ministerie) vaststellen").click()
    pagina.set_default_timeout(15_000)
    rij = pagina.locator("table tbody tr", has_text="vaststelling").first
    if wachtrij == "worker":
        assert pagina.get_by_text("De jaarrapportage 2024 (hele ministerie) wordt vastgesteld").is_visible()
        screenshot(pagina, "rapportage-vaststelling-bezig")
        gezien = toestanden_tot_klaar(rij, seconden=240)
        assert gezien[-1].startswith("Klaar"), gezien
    else:
        assert pagina.get_by_text("De jaarrapportage 2024 (hele ministerie) is vastgesteld.").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    with pagina.expect_download() as uit_de_rij:
        rij.get_by_role("link", name=re.compile("Download PDF")).click()
    assert uit_de_rij.value.suggested_filename.endswith("-vastgesteld.pdf")
    pagina.reload()
    screenshot(pagina, "rapportage-vastgesteld")
    with pagina.expect_download() as bestand:
        pagina.get_by_role("link", name="2024 (hele ministerie)").click()
    omslag = " ".join(PdfReader(bestand.value.path()).pages[0].extract_text().split())
    assert "Vastgesteld" in omslag and "SHA-256 van de cijfers" in omslag
    assert Path(bestand.value.path()).read_bytes() == Path(uit_de_rij.value.path()).read_bytes()


def test_vertrouwenspersoon_krijgt_de_rapportpagina_niet(pagina, live_server, vertrouwenspersoon):
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    for pad in ("/rapportage/rapporten/", "/rapportage/"):
        antwoord = pagina.goto(f"{live_server.url}{pad}")
        assert antwoord.status == 403, pad
        assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "rapportage-geweigerd")


def test_een_half_geschreven_rapporttekst_gaat_niet_zonder_vraag_verloren(pagina, live_server, coordinator):
    from tests.factories import RapportdeelFactory

    deel = RapportdeelFactory(jaar=2024, titel="Voorwoord", tekst="Eerste versie.")
    dialogen = []
    pagina.on("dialog", lambda dialoog: (dialogen.append(dialoog.type), dialoog.dismiss()))
    inloggen(pagina, live_server, "coordinator", WACHTWOORD)
    pagina.goto(f"{live_server.url}/rapportage/teksten/{deel.pk}/")
    pagina.get_by_role("textbox", name="Tekst").fill("Een lange nieuwe inleiding die nog niet is opgeslagen.")
    pagina.get_by_role("link", name="Indeling van 2024").click()
    pagina.wait_for_timeout(300)
    assert dialogen == ["beforeunload"], "weggaan vraagt eerst"
    assert pagina.url.endswith(f"/rapportage/teksten/{deel.pk}/")
    assert "nog niet is opgeslagen" in pagina.get_by_role("textbox", name="Tekst").input_value()


def test_de_naam_van_een_cijfer_staat_naast_de_tekst(pagina, live_server, coordinator):
    """A coordinator cannot run `exporteer_cijfers`: the page lists the names, and a search narrows them."""
    from tests.factories import RapportdeelFactory

    deel = RapportdeelFactory(jaar=2024, titel="Voorwoord", tekst="Eerste versie.")
    inloggen(pagina, live_server, "coordinator", WACHTWOORD)
    pagina.goto(f"{live_server.url}/rapportage/teksten/{deel.pk}/")
    pagina.get_by_text("Cijfers in de tekst").click()
    pagina.get_by_label("Zoek een naam").fill("schriftelijke berisping")
    zichtbaar = pagina.locator("#cijferlijst tbody tr:visible")
    assert zichtbaar.count() >= 1
    assert all("schriftelijke berisping" in rij.lower() for rij in zichtbaar.all_inner_texts())
    naam = zichtbaar.first.locator("code").inner_text()
    assert toegankelijkheidsfouten(pagina) == []

    pagina.get_by_role("textbox", name="Tekst").fill(f"Berispingen: {naam}.")
    with pagina.expect_navigation():
        pagina.get_by_role("button", name="Opslaan").click()
    assert pagina.get_by_text("is opgeslagen").first.is_visible(), "de naam uit de lijst is een geldige naam"
