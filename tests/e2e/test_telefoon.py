"""At phone width (390 px) the list pages keep every control on screen: tables become stacked cards,
the werkvoorraad filters fold away behind one button, and axe stays clean."""

import io

import pytest
from django.core.management import call_command

from tests.bouwstenen.browser import inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD, bevestigd_totp_apparaat
from tests.factories import AdviesvraagFactory

pytestmark = pytest.mark.django_db(transaction=True)

TELEFOON = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1}
PAGINAS = [
    ("vp", "/tellijst/", "tellijst-invoeren"),
    ("vp", "/tellijst/mijn/", "mijn-adviesvragen"),
    ("analist", "/meldingen/", "werkvoorraad"),
    ("analist", "/meldingen/termijnen/", "termijnen"),
    ("beheerder", "/meldingen/audittrail/", "audittrail"),
    ("beheerder", "/tellijst/register/", "register"),
    ("coordinator", "/rapportage/rapporten/", "jaarrapportages"),
]


def buiten_beeld(page) -> list[str]:
    """Visible links, buttons and form fields whose right edge is past the window (also those that
    sit in a box that scrolls sideways: the user would not see them). Column headers are left out:
    the werkvoorraad keeps its table, scrolling in its own box with the case link fixed on the left,
    and its sort links are also the filter 'Sorteren'."""
    return page.evaluate(
        """() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')]
            .filter(e => e.offsetParent !== null && !e.closest('thead'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' '
                + (e.textContent || e.name || '').trim().slice(0, 30))"""
    )


@pytest.fixture(autouse=True)
def demodata():
    call_command("laad_demodata", stdout=io.StringIO())


def test_lijsten_op_een_telefoon(
    nieuwe_context, live_server, vertrouwenspersoon, analist, beheerder, coordinator
):
    bevestigd_totp_apparaat(analist)
    call_command("laad_demowerkvoorraad", stdout=io.StringIO())
    for _ in range(3):
        AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    fouten = {}
    for gebruikersnaam, pad, naam in PAGINAS:
        pagina = nieuwe_context(**TELEFOON).new_page()
        inloggen(pagina, live_server, gebruikersnaam, WACHTWOORD)
        pagina.goto(f"{live_server.url}{pad}")
        if weg := buiten_beeld(pagina):
            fouten[pad] = weg
        if pad == "/meldingen/":
            # The filters are folded away; one button opens them.
            assert not pagina.locator("#werkvoorraad-filters").is_visible()
            pagina.get_by_role("button", name="Zoeken en filteren").click()
            pagina.locator("#werkvoorraad-filters").wait_for(state="visible")
            if weg := buiten_beeld(pagina):
                fouten[f"{pad} filters"] = weg
        if a11y := toegankelijkheidsfouten(pagina):
            fouten[f"{pad} axe"] = a11y
        screenshot(pagina, f"telefoon-{naam}")
        pagina.close()
    assert fouten == {}
