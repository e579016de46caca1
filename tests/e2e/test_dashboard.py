"""In a real browser: the coordinator's dashboard on the demo data opens on the latest year with figures,
with the current year first; at phone width nothing is off-screen, and axe finds nothing at either width."""

import io

import pytest
from django.core.management import call_command

from tests.bouwstenen.browser import buiten_beeld, inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def demodata():
    call_command("laad_demodata", stdout=io.StringIO())


def test_dashboard_opent_op_het_laatste_jaar_met_cijfers_met_grafieken(pagina, live_server, coordinator):
    pagina.set_viewport_size({"width": 1280, "height": 900})
    inloggen(pagina, live_server, "coordinator", WACHTWOORD)
    pagina.goto(f"{live_server.url}/rapportage/")

    assert pagina.get_by_role("heading", name="Jaarcijfers 2024").is_visible()
    assert pagina.locator("#standaardjaar").is_visible()
    assert pagina.locator("#id_jaar").input_value() == "2024"
    assert pagina.get_by_role("img", name="Adviesvragen bij vertrouwenspersonen per jaar").is_visible()
    # The tables are one click away, not on the page.
    tabel = pagina.get_by_role("table", name="Melders van (vermoedelijke) schendingen 2024")
    assert not tabel.is_visible()
    pagina.locator("#oif summary").click()
    tabel.wait_for(state="visible")
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "dashboard-1280")

    pagina.get_by_role("link", name="Jaarrapportages").click()
    assert pagina.locator("#id_jaar").input_value() == "2024"


def test_op_een_telefoon_staat_het_lopende_jaar_eerst_en_niets_buiten_beeld(pagina, live_server, coordinator):
    pagina.set_viewport_size({"width": 390, "height": 844})
    inloggen(pagina, live_server, "coordinator", WACHTWOORD)
    pagina.goto(f"{live_server.url}/rapportage/")

    lopend = pagina.get_by_role("heading", name="Lopend jaar")
    assert lopend.is_visible()
    assert (
        lopend.bounding_box()["y"]
        < pagina.get_by_role("heading", name="Jaarcijfers 2024").bounding_box()["y"]
    )
    assert lopend.bounding_box()["y"] < 844, "het lopende jaar staat in het eerste scherm"
    screenshot(pagina, "dashboard-390-eerste-scherm", clip={"x": 0, "y": 0, "width": 390, "height": 844})
    for summary in pagina.locator("summary").all():
        summary.click()
    pagina.get_by_role("table", name="Melders van (vermoedelijke) schendingen 2024").wait_for(state="visible")
    pagina.wait_for_load_state("networkidle")
    assert buiten_beeld(pagina) == []
    assert toegankelijkheidsfouten(pagina) == []
    screenshot(pagina, "dashboard-390")
