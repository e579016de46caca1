"""Sessions: a new key at login, an end after 30 idle minutes or a closed browser, and logout or a new
password ends them on every browser."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from finintegriteit.kern.services import sessies_beeindigen
from finintegriteit.kern.views.inloggen import UITGELOGD, WACHTWOORD_GEWIJZIGD
from tests.bouwstenen.inloggen import (
    LOGIN,
    NIEUW_WACHTWOORD,
    WACHTWOORD,
    ingelogde_browser,
    inloggen_met_code,
    is_ingelogd,
)

pytestmark = pytest.mark.django_db

BEGIN = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_inloggen_geeft_de_sessie_een_nieuwe_sleutel(client, buitenstaander):
    """Session fixation: a key planted before login is worthless after it."""
    sessie = client.session
    sessie["voorkeur"] = "iets van voor het inloggen"
    sessie.save()
    voor = sessie.session_key
    inloggen_met_code(client, "buitenstaander")
    na = client.cookies["sessionid"].value
    assert na != voor
    assert not Session.objects.filter(session_key=voor).exists()
    assert is_ingelogd(client)


def test_sessie_verloopt_na_30_minuten_zonder_activiteit(time_machine, buitenstaander):
    time_machine.move_to(BEGIN, tick=False)
    browser = ingelogde_browser("buitenstaander")
    time_machine.shift(dt.timedelta(minutes=29))
    assert is_ingelogd(browser), "actief binnen 30 minuten, toch uitgelogd"
    time_machine.shift(dt.timedelta(minutes=29))
    assert is_ingelogd(browser), "elke activiteit begint de 30 minuten opnieuw"
    time_machine.shift(dt.timedelta(minutes=30, seconds=1))
    assert not is_ingelogd(browser), "na 30 minuten stilte nog ingelogd"


def test_een_verlopen_sessie_verdwijnt_uit_de_tabel_en_dus_uit_de_volgende_backup(
    time_machine, buitenstaander, coordinator
):
    """Someone who walks away without logging out: Django refuses the session after 30 minutes but kept
    the row (user id, last request) for every later backup. The quarter-hourly task removes it."""
    from finintegriteit import settings as projectinstellingen
    from finintegriteit.kern.tasks import sessies_opruimen_taak

    time_machine.move_to(BEGIN, tick=False)
    weggelopen = ingelogde_browser("buitenstaander")
    time_machine.shift(dt.timedelta(minutes=20))
    aan_het_werk = ingelogde_browser("coordinator")
    time_machine.shift(dt.timedelta(minutes=15))

    assert sessies_opruimen_taak.delay().get() == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [aan_het_werk.session.session_key]
    assert not is_ingelogd(weggelopen)
    planning = projectinstellingen.CELERY_BEAT_SCHEDULE["sessies-opruimen"]
    assert planning["task"] == sessies_opruimen_taak.name and planning["schedule"] <= 15 * 60


def test_sessiecookie_verdwijnt_als_de_browser_sluit(client, buitenstaander):
    client.post(LOGIN, {"username": "buitenstaander", "password": WACHTWOORD})
    cookie = client.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == "", "de sessiecookie overleeft het sluiten"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_uitloggen_beeindigt_de_sessies_in_alle_browsers(buitenstaander, coordinator):
    thuis = ingelogde_browser("buitenstaander")
    kantoor = ingelogde_browser("buitenstaander")
    collega = ingelogde_browser("coordinator")

    antwoord = thuis.post(reverse("kern:logout"), follow=True)
    assert UITGELOGD in antwoord.content.decode()

    assert not is_ingelogd(thuis)
    assert not is_ingelogd(kantoor), "na uitloggen bleef de sessie in een andere browser geldig"
    assert collega.get("/").status_code == 302  # coordinator: to the dashboard, not to login
    assert not collega.get("/").get("Location", "").startswith(LOGIN), "uitloggen trof een andere gebruiker"


def test_uitloggen_in_de_beheeromgeving_beeindigt_ook_alle_sessies(beheerder):
    thuis, kantoor = Client(), Client()
    thuis.force_login(beheerder)
    kantoor.force_login(beheerder)
    assert kantoor.get("/beheer/").status_code == 200
    thuis.post(reverse("admin:logout"))
    assert kantoor.get("/beheer/").status_code == 302


def test_wachtwoordpagina_toont_de_regels_voor_een_wachtwoord(client, buitenstaander):
    client.force_login(buitenstaander)
    html = client.get(reverse("kern:wachtwoord_wijzigen")).content.decode()
    for regel in password_validators_help_texts():
        assert escape(regel) in html
    assert "minstens 12 tekens" in html


def test_zwak_wachtwoord_wordt_geweigerd_met_de_reden_en_verandert_niets(client, buitenstaander):
    client.force_login(buitenstaander)
    antwoord = client.post(
        reverse("kern:wachtwoord_wijzigen"),
        {"old_password": WACHTWOORD, "new_password1": "kort1", "new_password2": "kort1"},
    )
    assert antwoord.status_code == 200
    with pytest.raises(ValidationError) as fouten:
        validate_password("kort1", buitenstaander)
    html = antwoord.content.decode()
    for melding in fouten.value.messages:
        assert escape(melding) in html
    assert "Dit wachtwoord is te kort: gebruik minstens 12 tekens." in html
    assert "too short" not in html
    buitenstaander.refresh_from_db()
    assert buitenstaander.check_password(WACHTWOORD)
    assert is_ingelogd(client)


def test_verkeerd_huidig_wachtwoord_verandert_niets(client, buitenstaander):
    client.force_login(buitenstaander)
    antwoord = client.post(
        reverse("kern:wachtwoord_wijzigen"),
        {"old_password": "fout", "new_password1": NIEUW_WACHTWOORD, "new_password2": NIEUW_WACHTWOORD},
    )
    assert antwoord.status_code == 200
    buitenstaander.refresh_from_db()
    assert buitenstaander.check_password(WACHTWOORD)


def test_wachtwoord_wijzigen_beeindigt_de_sessies_in_alle_browsers(buitenstaander):
    hier = ingelogde_browser("buitenstaander")
    elders = ingelogde_browser("buitenstaander")

    antwoord = hier.post(
        reverse("kern:wachtwoord_wijzigen"),
        {"old_password": WACHTWOORD, "new_password1": NIEUW_WACHTWOORD, "new_password2": NIEUW_WACHTWOORD},
        follow=True,
    )
    assert antwoord.redirect_chain[-1][0] == LOGIN
    assert WACHTWOORD_GEWIJZIGD in antwoord.content.decode()

    assert not is_ingelogd(hier)
    assert not is_ingelogd(elders), "na het wijzigen van het wachtwoord bleef een andere sessie geldig"
    assert not Session.objects.exists()
    assert is_ingelogd(ingelogde_browser("buitenstaander", NIEUW_WACHTWOORD))
    assert Client().post(LOGIN, {"username": "buitenstaander", "password": WACHTWOORD}).status_code == 200


def test_wachtwoord_gezet_door_de_beheerder_beeindigt_ook_de_sessies(buitenstaander):
    """Django ties a session to the password hash, so a reset elsewhere (the admin) logs the user out too."""
    browser = ingelogde_browser("buitenstaander")
    gebruiker = get_user_model().objects.get(pk=buitenstaander.pk)
    gebruiker.set_password(NIEUW_WACHTWOORD)
    gebruiker.save()
    assert not is_ingelogd(browser)


def test_sessies_beeindigen_laat_andere_gebruikers_en_verlopen_sessies_met_rust(buitenstaander, coordinator):
    ingelogde_browser("buitenstaander")
    ingelogde_browser("buitenstaander")
    ingelogde_browser("coordinator")
    assert sessies_beeindigen(gebruiker=buitenstaander) == 2
    assert Session.objects.count() == 1


def test_force_login_in_andere_tests_geldt_als_geslaagde_tweede_stap(client, analist):
    """The conftest fixture the other apps' tests rely on: an OIF analist gets past the code page."""
    client.force_login(analist)
    assert client.get(reverse("kern:wachtwoord_wijzigen")).status_code == 200
