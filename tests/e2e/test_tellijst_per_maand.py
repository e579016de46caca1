"""In a real browser: the current-year view shows the Tellijst per month as published, as a chart with
its table folded away, readable on a desktop and on a phone (nothing off-screen)."""

import io

import pytest
from django.core.management import call_command

from finintegriteit.kern.rollen import COORDINATOR, VERTROUWENSPERSOON
from tests.bouwstenen.browser import ARTEFACTEN, buiten_beeld, inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD

pytestmark = pytest.mark.django_db(transaction=True)

GRAFIEK = "Geregistreerd in de Tellijst per maand in "


@pytest.fixture(autouse=True)
def demodata(maak_gebruiker, analist):
    call_command("laad_demodata", stdout=io.StringIO())
    # The demo's rows of this year belong to the demo vertrouwenspersoon and arrive week by week.
    maak_gebruiker("vertrouwenspersoon", VERTROUWENSPERSOON)
    call_command("laad_demowerkvoorraad", stdout=io.StringIO())
    # The coordinator joins after the demo work: with a coordinator there, the command also requests
    # the demo's report and makes its PDF (most of this fixture's time), which the dashboard never shows.
    maak_gebruiker("coordinator", COORDINATOR)


def test_de_tellijst_per_maand_als_grafiek_met_tabel(pagina, live_server):
    """On a desktop and on a phone, in one test: the demo's year takes most of the time to load."""
    inloggen(pagina, live_server, "coordinator", WACHTWOORD)
    for breedte in [1280, 390]:
        pagina.set_viewport_size({"width": breedte, "height": 900})
        pagina.goto(f"{live_server.url}/rapportage/")

        lopend = pagina.locator("section[aria-labelledby=lopend-kop]")
        grafiek = lopend.get_by_role("img", name=GRAFIEK, exact=False)
        assert grafiek.is_visible(), breedte
        tabel = lopend.get_by_role("region", name="Geregistreerd in de Tellijst per maand")
        assert not tabel.is_visible(), f"{breedte}: de tabel is dichtgevouwen"
        lopend.locator("details:has([aria-label='Geregistreerd in de Tellijst per maand']) > summary").click()
        tabel.wait_for(state="visible")
        assert tabel.get_by_role("row").count() > 1, breedte
        assert buiten_beeld(pagina) == [], breedte
        screenshot(pagina, f"dashboard-tellijst-per-maand-{breedte}")
        lopend.screenshot(path=str(ARTEFACTEN / f"lopend-jaar-{breedte}.png"))
        assert toegankelijkheidsfouten(pagina) == [], breedte
