"""No log line and no session row tells when a melder visited the meldkanaal: not gunicorn's access
log (a line, however bare, is dated by its neighbours and by Docker's log driver), not Django's lines
about a refused step, not the redirect of '/melden', not the icon a browser asks for after each page."""

import datetime
import logging
import re

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from finintegriteit.kern.meldkanaalpad import MELDKANAAL
from tests.bouwstenen.inloggen import ingelogde_browser
from tests.bouwstenen.logboek import djangos_logregels, gunicorn_toegangslog, sessierij
from tests.bouwstenen.meldkanaal import gegevens

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_tellers")]
MELDER = {"REMOTE_ADDR": "203.0.113.77", "HTTP_USER_AGENT": "Ontdekbaar/9.9"}
TIJD = re.compile(r"\d{2}:\d{2}:\d{2}")


def test_het_toegangslog_van_gunicorn_schrijft_geen_regel_over_de_melder(tmp_path):
    """The attack: read the access log for the melder's visit. A bare line with only the day would
    still be dated by the timed lines around it and by Docker, which stamps every line it receives; the
    files a melder's page loads carry its address, browser and a Referer under /melden/."""
    bestand = tmp_path / "toegang.log"
    # The 'combined' format plus size, query, forwarded address and cookie, as an operator might set it.
    verzoek = gunicorn_toegangslog(
        bestand,
        '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(q)s'
        " %({x-forwarded-for}i)s %({cookie}i)s",
    )
    koppen = [("X-Forwarded-For", "198.51.100.23"), ("Cookie", "meldkanaal=geheim")]
    van_melder = [
        (
            "/melden/terug/",
            {"methode": "POST", "status": "302 Found", "HTTP_REFERER": "https://intranet.example/"},
        ),
        ("/melden", {"status": "301 Moved Permanently"}),
        ("/melden/terug/?bericht=3", {}),
        ("/static/css/app.css", {"HTTP_REFERER": "https://integriteit.example/melden/oif/"}),
        ("/static/js/app.js", {"HTTP_REFERER": "https://elders.example/melden/terug/?x=1"}),
        ("/favicon.ico", {"status": "404 Not Found", "HTTP_REFERER": "https://integriteit.example/melden"}),
        ("/inloggen/", {"HTTP_REFERER": "https://integriteit.example/%6Delden/"}),
    ]
    for pad, extra in van_melder:
        verzoek(pad, koppen=koppen, **MELDER, **extra)
    elders = ["/meldingen/", "/meldenlijst/", "/static/css/app.css"]
    for pad in elders:
        verzoek(pad, koppen=koppen, HTTP_REFERER="https://integriteit.example/meldingen/", **MELDER)

    regels = bestand.read_text().splitlines()
    assert [re.search(r'"GET (\S+) ', r).group(1) for r in regels] == elders, "een regel over de melder"
    # Elsewhere the log stays as it was: address, browser and exact time.
    assert all("203.0.113.77" in r and "Ontdekbaar" in r and TIJD.search(r) for r in regels)


@pytest.mark.parametrize("debug", [False, True], ids=["productie", "debug"])
def test_djangos_log_schrijft_geen_geweigerd_verzoek_van_de_melder(settings, debug):
    """The attack: a refused aanvulling (400, 413, CSRF 403, 404) is logged by Django with the exact
    time; the successful try right after it is then dated too. Every handler of LOGGING counts, also
    Django's own 'console' handler that writes under DEBUG."""
    settings.DEBUG = debug
    melder = Client(enforce_csrf_checks=True, **MELDER)
    with djangos_logregels() as records:
        statussen = [
            melder.post(reverse("meldkanaal:aanvullen"), {"tekst": "x"}, CONTENT_LENGTH="onzin").status_code,
            melder.post(reverse("meldkanaal:melden"), {}, CONTENT_LENGTH=str(10**9)).status_code,
            melder.post(reverse("meldkanaal:melden"), gegevens()).status_code,
            melder.get(f"{MELDKANAAL}bestaat-niet/").status_code,
            melder.get("/static/bestaat-niet.css", HTTP_REFERER="https://testserver/melden/oif/").status_code,
            Client().get("/meldenlijst/").status_code,
            Client().get("/bestaat-niet/").status_code,
        ]
    assert statussen == [400, 413, 403, 404, 404, 404, 404]
    regels = [r.getMessage() for r in records]
    assert [r for r in regels if "melden" in r or "static" in r] == ["Not Found: /meldenlijst/"], regels
    assert "Not Found: /bestaat-niet/" in regels, "het log zwijgt ook elders"


def test_een_serverfout_in_het_meldkanaal_blijft_zichtbaar_zonder_het_verzoek(monkeypatch):
    """A 500 must be seen: its line stays, with the traceback, but without the request object from
    which a handler (the admins' e-mail) would write the melder's address and browser."""

    def kapot(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr("meldingen.meldkanaal.views.render", kapot)
    melder = Client(raise_request_exception=False, **MELDER)
    with djangos_logregels() as records:
        assert melder.get(reverse("meldkanaal:loket")).status_code == 500
    fouten = [r for r in records if r.levelno >= logging.ERROR]
    assert fouten and all(r.exc_info for r in fouten)
    assert fouten[0].getMessage() == f"Internal Server Error: {MELDKANAAL}"
    assert all(getattr(r, "request", None) is None for r in fouten)


def test_melden_zonder_slash_laat_de_sessie_van_een_ingelogde_bezoeker_met_rust(coordinator, time_machine):
    """The attack: a logged-in employee types '/melden'. CommonMiddleware redirects to '/melden/', but
    after SessionMiddleware loaded the session and before it saved it again (SESSION_SAVE_EVERY_REQUEST):
    a new expire_date and row version at the moment of the visit."""
    time_machine.move_to(timezone.make_aware(datetime.datetime(2025, 3, 10, 9, 0)), tick=False)
    browser = ingelogde_browser("coordinator")
    sleutel = browser.cookies["sessionid"].value
    voor = sessierij(sleutel)
    time_machine.shift(datetime.timedelta(minutes=7))

    antwoord = browser.get(MELDKANAAL.rstrip("/"))

    assert antwoord.status_code == 301 and antwoord["Location"] == MELDKANAAL
    assert sessierij(sleutel) == voor, "de omleiding van /melden schreef de sessie"
    assert "sessionid" not in antwoord.cookies and Session.objects.count() == 1
    assert browser.get(reverse("kern:mijn_account")).status_code == 200, "elders niet meer ingelogd"


ICOON = re.compile(r'<link rel="icon" href="([^"]*)">')


def test_elke_pagina_noemt_een_icoon_waarvoor_de_browser_niets_vraagt(coordinator, time_machine, settings):
    """The attack: without an icon in the page a browser asks /favicon.ico after every page, also right
    after a melding, with the session cookie of a logged-in employee: a 404 that saves the session row
    and a full access log line at the moment of the melding. The icon is a data: URL (nothing is
    asked), which the CSP allows as an image (Chrome checks img-src for icons)."""
    # WhiteNoise serves static/ as in production (there from STATIC_ROOT), also to the browser made below.
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = True
    melder = Client()
    paginas = [
        melder.get(reverse("meldkanaal:loket")),
        melder.get(reverse("meldkanaal:melden")),
        melder.post(reverse("meldkanaal:melden"), gegevens()),
        melder.get(reverse("meldkanaal:terug")),
        melder.get(reverse("meldkanaal:vertrouwenspersonen")),
        melder.get(reverse("kern:login")),
    ]
    time_machine.move_to(timezone.make_aware(datetime.datetime(2025, 3, 10, 9, 0)), tick=False)
    browser = ingelogde_browser("coordinator")
    paginas.append(browser.get(reverse("kern:mijn_account")))
    assert [p.status_code for p in paginas] == [200] * len(paginas)
    for pagina in paginas:
        iconen = ICOON.findall(pagina.content.decode())
        assert iconen == ["data:,"], f"{pagina.request['PATH_INFO']}: {iconen}"
        img_src = re.search(r"img-src ([^;]*)", pagina["Content-Security-Policy"]).group(1).split()
        assert "data:" in img_src

    # The only other icon that asks Django nothing under a session: a static file. WhiteNoise answers
    # it before SessionMiddleware, so the session row stays as it was.
    sleutel = browser.cookies["sessionid"].value
    voor = sessierij(sleutel)
    time_machine.shift(datetime.timedelta(minutes=7))
    statisch = browser.get("/static/css/app.css", HTTP_REFERER="https://testserver/melden/oif/ontvangen/")
    assert statisch.status_code == 200 and "sessionid" not in statisch.cookies
    assert sessierij(sleutel) == voor, "een statisch bestand schreef de sessie"
