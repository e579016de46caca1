"""In a real browser: an analist finds a case by a betrokkene's name, opens it, adds a note and a
document, and downloads the document again. Every page passes the accessibility check."""

import datetime
import re

import pytest

from finintegriteit.referentie.models import MelderType, Onderdeel, SchendingSoort
from meldingen.models import Aantekening, AuditRegel, Document
from meldingen.services import betrokkene_toevoegen, melding_registreren
from tests.conftest import WACHTWOORD
from tests.e2e.conftest import inloggen, screenshot, toegankelijkheidsfouten

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def melding(analist, settings, tmp_path):
    settings.DOCUMENT_ROOT = tmp_path / "documenten"
    melding = melding_registreren(
        door=analist,
        ontvangen_op=datetime.date.today() - datetime.timedelta(days=3),
        melder_type=MelderType.objects.get(code="medewerker"),
        onderwerp=SchendingSoort.objects.get(code="ongewenste-omgangsvormen"),
        klokkenluidersmelding=False,
        omschrijving="Signalen over ongepaste opmerkingen in het teamoverleg.",
        dienstonderdeel=Onderdeel.objects.get(code="douane"),
    )
    betrokkene_toevoegen(
        melding=melding,
        door=analist,
        naam="José Müller",
        personeelsnummer="7001234",
        dienstonderdeel=melding.dienstonderdeel,
        leidinggevende=False,
    )
    return melding


def test_zoeken_openen_aantekening_en_document(pagina, live_server, analist, melding, tmp_path):
    inloggen(pagina, live_server, "analist", WACHTWOORD)
    pagina.goto(f"{live_server.url}/meldingen/")
    pagina.get_by_label("Zoeken").fill("muller")
    pagina.get_by_role("button", name="Filteren").click()
    pagina.wait_for_url(re.compile(r"q=muller"))
    rij = pagina.locator("tbody tr", has=pagina.get_by_role("link", name=melding.nummer))
    assert "naam betrokkene" in rij.inner_text()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-zoeken-op-naam")

    rij.get_by_role("link", name=melding.nummer).click()
    pagina.wait_for_url(re.compile(rf"/meldingen/{melding.pk}/$"))
    pagina.get_by_label("Nieuwe aantekening").fill("Gesprek met de teamleider gepland.")
    pagina.get_by_role("button", name="Aantekening toevoegen").click()
    pagina.wait_for_url(re.compile(r"#kop-aantekeningen$"))
    assert pagina.get_by_text("Gesprek met de teamleider gepland.", exact=True).is_visible()
    assert Aantekening.objects.filter(melding=melding).count() == 1

    bestand = tmp_path / "gespreksverslag.pdf"
    bestand.write_bytes(PDF)
    pagina.get_by_label("Document toevoegen").set_input_files(str(bestand))
    pagina.get_by_role("button", name="Document uploaden").click()
    pagina.wait_for_url(re.compile(r"#kop-documenten$"))
    link = pagina.get_by_role("link", name="gespreksverslag.pdf")
    assert link.is_visible()
    assert pagina.get_by_text("Document toegevoegd: gespreksverslag.pdf").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-zaak-aantekening-en-document")

    with pagina.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "gespreksverslag.pdf"
    assert open(download.value.path(), "rb").read() == PDF
    document = Document.objects.get()
    assert AuditRegel.objects.filter(
        actie="geexporteerd", object_type="document", object_id=str(document.pk)
    ).exists()

    # Back to the werkvoorraad as it was left; the term itself is not remembered.
    pagina.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Werkvoorraad").click()
    pagina.wait_for_load_state()
    assert "q=" not in pagina.url
