"""Browser tests: Playwright driving Debian's Chromium against a live server on a free localhost port.

Playwright cannot download its own browser on these machines, so the tests use /usr/bin/chromium
(`.ci/run` installs it) and skip with a reason where it is missing. axe-core comes from the npm
registry (`make test` installs it under var/npm when npm is there).
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "var" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTEN = PROJECT / "test-artefacten"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        # .ci/run installs Chromium; a CI run that silently skipped every journey would prove nothing.
        raise pytest.UsageError("Chromium ontbreekt in CI (/usr/bin/chromium): browsertests moeten draaien")
    pytest.skip("Chromium ontbreekt (/usr/bin/chromium): browsertests draaien in CI", allow_module_level=True)
playwright_sync = pytest.importorskip(
    "playwright.sync_api", reason="Playwright (Python) is niet geïnstalleerd"
)

# Playwright's sync API runs an event loop in the test thread; the ORM calls of the test itself are
# still synchronous, so Django's async-safety guard would refuse them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    # One Chromium for the whole run: Playwright's sync API allows one instance per thread.
    with playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def nieuwe_context(browser):
    contexten = []

    def maak(**opties):
        # bypass_csp only lets the test inject axe-core; the application's own pages never need it.
        context = browser.new_context(locale="nl-NL", bypass_csp=True, accept_downloads=True, **opties)
        context.set_default_timeout(15_000)
        contexten.append(context)
        return context

    yield maak
    for context in contexten:
        context.close()


@pytest.fixture
def pagina(nieuwe_context):
    return nieuwe_context().new_page()


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
    from django.contrib.auth import get_user_model

    from tests.bouwstenen.inloggen import bevestigd_totp_apparaat

    bevestigd_totp_apparaat(get_user_model().objects.get(username=gebruikersnaam))
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    if "/inloggen/code/" in page.url:
        from tests.bouwstenen.inloggen import totp_code_voor

        page.get_by_label("Code").fill(totp_code_voor(gebruikersnaam))
        page.get_by_role("button", name="Bevestigen").click()
        page.wait_for_load_state()
