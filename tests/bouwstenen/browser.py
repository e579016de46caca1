"""Steps of the browser tests (Playwright): what a person does on a page, what an authenticator app
computes, and what the tests keep of a page (a screenshot, the accessibility violations axe-core finds)."""

import base64
import os
import re
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP

from tests.bouwstenen.inloggen import bevestigd_totp_apparaat, totp_code_voor
from tests.bouwstenen.omgeving import PROJECT

AXE = PROJECT / "var" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTEN = PROJECT / "test-artefacten"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def buiten_beeld(pagina) -> list[str]:
    """Links, buttons and form fields that stick out past the right edge of the window."""
    return pagina.evaluate(
        """() => [...document.querySelectorAll('a, button, select, input, summary')]
            .filter(e => e.offsetParent !== null)
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => e.outerHTML.slice(0, 120))"""
    )


def code_uit_sleutel(sleutel: str, stappen_verder: int = 0) -> str:
    """What an authenticator app computes from the key it was given (30 seconds, 6 digits, SHA-1).

    `stappen_verder` = 1 gives the next code: a code works once, and the server accepts one step ahead.
    """
    schoon = sleutel.replace(" ", "")
    sleutel_bytes = base64.b32decode(schoon + "=" * (-len(schoon) % 8))
    totp = TOTP(sleutel_bytes, step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * stappen_verder
    return f"{totp.token():06d}"


def focus_na_laden(page) -> str:
    """The id of the element that has the focus once the page has loaded and the browser has applied
    `autofocus`. The browser does that at a rendering step after the URL changes; read at once, a busy
    machine (CI) sometimes still saw the body."""
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(klaar => requestAnimationFrame(() => requestAnimationFrame(klaar)))")
    return page.evaluate("document.activeElement.id")


def klik_en_wacht(page, knop):
    """Click a button that submits a form and return the response of the page it leads to."""
    with page.expect_navigation() as navigatie:
        knop.click()
    return navigatie.value


def status_wijzigen(page, naar: str, reden: str):
    page.get_by_label(naar, exact=True).check()
    page.get_by_label("Reden").fill(reden)
    return klik_en_wacht(page, page.get_by_role("button", name="Status wijzigen"))


def screenshot(page, naam: str, **opties) -> Path:
    ARTEFACTEN.mkdir(exist_ok=True)
    pad = ARTEFACTEN / f"{re.sub(r'[^a-z0-9-]+', '-', naam.lower())}.png"
    page.screenshot(path=str(pad), full_page=True, **opties)
    return pad


def toegankelijkheidsfouten(page) -> list[str]:
    """WCAG 2.1 A/AA violations that axe-core finds on the current page, as readable lines."""
    if not AXE.exists():
        if os.environ.get("CI"):
            raise AssertionError(f"axe-core ontbreekt in CI ({AXE.relative_to(PROJECT)}): draai make test")
        pytest.skip("axe-core ontbreekt: `make test` installeert het met npm")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    # A row that htmx replaces while axe walks the page (the report list polls) would make the scan
    # report on nodes that are gone; polling waits while the scan runs.
    resultaat = page.evaluate(
        """async tags => {
            const wacht = e => e.preventDefault();
            document.addEventListener('htmx:beforeRequest', wacht, true);
            try {
                const opties = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
                return await axe.run(document, opties);
            } finally {
                document.removeEventListener('htmx:beforeRequest', wacht, true);
            }
        }""",
        WCAG_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in resultaat["violations"]
    ]


def inloggen(page, live_server, gebruikersnaam: str, wachtwoord: str):
    """Log in with password and the code the person's (already linked) authenticator app shows."""
    bevestigd_totp_apparaat(get_user_model().objects.get(username=gebruikersnaam))
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    if "/inloggen/code/" in page.url:
        page.get_by_label("Code").fill(totp_code_voor(gebruikersnaam))
        page.get_by_role("button", name="Bevestigen").click()
        page.wait_for_load_state()
