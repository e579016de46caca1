"""The meldkanaal in a browser without JavaScript: loket, anonymous melding, the code on the way back;
each page axe-clean and without sideways scrolling at 1280 and 390 pixels."""

import re

import pytest

from tests.e2e.conftest import screenshot, toegankelijkheidsfouten

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("breedte", [1280, 390])
def test_anoniem_melden_en_terugkomen_met_de_code(nieuwe_context, live_server, breedte):
    context = nieuwe_context(viewport={"width": breedte, "height": 900}, java_script_enabled=False)
    pagina = context.new_page()

    def controleer(naam):
        assert pagina.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), naam
        screenshot(pagina, f"meldkanaal-{naam}-{breedte}")

    pagina.goto(f"{live_server.url}/melden/")
    controleer("loket")
    assert context.cookies() == []
    pagina.get_by_role("link", name="Melding doen bij OIF").click()
    controleer("formulier")
    pagina.get_by_label("Waar gaat uw melding over?").select_option(label="Ongewenste omgangsvormen")
    pagina.get_by_label("Wat is er gebeurd?").fill("Een collega wordt stelselmatig buitengesloten.")
    pagina.get_by_label("Bij welk dienstonderdeel speelt het?").select_option(index=1)
    pagina.get_by_role("button", name="Melding versturen").click()
    code = re.search(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}", pagina.content()).group(0)
    controleer("ontvangen")
    pagina.get_by_role("link", name="de pagina voor melders").click()
    pagina.get_by_label("Uw ontvangstcode").fill(code)
    pagina.get_by_role("button", name="Bekijken").click()
    assert pagina.get_by_role("heading", name="Stand van zaken: Ontvangen").is_visible()
    controleer("stand")
    # axe needs script; the pages themselves were used without it above.
    axe = nieuwe_context(viewport={"width": breedte, "height": 900}).new_page()
    for pad in ("/melden/", "/melden/oif/", "/melden/terug/"):
        axe.goto(f"{live_server.url}{pad}")
        assert toegankelijkheidsfouten(axe) == [], pad
