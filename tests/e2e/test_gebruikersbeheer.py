"""In a real browser: the functioneel beheerder creates a vertrouwenspersoon's account and hands over the
start password, a coordinator of the whole ministry hands over the activation code (four eyes); the new
colleague logs in, enters the code, links an authenticator app and reaches their start page."""

import re

import pytest

from tests.bouwstenen.browser import code_uit_sleutel, inloggen, screenshot, toegankelijkheidsfouten

pytestmark = pytest.mark.django_db(transaction=True)

BEHEERDER_WACHTWOORD = "Correct-paard-batterij-nietje-42"
EIGEN_WACHTWOORD = "Kraanvogel-boven-de-Waddenzee-77"


def test_beheerder_maakt_een_account_en_de_nieuwe_collega_komt_binnen(
    nieuwe_context, live_server, beheerder, coordinator
):
    beheer = nieuwe_context().new_page()
    inloggen(beheer, live_server, "beheerder", BEHEERDER_WACHTWOORD)
    beheer.get_by_role("link", name="Gebruikers en rollen").click()
    beheer.wait_for_url(re.compile(r"/gebruikers/$"))
    beheer.get_by_role("link", name="Account aanmaken").click()
    beheer.get_by_label("Gebruikersnaam").fill("k.devries")
    beheer.get_by_label("Voornaam").fill("Kees")
    beheer.get_by_label("Achternaam").fill("de Vries")
    beheer.get_by_role("checkbox", name=re.compile("Vertrouwenspersoon")).check()
    assert toegankelijkheidsfouten(beheer) == []
    screenshot(beheer, "gebruikers-aanmaken")
    beheer.get_by_role("button", name="Account aanmaken").click()
    beheer.wait_for_load_state()
    wachtwoord = beheer.locator("#startwachtwoord").inner_text()
    # Not the beheerder's to hand over: with both he could use the account himself.
    assert beheer.locator("#activeringscode").count() == 0
    assert "integriteitscoördinator van het hele ministerie" in beheer.locator("#wie-activeert").inner_text()
    assert toegankelijkheidsfouten(beheer) == []
    screenshot(beheer, "gebruikers-startwachtwoord-eenmalig")
    beheer.get_by_role("link", name="Klaar").click()
    beheer.get_by_role("link", name="Gebruikers en rollen").first.click()
    assert beheer.get_by_role("cell", name="k.devries").count() == 1
    screenshot(beheer, "gebruikers-overzicht")

    # The coordinator finds the new account waiting and hands over the code.
    coordinatie = nieuwe_context().new_page()
    inloggen(coordinatie, live_server, "coordinator", BEHEERDER_WACHTWOORD)
    coordinatie.get_by_role("link", name="Activeringscodes").click()
    rij = coordinatie.get_by_role("row", name=re.compile("k.devries"))
    assert "wacht op een activeringscode" in rij.inner_text()
    assert toegankelijkheidsfouten(coordinatie) == []
    screenshot(coordinatie, "activeringscodes-coordinator")
    rij.get_by_role("link", name="Code uitgeven voor k.devries").click()
    coordinatie.get_by_role("button", name="Ja, code uitgeven").click()
    activeringscode = coordinatie.locator("#activeringscode").inner_text()
    assert toegankelijkheidsfouten(coordinatie) == []
    screenshot(coordinatie, "activeringscode-eenmalig")

    # The code and password reach Kees outside the system; he logs in on his own computer.
    kees = nieuwe_context().new_page()
    kees.goto(f"{live_server.url}/inloggen/")
    kees.get_by_label("Gebruikersnaam").fill("k.devries")
    kees.get_by_label("Wachtwoord").fill(wachtwoord)
    kees.get_by_role("button", name="Inloggen").click()
    kees.wait_for_url(re.compile(r"/inloggen/koppelen/"))
    kees.get_by_label("Activeringscode").fill(activeringscode)
    kees.get_by_role("button", name="Verder").click()
    sleutel = kees.locator("#geheim").inner_text()
    screenshot(kees, "gebruikers-nieuwe-collega-koppelt")
    kees.get_by_label("Code").fill(code_uit_sleutel(sleutel))
    kees.get_by_role("button", name="Koppeling bevestigen").click()

    # The beheerder saw the start password: Kees chooses his own before anything else opens.
    kees.wait_for_url(re.compile(r"/wachtwoord/$"))
    assert kees.get_by_text("startwachtwoord").is_visible()
    kees.locator("#id_old_password").fill(wachtwoord)
    kees.locator("#id_new_password1").fill(EIGEN_WACHTWOORD)
    kees.locator("#id_new_password2").fill(EIGEN_WACHTWOORD)
    kees.get_by_role("button", name="Wachtwoord wijzigen").click()
    kees.wait_for_url(re.compile(r"/inloggen/"))
    kees.get_by_label("Gebruikersnaam").fill("k.devries")
    kees.get_by_label("Wachtwoord").fill(EIGEN_WACHTWOORD)
    kees.get_by_role("button", name="Inloggen").click()
    kees.wait_for_url(re.compile(r"/inloggen/code/"))
    kees.get_by_label("Code").fill(code_uit_sleutel(sleutel, stappen_verder=1))
    kees.get_by_role("button", name="Bevestigen").click()
    kees.wait_for_url(re.compile(r"/tellijst/$"))
    screenshot(kees, "gebruikers-nieuwe-collega-startpagina")

    kees.get_by_role("link", name="Mijn account").click()
    assert kees.get_by_text("Activeringscode uitgegeven").is_visible()
    assert kees.get_by_text("Authenticator-app gekoppeld").is_visible()
    assert toegankelijkheidsfouten(kees) == []
    screenshot(kees, "mijn-account")
