"""A new OIF analist takes a melding from intake to Afgedaan in a real browser; the pages are accessible.

Each test drives its own Chromium in a thread of its own. Playwright's sync API allows one running instance
per thread, and the session-wide browser fixtures of other test modules may still be open in this one.
"""

import datetime
import threading

import pytest

from meldingen.models import Melding
from tests.conftest import WACHTWOORD
from tests.e2e.conftest import AXE, CHROMIUM, CHROMIUM_ARGS, WCAG_TAGS, inloggen, playwright_sync, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def in_eigen_browser(scenario) -> None:
    """Run scenario(page) in a fresh browser on a separate thread; its failure fails the test."""
    fouten = []

    def draai():
        try:
            with playwright_sync.sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
                try:
                    context = browser.new_context(locale="nl-NL", bypass_csp=True)
                    context.set_default_timeout(15_000)
                    scenario(context.new_page())
                finally:
                    browser.close()
        except BaseException as fout:  # noqa: BLE001 - handed to the test thread
            fouten.append(fout)

    draad = threading.Thread(target=draai)
    draad.start()
    draad.join(timeout=300)
    assert not draad.is_alive(), "browserscenario liep niet af binnen 5 minuten"
    if fouten:
        raise fouten[0]


def toegankelijkheidsfouten(page) -> list[str]:
    """WCAG 2.1 A/AA violations on the whole page, shared navigation included."""
    if not AXE.exists():
        pytest.skip("axe-core ontbreekt: `make test` installeert het met npm")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    resultaat = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in resultaat["violations"]
    ]


def status_wijzigen(page, naar: str, reden: str):
    page.get_by_label(naar, exact=True).check()
    page.get_by_label("Reden").fill(reden)
    page.get_by_role("button", name="Status wijzigen").click()
    page.wait_for_load_state()


def test_van_intake_tot_afgedaan_in_de_browser(live_server, basisgegevens, analist):
    in_eigen_browser(lambda pagina: van_intake_tot_afgedaan(pagina, live_server))


def van_intake_tot_afgedaan(pagina, live_server):
    ontvangen = datetime.date.today() - datetime.timedelta(days=2)
    inloggen(pagina, live_server, "analist", WACHTWOORD)
    pagina.goto(f"{live_server.url}/meldingen/")
    assert toegankelijkheidsfouten(pagina) == []
    pagina.get_by_role("link", name="Nieuwe melding").first.click()
    pagina.wait_for_load_state()

    assert pagina.evaluate("document.activeElement.id") == "id_ontvangen_op"
    pagina.get_by_label("Ontvangen op").fill(ontvangen.strftime("%d-%m-%Y"))
    pagina.locator("#id_melder_type").select_option(label="Medewerker")
    pagina.get_by_label("Onderwerp (soort schending)").select_option(
        label="Misstanden volgens Klokkenluidersregeling"
    )
    # static/js/meldingen.js ticks the box for a misstand.
    assert pagina.get_by_label("Melding van een misstand (Klokkenluidersregeling)").is_checked()
    pagina.get_by_label("Dienstonderdeel").select_option(label="Douane")
    pagina.get_by_label("Omschrijving").fill("Melder ziet dat aangiftes zonder controle worden vrijgegeven.")
    assert toegankelijkheidsfouten(pagina) == []
    pagina.get_by_role("button", name="Melding registreren").click()
    pagina.wait_for_load_state()

    melding = Melding.objects.get()
    assert pagina.get_by_role("heading", name=f"Melding {melding.nummer}").is_visible()
    assert pagina.get_by_text("Ontvangstbevestiging").is_visible()
    assert toegankelijkheidsfouten(pagina) == []

    status_wijzigen(pagina, "In beoordeling", "Melding ontvangen en beoordeeld.")
    status_wijzigen(pagina, "Geen onderzoek", "Geen aanwijzingen voor een schending.")

    pagina.get_by_role("link", name="Betrokkene toevoegen").click()
    pagina.wait_for_load_state()
    pagina.get_by_label("Naam").fill("Jan de Vries")
    pagina.get_by_role("button", name="Toevoegen").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("nog geen afdoening").is_visible()

    # Closing is refused while the betrokkene has no afdoening.
    status_wijzigen(pagina, "Afgedaan", "Klaar.")
    assert pagina.get_by_text(
        "kan pas worden afgedaan als elke betrokkene een afdoening heeft"
    ).first.is_visible()

    pagina.get_by_role("link", name="Afdoening vastleggen").click()
    pagina.wait_for_load_state()
    pagina.locator("#id_type").select_option(index=1)
    pagina.locator("#id_schending").select_option(index=1)
    pagina.get_by_label("Nee").check()
    pagina.locator("#id_datum").fill(datetime.date.today().isoformat())
    pagina.locator("#id_inhoud").fill("Vermoeden van een misstand niet bevestigd.")
    pagina.get_by_role("button", name="Afdoening opslaan").click()
    pagina.wait_for_load_state()
    assert f"/meldingen/{melding.pk}/" in pagina.url
    assert pagina.get_by_text("Vermoeden van een misstand niet bevestigd.").is_visible()

    status_wijzigen(pagina, "Afgedaan", "Afgerond; melder geïnformeerd.")
    assert pagina.get_by_text("is alleen te lezen").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "melding-afgedaan")
    melding.refresh_from_db()
    assert melding.status == Melding.Status.AFGEDAAN

    pagina.goto(f"{live_server.url}/meldingen/?status=alle")
    assert pagina.get_by_role("link", name=melding.nummer).is_visible()
    screenshot(pagina, "werkvoorraad")


def test_termijnen_en_audittrail_zijn_toegankelijk(live_server, basisgegevens, analist, beheerder):
    def scenario(pagina):
        inloggen(pagina, live_server, "analist", WACHTWOORD)
        pagina.goto(f"{live_server.url}/meldingen/termijnen/")
        assert toegankelijkheidsfouten(pagina) == []
        pagina.context.clear_cookies()
        inloggen(pagina, live_server, "beheerder", WACHTWOORD)
        pagina.goto(f"{live_server.url}/meldingen/audittrail/")
        assert pagina.get_by_role("heading", name="Audittrail meldingen").is_visible()
        assert toegankelijkheidsfouten(pagina) == []
        screenshot(pagina, "audittrail")

    in_eigen_browser(scenario)
