"""No log line and no session row tells when a melder visited the meldkanaal: not gunicorn's access
log (a line, however bare, is dated by its neighbours and by Docker's log driver), not Django's lines
about a refused step, not the redirect of '/melden', not the icon a browser asks for after each page."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from finintegriteit.kern.meldkanaalpad import MELDKANAAL
from tests.bouwstenen.inloggen import ingelogde_browser
from tests.bouwstenen.logboek import sessierij

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_tellers")]


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
