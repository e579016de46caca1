import pytest

from tests.bouwstenen.browser import inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_inlogpagina_is_toegankelijk_ook_met_foutmelding(pagina, live_server):
    pagina.goto(f"{live_server.url}/inloggen/")
    assert toegankelijkheidsfouten(pagina) == []
    pagina.get_by_label("Gebruikersnaam").fill("niemand")
    pagina.get_by_label("Wachtwoord").fill("fout")
    pagina.get_by_role("button", name="Inloggen").click()
    assert pagina.get_by_text("Voer een juiste gebruikersnaam en wachtwoord in").is_visible()
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "inloggen-fout")


def test_skiplink_is_het_eerste_wat_het_toetsenbord_bereikt(pagina, live_server, buitenstaander):
    inloggen(pagina, live_server, "buitenstaander", WACHTWOORD)
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.textContent.trim()") == "Naar de inhoud"
    pagina.keyboard.press("Enter")
    assert pagina.evaluate("location.hash") == "#inhoud"
