"""Steps of the browser tests (Playwright): what a person does on a page, and what an authenticator app
computes."""

import base64
import time

from django_otp.oath import TOTP


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


def klik_en_wacht(page, knop):
    """Click a button that submits a form and return the response of the page it leads to."""
    with page.expect_navigation() as navigatie:
        knop.click()
    return navigatie.value


def status_wijzigen(page, naar: str, reden: str):
    page.get_by_label(naar, exact=True).check()
    page.get_by_label("Reden").fill(reden)
    return klik_en_wacht(page, page.get_by_role("button", name="Status wijzigen"))
