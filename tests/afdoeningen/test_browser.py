"""The afdoening form and the import preview in a real browser: usable, accessible, screenshotted."""

import pytest

from afdoeningen.models import Afdoening
from tests.conftest import WACHTWOORD
from tests.e2e import conftest as e2e
from tests.e2e.conftest import AXE, WCAG_TAGS, inloggen, nieuwe_context, pagina, screenshot  # noqa: F401

from .registerbestanden import als_csv, open_regel, regel

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def browser():
    """Chromium for this module only, closed when it is done.

    The e2e harness's browser fixture is session-scoped but only visible in tests/e2e; imported into
    several modules it would start a second Playwright while the first still runs, which Playwright's
    sync API refuses. A module-scoped browser is gone before the next module starts its own.
    """
    with e2e.playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(e2e.CHROMIUM), headless=True, args=e2e.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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


def test_afdoening_vastleggen_in_de_browser(pagina, live_server, basisgegevens, maak_melding, analist):  # noqa: F811
    melding = maak_melding(betrokkenen=["Jan de Vries"])
    betrokkene = melding.betrokkenen.get()
    inloggen(pagina, live_server, "analist", WACHTWOORD)
    pagina.goto(f"{live_server.url}/afdoeningen/betrokkene/{betrokkene.pk}/")
    assert pagina.evaluate("document.activeElement.id") == "id_type"
    pagina.locator("#id_type").select_option(label="Schriftelijke berisping (disciplinair)")
    pagina.get_by_label("Ja").check()
    pagina.get_by_label("Inhoud (vermoedelijke) schending").fill("De Vries heeft zich ongepast geuit.")
    screenshot(pagina, "afdoening-formulier")
    assert toegankelijkheidsfouten(pagina) == []

    pagina.get_by_role("button", name="Afdoening opslaan").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("bevat de naam van een betrokkene ('De Vries')").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "afdoening-formulier-naam-geweigerd")
    assert not Afdoening.objects.exists()

    pagina.get_by_label("Inhoud (vermoedelijke) schending").fill("Betrokkene heeft zich ongepast geuit.")
    pagina.get_by_role("button", name="Afdoening opslaan").click()
    pagina.wait_for_load_state()
    assert f"/meldingen/{melding.pk}/" in pagina.url
    assert Afdoening.objects.get().klasse == "disciplinair"


def test_importvoorbeeld_met_fouten_in_de_browser(pagina, live_server, basisgegevens, analist, tmp_path):  # noqa: F811
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
    screenshot(pagina, "import-uploaden")
    pagina.get_by_label("Registerbestand (.xlsx of .csv)").set_input_files(str(bestand))
    pagina.get_by_role("button", name="Controleren").click()
    pagina.wait_for_load_state()
    assert pagina.get_by_text("er is niets geïmporteerd").is_visible()
    assert pagina.get_by_role("button", name="Importeren").count() == 0
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "import-voorbeeld-met-fouten")
