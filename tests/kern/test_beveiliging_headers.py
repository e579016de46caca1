"""Production responses: HTTPS only, secure HttpOnly cookies, HSTS, a CSP without inline script, no framing,
a referrer policy, and no caching of pages with personal data.

The security settings are read from a fresh process started with production settings (DEBUG=0), so a
change to the production branch of settings.py shows up here; the requests then run through the whole
middleware stack with exactly those settings.
"""

import json
import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from finintegriteit.kern.middleware import CSP
from tests.bouwstenen.inloggen import WACHTWOORD, inloggen_met_code
from tests.bouwstenen.omgeving import manage

pytestmark = pytest.mark.django_db

INSTELLINGEN = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "SESSION_COOKIE_AGE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
]
HOST = "integriteit.example"


@pytest.fixture(scope="module")
def productie():
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k) for k in {INSTELLINGEN!r}}}))"
    )
    uitkomst = manage(
        "shell",
        "-c",
        code,
        DEBUG="0",
        SECRET_KEY="productie-geheim-" + "x" * 50,
        TELLIJST_SLEUTEL="tellijst-" + "y" * 40,
        MELDER_SLEUTEL="melder-" + "m" * 40,
        ALLOWED_HOSTS=HOST,
    )
    assert uitkomst.returncode == 0, uitkomst.stderr
    waarden = json.loads(uitkomst.stdout.strip().splitlines()[-1])
    if waarden["SECURE_PROXY_SSL_HEADER"] is not None:
        waarden["SECURE_PROXY_SSL_HEADER"] = tuple(waarden["SECURE_PROXY_SSL_HEADER"])
    return waarden


@pytest.fixture
def browser(productie):
    with override_settings(**productie, ALLOWED_HOSTS=[HOST]):
        # A new client builds its middleware chain under the production settings.
        yield Client(HTTP_HOST=HOST)


def test_productie_instellingen_zijn_streng(productie):
    assert productie["DEBUG"] is False
    assert productie["SECURE_SSL_REDIRECT"] is True
    assert productie["SECURE_HSTS_SECONDS"] >= 31536000
    assert productie["SESSION_COOKIE_SECURE"] and productie["CSRF_COOKIE_SECURE"]
    assert productie["SESSION_COOKIE_HTTPONLY"] and productie["CSRF_COOKIE_HTTPONLY"]
    assert productie["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert productie["SESSION_COOKIE_AGE"] == 30 * 60


def test_http_wordt_naar_https_gestuurd(browser):
    antwoord = browser.get("/inloggen/")
    assert antwoord.status_code == 301
    assert antwoord["Location"] == f"https://{HOST}/inloggen/"


def test_https_antwoorden_dragen_de_beveiligingsheaders(browser):
    antwoord = browser.get("/inloggen/", secure=True)
    assert antwoord.status_code == 200
    assert antwoord["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert antwoord["X-Frame-Options"] == "DENY"
    assert antwoord["Referrer-Policy"] == "same-origin"
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    csp = antwoord["Content-Security-Policy"]
    assert csp == CSP
    script_src = re.search(r"script-src ([^;]*)", csp).group(1).split()
    assert script_src == ["'self'"], "de CSP staat script van elders of inline script toe"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp


def test_paginas_zelf_bevatten_geen_inline_script(browser, buitenstaander):
    paginas = [browser.get("/inloggen/", secure=True)]
    inloggen_met_code(browser, "buitenstaander", secure=True)
    paginas += [browser.get(url, secure=True) for url in ["/", reverse("kern:wachtwoord_wijzigen")]]
    for antwoord in paginas:
        url, html = antwoord.request["PATH_INFO"], antwoord.content.decode()
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
        assert scripts, url
        for attributen, inhoud in scripts:
            assert "src=" in attributen and not inhoud.strip(), f"inline script op {url}"
        assert not re.search(r"\son[a-z]+=", html), f"inline event handler op {url}"
        assert not re.search(r"\sstyle=", html), f"inline style op {url}"


def test_cookies_zijn_secure_en_httponly(browser, buitenstaander):
    antwoord = browser.get("/inloggen/", secure=True)
    csrf = antwoord.cookies["csrftoken"]
    assert csrf["secure"] is True and csrf["httponly"] is True
    antwoord = browser.post("/inloggen/", {"username": "buitenstaander", "password": WACHTWOORD}, secure=True)
    assert antwoord.status_code == 302
    sessie = antwoord.cookies["sessionid"]
    assert sessie["secure"] is True
    assert sessie["httponly"] is True
    assert sessie["samesite"] == "Lax"
    assert sessie["expires"] == "" and sessie["max-age"] == ""


def test_ingelogde_paginas_worden_niet_gecachet(browser, buitenstaander):
    inloggen_met_code(browser, "buitenstaander", secure=True)
    antwoord = browser.get("/", secure=True)
    assert antwoord.status_code == 200
    assert antwoord["Cache-Control"] == "no-store"


@pytest.mark.parametrize("rol_fixture", ["analist", "coordinator", "vertrouwenspersoon", "beheerder"])
def test_geen_enkele_pagina_met_gegevens_wordt_gecachet(client, request, rol_fixture):
    """Every page of every role, whatever it answers (200, 403, 404), tells browsers not to store it."""
    from tests.url_patronen import alle_urls

    client.force_login(request.getfixturevalue(rol_fixture))
    client.raise_request_exception = False
    gecontroleerd = 0
    for url, _view in alle_urls():
        if url in ("/uitloggen/",):
            continue
        antwoord = client.get(url)
        assert antwoord.get("Cache-Control") == "no-store", (
            f"{url} ({antwoord.status_code}) mag gecachet worden"
        )
        gecontroleerd += 1
    assert gecontroleerd > 5
