"""The register in a browser: a status is removed only after a confirmation page, with JavaScript off."""

import datetime

import pytest

from finintegriteit.referentie.models import Onderdeel
from tests.bouwstenen.browser import inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD
from vertrouwenspersonen import services
from vertrouwenspersonen.models import Certificeringsstatus

pytestmark = pytest.mark.django_db(transaction=True)
Status = Certificeringsstatus.Status


def test_status_verwijderen_na_bevestiging_zonder_javascript(nieuwe_context, live_server, beheerder):
    profiel = services.vertrouwenspersoon_registreren(
        naam="Anna Bakker",
        onderdeel=Onderdeel.objects.get(code="douane"),
        in_functie_sinds=datetime.date(2021, 1, 1),
        status=Status.BEZIG,
        status_vanaf=datetime.date(2021, 1, 1),
    )
    services.certificeringsstatus_vastleggen(
        profiel=profiel, status=Status.LVV_REGISTER, vanaf=datetime.date(2022, 3, 1)
    )
    pagina = nieuwe_context(java_script_enabled=False).new_page()
    inloggen(pagina, live_server, beheerder.username, WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/register/{profiel.pk}/")
    pagina.get_by_role("link", name="Verwijderen status vanaf 01-03-2022").click()
    pagina.wait_for_url("**/verwijderen/")
    assert pagina.get_by_role("heading", name="Status van Anna Bakker verwijderen?").is_visible()
    assert profiel.statussen.count() == 2, "de vraag alleen verwijdert niets"
    screenshot(pagina, "register-status-verwijderen")
    # The same page checked by axe, which needs JavaScript itself.
    met_js = nieuwe_context().new_page()
    inloggen(met_js, live_server, beheerder.username, WACHTWOORD)
    met_js.goto(pagina.url)
    assert toegankelijkheidsfouten(met_js) == []
    pagina.get_by_role("button", name="Ja, verwijderen").click()
    pagina.wait_for_url(f"**/tellijst/register/{profiel.pk}/")
    assert pagina.get_by_text("Status verwijderd.").is_visible()
    assert list(profiel.statussen.values_list("status", flat=True)) == [Status.BEZIG]
