"""The main pages reflow (WCAG 1.4.10): at 200% zoom and in a 360-pixel-wide window the page itself
never scrolls sideways; wide tables scroll inside their own box."""

import io

import pytest
from django.core.management import call_command

from tests.bouwstenen.browser import inloggen, screenshot, toegankelijkheidsfouten
from tests.bouwstenen.inloggen import WACHTWOORD, bevestigd_totp_apparaat

pytestmark = pytest.mark.django_db(transaction=True)

WEERGAVEN = {
    # A 1280×720 window at 200% zoom has 640×360 CSS pixels, each drawn as 2×2 screen pixels.
    "zoom-200": {"viewport": {"width": 640, "height": 360}, "device_scale_factor": 2},
    "smal-360": {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 1},
}

PAGINAS = [
    ("vp", "/tellijst/", "tellijst-invoeren"),
    ("analist", "/meldingen/", "werkvoorraad"),
    ("coordinator", "/rapportage/", "dashboard"),
    ("coordinator", "/rapportage/teksten/", "rapportteksten"),
    ("coordinator", "/rapportage/gepubliceerd/?jaar=2024", "gepubliceerde-cijfers"),
    ("beheerder", "/tellijst/register/", "register-vertrouwenspersonen"),
]


@pytest.fixture(autouse=True)
def demodata():
    # Roles and options come back after an earlier test's flush (tests/conftest.py); the figures do not.
    call_command("laad_demodata", stdout=io.StringIO())


def te_breed(page) -> list[str]:
    """The outermost elements that stick out on the right: where to look when the page scrolls sideways."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(e => !(e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className)"""
    )


@pytest.mark.parametrize("weergave", WEERGAVEN)
def test_hoofdpaginas_scrollen_niet_zijwaarts(
    nieuwe_context, live_server, weergave, vertrouwenspersoon, analist, coordinator, beheerder
):
    bevestigd_totp_apparaat(analist)
    for gebruikersnaam, pad, naam in PAGINAS:
        pagina = nieuwe_context(**WEERGAVEN[weergave]).new_page()
        inloggen(pagina, live_server, gebruikersnaam, WACHTWOORD)
        pagina.goto(f"{live_server.url}{pad}")
        assert pagina.get_by_role("heading", level=1).is_visible(), pad
        breedte = pagina.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert breedte[0] <= breedte[1], (
            f"{pad} scrolt zijwaarts bij {weergave}: {breedte}, {te_breed(pagina)}"
        )
        # The menu collapses behind a button that the keyboard and a screen reader can reach.
        knop = pagina.get_by_role("button", name="Menu tonen of verbergen")
        assert knop.is_visible(), pad
        assert toegankelijkheidsfouten(pagina) == []
        screenshot(pagina, f"{naam}-{weergave}")
        pagina.close()


def test_de_toetsenbordfocus_is_overal_zichtbaar(nieuwe_context, live_server, vertrouwenspersoon):
    """WCAG 2.4.7: tabbing to a link in the dark-blue menu bar gave a dark box on dark blue, and a choice
    list in the Tellijst form only a faint light-blue haze. Each now gets the same yellow outline as a
    button; measured where the browser draws it, after Tab, not after a click."""
    pagina = nieuwe_context(viewport={"width": 1280, "height": 900}).new_page()
    inloggen(pagina, live_server, "vp", WACHTWOORD)
    pagina.goto(f"{live_server.url}/tellijst/")

    def omlijning_na_tab(selector: str) -> str:
        # From the top of the page, Tab until the element has the focus, as a keyboard user gets there.
        pagina.evaluate("document.activeElement.blur()")
        for _ in range(40):
            pagina.keyboard.press("Tab")
            if pagina.evaluate("s => document.activeElement === document.querySelector(s)", selector):
                break
        else:
            raise AssertionError(f"{selector} krijgt met Tab geen focus")
        return pagina.evaluate(
            "s => { const c = getComputedStyle(document.querySelector(s)); "
            "return `${c.outlineStyle} ${c.outlineWidth} ${c.outlineColor}`; }",
            selector,
        )

    for selector in ("nav .nav-link", "select[name=onderdeel]"):
        assert omlijning_na_tab(selector) == "solid 3px rgb(255, 182, 18)", selector
