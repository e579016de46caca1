"""Browser tests: Playwright driving Debian's Chromium against a live server on a free localhost port.

Playwright cannot download its own browser on these machines, so the tests use /usr/bin/chromium
(`.ci/run` installs it) and skip with a reason where it is missing. axe-core comes from the npm
registry (`make test` installs it under var/npm when npm is there).
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

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
def nieuwe_context(browser, transactional_db):
    # Asking for the database here sets it up before the pages and empties it after they are closed:
    # a request still under way (the favicon, a poll) must not write while the tables are emptied,
    # which SQLite reports as a broken foreign key.
    contexten = []

    def maak(**opties):
        # bypass_csp only lets the test inject axe-core; the application's own pages never need it.
        # Reduced motion switches off Bootstrap's transitions: axe once measured the contrast of a
        # button halfway through its colour change and failed a page whose colours are fine.
        opties = {"reduced_motion": "reduce", **opties}
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
