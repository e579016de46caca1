"""In a real browser: an OIF analist takes a melding with two betrokkenen from intake to Afgedaan and finds
it in the werkvoorraad; a colleague saving the same melding at the same time gets the conflict message.
Every page visited, forms in their error state included, passes the accessibility check."""

import datetime
import re

import pytest

from afdoeningen.models import Afdoening
from afdoeningen.services import afdoening_controleren
from finintegriteit.kern import rollen as r
from finintegriteit.referentie.models import MelderType, Onderdeel, SchendingSoort
from meldingen.models import Melding
from meldingen.services import melding_registreren
from tests.afdoeningen.registerbestanden import als_csv, open_regel, regel
from tests.bouwstenen.browser import (
    focus_na_laden,
    inloggen,
    klik_en_wacht,
    screenshot,
    status_wijzigen,
    toegankelijkheidsfouten,
)
from tests.bouwstenen.inloggen import WACHTWOORD
from tests.bouwstenen.meldingen import recht

pytestmark = pytest.mark.django_db(transaction=True)

CONFLICT = (
    "Intussen is hier iets anders opgeslagen (door iemand anders of in een ander venster); "
    "uw wijziging is niet bewaard."
)


def test_analist_van_intake_tot_afgedaan_met_twee_betrokkenen(pagina, live_server, analist, maak_gebruiker):
    ontvangen = datetime.date.today() - datetime.timedelta(days=2)
    # A first login of an analist links the authenticator app; inloggen() types the code it shows.
    inloggen(pagina, live_server, "analist", WACHTWOORD)
    pagina.goto(f"{live_server.url}/meldingen/")
    assert pagina.get_by_role("heading", name="Werkvoorraad").is_visible()
    assert toegankelijkheidsfouten(pagina) == []

    # Registration: first an empty form (errors at the fields), then the real one.
    pagina.get_by_role("link", name="Nieuwe melding").first.click()
    pagina.wait_for_url("**/meldingen/nieuw/")
    assert focus_na_laden(pagina) == "id_ontvangen_op"
    assert toegankelijkheidsfouten(pagina) == []
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Melding registreren"))
    assert pagina.locator(".invalid-feedback").count() >= 4, "elk verplicht veld meldt zijn fout"
    assert focus_na_laden(pagina) == "foutoverzicht", "de pagina opent bij het overzicht"
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-melding-formulier-fouten")
    assert not Melding.objects.exists()

    pagina.get_by_label("Ontvangen op").fill(ontvangen.strftime("%d-%m-%Y"))
    pagina.locator("#id_melder_type").select_option(label="Medewerker")
    pagina.get_by_label("Onderwerp (soort schending)").select_option(
        label="Misstanden volgens Klokkenluidersregeling"
    )
    # static/js/meldingen.js ticks the box for a misstand.
    assert pagina.get_by_label("Melding van een misstand (Klokkenluidersregeling)").is_checked()
    pagina.get_by_label("Dienstonderdeel").select_option(label="Douane")
    pagina.get_by_label("Omschrijving").fill("Melder ziet dat aangiftes zonder controle worden vrijgegeven.")
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Melding registreren"))
    melding = Melding.objects.get()
    assert pagina.get_by_role("heading", name=f"Melding {melding.nummer}").is_visible()
    assert pagina.get_by_text("Ontvangstbevestiging").is_visible()
    assert toegankelijkheidsfouten(pagina) == []

    # Status form without a reason: refused at the field, on an accessible page.
    pagina.get_by_label("In beoordeling", exact=True).check()
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Status wijzigen"))
    assert pagina.get_by_text("Geef een reden op.").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    status_wijzigen(pagina, "In beoordeling", "Melding ontvangen en beoordeeld.")
    status_wijzigen(pagina, "Oriënterend onderzoek", "Aanwijzingen genoeg voor een oriënterend onderzoek.")
    assert pagina.get_by_text("De status is nu ‘Oriënterend onderzoek’.").is_visible()

    # Two betrokkenen; the first attempt leaves the required dienstonderdeel empty.
    pagina.get_by_role("link", name="Betrokkene toevoegen").click()
    pagina.wait_for_url(re.compile(r"/betrokkenen/nieuw/$"))
    assert toegankelijkheidsfouten(pagina) == []
    pagina.get_by_label("Naam").fill("Jan de Vries")
    pagina.get_by_label("Dienstonderdeel").select_option(index=0)
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Toevoegen"))
    assert pagina.locator("#id_dienstonderdeel.is-invalid").is_visible()
    assert pagina.get_by_text("Dit veld is verplicht.").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-betrokkene-formulier-fouten")
    pagina.get_by_label("Dienstonderdeel").select_option(label="Douane")
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Toevoegen"))

    pagina.get_by_role("link", name="Betrokkene toevoegen").click()
    pagina.wait_for_url(re.compile(r"/betrokkenen/nieuw/$"))
    pagina.get_by_label("Naam").fill("Petra Bakker")
    pagina.get_by_label("Personeelsnummer").fill("7654321")
    pagina.get_by_label("Leidinggevende").check()
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Toevoegen"))
    assert pagina.get_by_text("nog geen afdoening").count() == 2
    assert pagina.get_by_text("nog 2 zonder").is_visible()
    assert toegankelijkheidsfouten(pagina) == []

    # Afgedaan is refused while a betrokkene has no afdoening.
    status_wijzigen(pagina, "Afgedaan", "Klaar.")
    assert pagina.get_by_text(
        "kan pas worden afgedaan als elke betrokkene een afdoening heeft"
    ).first.is_visible()
    assert toegankelijkheidsfouten(pagina) == []

    # First afdoening: a name in the text is refused (it would end up in the annual report).
    pagina.get_by_role("link", name="Afdoening vastleggen (1)").click()
    pagina.wait_for_url(re.compile(r"/afdoeningen/betrokkene/\d+/$"))
    assert pagina.get_by_role("heading", name=re.compile("Afdoening van Jan de Vries")).is_visible()
    assert focus_na_laden(pagina) == "id_type"
    pagina.locator("#id_type").select_option(label="Schriftelijke berisping (disciplinair)")
    pagina.locator("#id_schending").select_option(label="Misstanden volgens Klokkenluidersregeling")
    pagina.get_by_label("Ja").check()
    pagina.get_by_label("Datum afdoening").fill(datetime.date.today().isoformat())
    pagina.get_by_label("Inhoud (vermoedelijke) schending").fill(
        "De Vries gaf aangiftes vrij zonder controle."
    )
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-afdoening-formulier")
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Afdoening opslaan"))
    assert pagina.get_by_text("bevat de naam van een betrokkene ('De Vries')").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-afdoening-naam-geweigerd")
    assert not Afdoening.objects.exists()
    pagina.get_by_label("Inhoud (vermoedelijke) schending").fill("Aangiftes vrijgegeven zonder controle.")
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Afdoening opslaan"))
    assert pagina.url.endswith(f"/meldingen/{melding.pk}/")
    assert pagina.get_by_text("Aangiftes vrijgegeven zonder controle.").is_visible()

    # Second afdoening, for the other betrokkene.
    pagina.get_by_role("link", name="Afdoening vastleggen (2)").click()
    pagina.wait_for_url(re.compile(r"/afdoeningen/betrokkene/\d+/$"))
    assert pagina.get_by_role("heading", name=re.compile("Afdoening van Petra Bakker")).is_visible()
    pagina.locator("#id_type").select_option(index=1)
    pagina.locator("#id_schending").select_option(label="Misstanden volgens Klokkenluidersregeling")
    pagina.get_by_label("Nee").check()
    pagina.get_by_label("Datum afdoening").fill(datetime.date.today().isoformat())
    pagina.get_by_label("Inhoud (vermoedelijke) schending").fill("Geen rol bij het vrijgeven vastgesteld.")
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Afdoening opslaan"))
    assert pagina.url.endswith(f"/meldingen/{melding.pk}/")
    assert pagina.get_by_text("nog geen afdoening").count() == 0
    assert Afdoening.objects.filter(betrokkene__melding=melding).count() == 2

    # Own texts of an analist without the identity right wait for a colleague who holds it (that
    # colleague's page is tested in tests/afdoeningen/test_melder_orakel.py).
    assert pagina.get_by_text("wacht op controle tegen de melder").count() == 2
    teamleider = recht(maak_gebruiker("teamleider", r.OIF_ANALIST), "melder_identiteit_inzien")
    for afdoening in Afdoening.objects.filter(betrokkene__melding=melding):
        afdoening_controleren(afdoening=afdoening, door=teamleider)
    pagina.reload()
    assert pagina.get_by_text("wacht op controle tegen de melder").count() == 0

    status_wijzigen(pagina, "Afgedaan", "Afgerond; melder geïnformeerd.")
    assert pagina.get_by_text("is alleen te lezen").is_visible()
    assert pagina.get_by_role("button", name="Status wijzigen").count() == 0
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-melding-afgedaan")
    melding.refresh_from_db()
    assert melding.status == Melding.Status.AFGEDAAN

    # The werkvoorraad shows open work; the status filter finds the afgedane melding.
    pagina.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="Werkvoorraad").click()
    pagina.wait_for_url(re.compile(r"/meldingen/$"))
    assert pagina.get_by_role("link", name=melding.nummer).count() == 0
    pagina.get_by_label("Status", exact=True).select_option(label="Afgedaan")
    pagina.get_by_role("button", name="Filteren").click()
    pagina.wait_for_url(re.compile(r"status=afgedaan"))
    rij = pagina.locator("tbody tr", has=pagina.get_by_role("link", name=melding.nummer))
    assert rij.count() == 1
    assert "Afgedaan" in rij.inner_text() and "2/2" in rij.inner_text()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-werkvoorraad-afgedaan")


def test_collega_die_tegelijk_wijzigt_krijgt_de_conflictmelding(
    nieuwe_context, live_server, analist, maak_gebruiker
):
    maak_gebruiker("collega", r.OIF_ANALIST)
    melding = melding_registreren(
        door=analist,
        ontvangen_op=datetime.date.today() - datetime.timedelta(days=5),
        melder_type=MelderType.objects.get(code="medewerker"),
        onderwerp=SchendingSoort.objects.get(code="ongewenste-omgangsvormen"),
        klokkenluidersmelding=False,
        omschrijving="Eerste versie.",
        dienstonderdeel=Onderdeel.objects.get(code="belastingdienst"),
        behandelaar=None,
    )
    a = nieuwe_context().new_page()
    b = nieuwe_context().new_page()
    inloggen(a, live_server, "analist", WACHTWOORD)
    inloggen(b, live_server, "collega", WACHTWOORD)
    wijzigen = f"{live_server.url}/meldingen/{melding.pk}/wijzigen/"

    # Both open the form; A saves first, B's save with the old version is refused.
    a.goto(wijzigen)
    b.goto(wijzigen)
    a.get_by_label("Omschrijving").fill("Aangevuld door A.")
    klik_en_wacht(a, a.get_by_role("button", name="Opslaan"))
    assert a.get_by_text("De gegevens van de melding zijn opgeslagen.").is_visible()
    b.get_by_label("Omschrijving").fill("Aangevuld door B.")
    antwoord = klik_en_wacht(b, b.get_by_role("button", name="Opslaan"))
    assert antwoord.status == 409
    assert b.get_by_role("alert").filter(has_text=CONFLICT).is_visible()
    assert toegankelijkheidsfouten(b) == []
    screenshot(b, "oif-conflict-gegevens")
    melding.refresh_from_db()
    assert melding.omschrijving == "Aangevuld door A."

    # The reload link gives the current data; saving from there works.
    b.get_by_role("link", name="Pagina opnieuw laden met de actuele gegevens").click()
    b.wait_for_load_state()
    assert b.get_by_label("Omschrijving").input_value() == "Aangevuld door A."
    b.get_by_label("Omschrijving").fill("Aangevuld door A en B.")
    klik_en_wacht(b, b.get_by_role("button", name="Opslaan"))
    melding.refresh_from_db()
    assert melding.omschrijving == "Aangevuld door A en B."

    # The same for a status change from a case page that was opened before the other's change.
    a.goto(f"{live_server.url}/meldingen/{melding.pk}/")
    b.goto(f"{live_server.url}/meldingen/{melding.pk}/")
    status_wijzigen(a, "In beoordeling", "Door A beoordeeld.")
    antwoord = status_wijzigen(b, "In beoordeling", "Door B beoordeeld.")
    assert antwoord.status == 409
    assert b.get_by_role("alert").filter(has_text=CONFLICT).is_visible()
    assert toegankelijkheidsfouten(b) == []
    screenshot(b, "oif-conflict-status")
    assert melding.statusovergangen.filter(reden="Door B beoordeeld.").count() == 0


def test_termijnen_en_audittrail_zijn_toegankelijk(pagina, live_server, analist, beheerder):
    inloggen(pagina, live_server, "analist", WACHTWOORD)
    pagina.goto(f"{live_server.url}/meldingen/termijnen/")
    assert pagina.get_by_role("heading", level=1).is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    pagina.context.clear_cookies()
    inloggen(pagina, live_server, "beheerder", WACHTWOORD)
    pagina.goto(f"{live_server.url}/meldingen/audittrail/")
    assert pagina.get_by_role("heading", name="Audittrail meldingen").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-audittrail")


def test_importvoorbeeld_met_fouten_bewaart_niets(pagina, live_server, analist, tmp_path):
    bestand = tmp_path / "register-2024.csv"
    bestand.write_bytes(
        als_csv(
            [
                regel(meldingsnummer="OIF-2024-0001"),
                open_regel(meldingsnummer="OIF-2024-0001", onderwerp="Ongepaste communicatie"),
                regel(melder="Collega", ontvangen_op="31-02-2024"),
                regel(datum_afdoening=""),
                regel(afdoening="Boete", klokkenluidersmelding="misschien"),
                regel(inhoud="Gesprek met j.jansen@minfin.nl gevoerd."),
            ]
        )
    )
    inloggen(pagina, live_server, "analist", WACHTWOORD)
    pagina.goto(f"{live_server.url}/afdoeningen/importeren/")
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-import-uploaden")
    pagina.get_by_label("Registerbestand (.xlsx of .csv)").set_input_files(str(bestand))
    klik_en_wacht(pagina, pagina.get_by_role("button", name="Controleren"))
    assert pagina.get_by_text("er is niets geïmporteerd").is_visible()
    assert pagina.get_by_role("button", name="Importeren").count() == 0
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "oif-import-voorbeeld-met-fouten")
    assert not Melding.objects.exists()
