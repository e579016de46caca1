"""In a real browser: an analist finds a case by a betrokkene's name, opens it, adds a note and a
document, downloads the document again, corrects the type of onderzoek, removes a betrokkene added by
mistake and closes the case. Every page passes the accessibility check."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from finintegriteit.kern.models import AuditRegel
from finintegriteit.referentie.models import MelderType, Onderdeel, SchendingSoort
from meldingen.models import Aantekening, Document, Melding
from meldingen.services import betrokkene_toevoegen, melding_registreren, melding_status_wijzigen
from meldingen.services.aantekeningen import aantekening_toevoegen
from tests.bouwstenen.browser import (
    inloggen,
    klik_en_wacht,
    screenshot,
    status_wijzigen,
    toegankelijkheidsfouten,
)
from tests.bouwstenen.inloggen import WACHTWOORD

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def melding(analist, settings, tmp_path):
    """The widest row the search can show: a klokkenluidersmelding with the longest onderwerp, a long
    behandelaar name, an overdue deadline, and a term found in the name, the omschrijving and a note."""
    settings.DOCUMENT_ROOT = tmp_path / "documenten"
    analist.first_name, analist.last_name = "Annemarie", "van den Berg-Hoogendoorn"
    analist.save()
    melding = melding_registreren(
        door=analist,
        ontvangen_op=datetime.date.today() - datetime.timedelta(days=9),
        melder_type=MelderType.objects.get(code="medewerker"),
        onderwerp=SchendingSoort.objects.get(code="lekken-misbruik-informatie"),
        klokkenluidersmelding=True,
        omschrijving="Signalen over opmerkingen van Muller in het teamoverleg.",
        dienstonderdeel=Onderdeel.objects.get(code="beleidsdepartement"),
        behandelaar=analist,
    )
    betrokkene_toevoegen(
        melding=melding,
        door=analist,
        naam="José Müller",
        personeelsnummer="7001234",
        dienstonderdeel=melding.dienstonderdeel,
        leidinggevende=False,
    )
    aantekening_toevoegen(melding=melding, door=analist, tekst="Muller is met verlof tot maart.")
    for naar in (Melding.Status.IN_BEOORDELING, Melding.Status.VOLLEDIG_FEITENONDERZOEK):
        melding_status_wijzigen(
            melding=melding, door=analist, naar=naar, reden="Intake.", versie=melding.versie
        )
    return melding


def test_zoeken_openen_aantekening_document_correctie_en_afdoen(
    pagina, live_server, analist, melding, tmp_path
):
    pagina.set_viewport_size({"width": 1280, "height": 800})
    inloggen(pagina, live_server, "analist", WACHTWOORD)
    pagina.goto(f"{live_server.url}/meldingen/")
    pagina.get_by_label("Zoeken").fill("Muller")
    pagina.get_by_role("button", name="Filteren").click()
    pagina.wait_for_url(re.compile(r"q=Muller"))
    rij = pagina.locator("tbody tr", has=pagina.get_by_role("link", name=melding.nummer))
    screenshot(pagina, "oif-zoeken-op-naam")
    # Every column fits at 1280 pixels: the table does not scroll sideways, 'Gevonden in' is not cut off.
    tabel = pagina.locator(".table-responsive")
    assert tabel.evaluate("t => t.scrollWidth - t.clientWidth") <= 0
    assert "naam betrokkene, omschrijving, aantekening" in rij.inner_text()
    assert "in alle statussen" in pagina.get_by_text(re.compile("1 melding gevonden")).inner_text()
    assert toegankelijkheidsfouten(pagina) == []
    # Sorting by keyboard: after the new page the focus is on the header just used, not at the top.
    pagina.locator("thead").get_by_role("link", name="Status").focus()
    pagina.keyboard.press("Enter")
    pagina.wait_for_url(re.compile(r"sorteer=status&.*#sorteer-status$"))
    assert pagina.evaluate("document.activeElement.id") == "sorteer-status"
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent") == "Behandelaar"

    rij.get_by_role("link", name=melding.nummer).click()
    pagina.wait_for_url(re.compile(rf"/meldingen/{melding.pk}/$"))
    # Refused: the page comes back at the form, the reason in sight, not far below the top of the page.
    pagina.get_by_role("button", name="Aantekening toevoegen").click()
    pagina.wait_for_url(re.compile(r"/aantekeningen/#kop-aantekeningen$"))
    fout = pagina.locator("section[aria-labelledby=kop-aantekeningen] .invalid-feedback").first
    expect(fout).to_be_in_viewport()
    pagina.get_by_label("Nieuwe aantekening").fill("Gesprek met de teamleider gepland.")
    pagina.get_by_role("button", name="Aantekening toevoegen").click()
    pagina.wait_for_url(re.compile(r"#kop-aantekeningen$"))
    assert pagina.get_by_text("Gesprek met de teamleider gepland.", exact=True).is_visible()
    assert Aantekening.objects.filter(melding=melding).count() == 2

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

    # Corrections: the onderzoek turned out to be an oriënterend one; the betrokkene was the wrong person.
    pagina.get_by_role("link", name="Type onderzoek corrigeren").click()
    pagina.get_by_label("Oriënterend onderzoek").check()
    pagina.get_by_label("Reden").fill("Bij nader inzien volstaat een oriënterend onderzoek.")
    assert toegankelijkheidsfouten(pagina) == []
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Corrigeren"))
    assert pagina.get_by_text("Het type onderzoek is gecorrigeerd.").is_visible()
    pagina.get_by_role("link", name="Verwijderen betrokkene 1").click()
    pagina.get_by_label("Reden").fill("Verkeerde collega geregistreerd.")
    pagina.get_by_label("Ik weet dit zeker").check()
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Betrokkene verwijderen"))
    assert pagina.get_by_text("Nog geen betrokkenen.").is_visible()

    status_wijzigen(pagina, "Afgedaan", "Geen betrokkene meer: de melding betrof niemand van de dienst.")
    assert pagina.get_by_text("Deze melding is afgedaan op").is_visible()
    assert pagina.get_by_text("Correctie: Bij nader inzien").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-zaak-gecorrigeerd-en-afgedaan")
    melding.refresh_from_db()
    assert (melding.status, melding.onderzoek_type.code) == (
        Melding.Status.AFGEDAAN,
        "orienterend-onderzoek",
    )

    # Back to the werkvoorraad as it was left; the term itself is not remembered.
    pagina.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Werkvoorraad").click()
    pagina.wait_for_load_state()
    assert "q=" not in pagina.url


def _klokkenluidersmelding(door, omschrijving):
    return melding_registreren(
        door=door,
        ontvangen_op=datetime.date.today() - datetime.timedelta(days=2),
        melder_type=MelderType.objects.get(code="medewerker"),
        onderwerp=SchendingSoort.objects.get(code="ongewenste-omgangsvormen"),
        klokkenluidersmelding=True,
        omschrijving=omschrijving,
        dienstonderdeel=Onderdeel.objects.get(code="douane"),
        behandelaar=door,
    )


def test_teamleider_legt_contact_vast_schermt_af_en_markeert_een_duplicaat(
    pagina, nieuwe_context, live_server, analist, maak_gebruiker
):
    from finintegriteit.kern import rollen as r
    from tests.bouwstenen.meldingen import recht

    teamleider = maak_gebruiker("teamleider", r.OIF_ANALIST)
    for naam in r.BIJZONDERE_RECHTEN:
        teamleider = recht(teamleider, naam.split(".", 1)[1])
    origineel = _klokkenluidersmelding(teamleider, "Een collega van OIF neemt kasgeld mee.")
    duplicaat = _klokkenluidersmelding(teamleider, "Kasgeld verdwijnt, gemeld door een tweede collega.")
    vandaag = datetime.date.today().strftime("%d-%m-%Y")
    pagina.set_viewport_size({"width": 1280, "height": 800})
    inloggen(pagina, live_server, "teamleider", WACHTWOORD)

    # When and how the melder got the ontvangstbevestiging: for the holder of the identity right.
    pagina.goto(f"{live_server.url}/meldingen/{duplicaat.pk}/")
    pagina.get_by_role("link", name="Vastleggen").click()
    pagina.get_by_label("Ontvangstbevestiging verstuurd op").fill(vandaag)
    pagina.locator("#id_ontvangstbevestiging_wijze").select_option(label="Telefoon")
    pagina.locator("#id_ontvangstbevestiging_toelichting").fill("Teruggebeld op het opgegeven nummer.")
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-contact-met-de-melder")
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Opslaan"))
    assert pagina.get_by_text(f"verstuurd op {vandaag} · telefoon").is_visible()

    # A colleague without the right sees only that it was sent.
    collega = nieuwe_context().new_page()
    collega.set_viewport_size({"width": 1280, "height": 800})
    inloggen(collega, live_server, "analist", WACHTWOORD)
    collega.goto(f"{live_server.url}/meldingen/{duplicaat.pk}/")
    termijnen = collega.locator("section", has=collega.get_by_role("heading", name="Wettelijke termijnen"))
    assert "verstuurd" in termijnen.inner_text() and vandaag not in termijnen.inner_text()
    assert "telefoon" not in termijnen.inner_text()
    assert termijnen.get_by_role("link", name="Vastleggen").count() == 0
    assert toegankelijkheidsfouten(collega) == []
    screenshot(collega, "oif-contact-zonder-recht")

    # Need to know, then the second report of the same matter as its duplicate.
    pagina.goto(f"{live_server.url}/meldingen/{origineel.pk}/")
    pagina.get_by_role("link", name="Afschermen").click()
    pagina.get_by_label("Reden").fill("Betreft een collega van OIF.")
    assert toegankelijkheidsfouten(pagina) == []
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Afschermen"))
    assert pagina.get_by_text("De melding is afgeschermd.").is_visible()
    pagina.goto(f"{live_server.url}/meldingen/{duplicaat.pk}/")
    pagina.get_by_role("link", name="Markeren als duplicaat").click()
    pagina.get_by_label("Meldingsnummer van het origineel").fill(origineel.nummer)
    pagina.get_by_label("Reden").fill("Dezelfde zaak, gemeld door een tweede collega.")
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-duplicaat-markeren")
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Markeren als duplicaat"))
    assert pagina.get_by_text(f"De melding is afgedaan als duplicaat van {origineel.nummer}.").is_visible()
    assert pagina.get_by_role("link", name=origineel.nummer).is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-duplicaat-afgeschermd")

    # For the colleague both cases are gone: the URL answers 404, the search finds nothing.
    for melding in (origineel, duplicaat):
        assert collega.goto(f"{live_server.url}/meldingen/{melding.pk}/").status == 404
    collega.goto(f"{live_server.url}/meldingen/?q={origineel.nummer}")
    assert collega.get_by_text(f"Geen meldingen gevonden voor ‘{origineel.nummer}’").is_visible()
    screenshot(collega, "oif-afgeschermd-zoeken-collega")
