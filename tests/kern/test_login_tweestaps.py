"""TOTP as second login step for every role: linked in the browser with an activation code from the
functioneel beheerder, one use per code."""

import base64
import datetime as dt
import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from finintegriteit.kern import services
from finintegriteit.kern.forms import CODE_ONJUIST, CODE_WACHTEN
from finintegriteit.kern.middleware import TweestapsMiddleware
from tests.bouwstenen.inloggen import (
    CODE_PAGINA,
    KOPPEL_PAGINA,
    WACHTWOORD,
    bevestigd_totp_apparaat,
    code_invoeren,
    inloggen_met_wachtwoord,
    totp_code,
)
from tests.url_patronen import alle_urls

pytestmark = [pytest.mark.django_db, pytest.mark.zonder_tweestaps]

# 10 seconds into a 30-second TOTP step, so that frozen time never sits on a step boundary.
BEGIN = dt.datetime(2026, 3, 2, 9, 0, 10, tzinfo=dt.UTC)


@pytest.fixture
def bevroren(time_machine):
    time_machine.move_to(BEGIN, tick=False)
    return time_machine


def activeren(client, gebruiker, door=None):
    """The beheerder issues a code for this person, who enters it on the linking page."""
    code = services.activeringscode_uitgeven(door=door, gebruiker=gebruiker)
    antwoord = client.post(KOPPEL_PAGINA, {"activeringscode": code, "next": "/"})
    assert antwoord.status_code == 302, "de activeringscode werd niet aanvaard"
    return code


def test_analist_gaat_na_het_wachtwoord_eerst_naar_het_koppelen(client, analist, bevroren):
    inloggen_met_wachtwoord(client, "analist")
    antwoord = client.get("/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{CODE_PAGINA}?next=%2F"
    antwoord = client.get(antwoord["Location"])
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(KOPPEL_PAGINA)


def test_koppelpagina_toont_qr_code_en_sleutel_zonder_externe_dienst(client, analist, bevroren):
    inloggen_met_wachtwoord(client, "analist")
    activeren(client, analist)
    html = client.get(KOPPEL_PAGINA).content.decode()
    apparaat = TOTPDevice.objects.get(user=analist)
    assert not apparaat.confirmed
    sleutel = base64.b32encode(apparaat.bin_key).decode().rstrip("=")
    getoond = re.search(r'<code[^>]*id="geheim"[^>]*>([A-Z2-7 ]+)</code>', html).group(1)
    assert getoond.replace(" ", "") == sleutel
    qr = re.search(r'<img[^>]*class="qr-code[^"]*"[^>]*src="([^"]+)"', html).group(1)
    assert qr.startswith("data:image/svg+xml;base64,"), "de QR-code komt niet uit de applicatie zelf"
    svg = base64.b64decode(qr.split(",", 1)[1]).decode()
    assert "<svg" in svg
    assert 'alt="QR-code' in html
    assert not re.search(r"\sstyle=", html), "inline style botst met de CSP"
    assert not re.search(r"<script(?![^>]*\ssrc=)", html), "inline script botst met de CSP"
    # The same secret after a reload: an app that already scanned it keeps working.
    client.get(KOPPEL_PAGINA)
    assert TOTPDevice.objects.filter(user=analist).count() == 1


def test_koppelen_met_een_verkeerde_code_koppelt_niets(client, analist, bevroren):
    inloggen_met_wachtwoord(client, "analist")
    activeren(client, analist)
    client.get(KOPPEL_PAGINA)
    antwoord = code_invoeren(client, "000000", pagina=KOPPEL_PAGINA)
    assert antwoord.status_code == 200
    assert CODE_ONJUIST in antwoord.content.decode()
    assert not TOTPDevice.objects.get(user=analist).confirmed
    assert client.get("/").status_code == 302


def test_koppelen_met_de_code_uit_de_app_geeft_toegang(client, analist, bevroren):
    inloggen_met_wachtwoord(client, "analist")
    activeren(client, analist)
    client.get(KOPPEL_PAGINA)
    apparaat = TOTPDevice.objects.get(user=analist)
    antwoord = code_invoeren(client, totp_code(apparaat), pagina=KOPPEL_PAGINA, volgende="/wachtwoord/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/wachtwoord/"
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get("/wachtwoord/").status_code == 200


def test_na_het_koppelen_toont_niemand_de_sleutel_nog_eens(client, analist, bevroren):
    """Otherwise a stolen password would be enough to link a second app."""
    bevestigd_totp_apparaat(analist)
    inloggen_met_wachtwoord(client, "analist")
    antwoord = client.get(KOPPEL_PAGINA)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(CODE_PAGINA)
    assert TOTPDevice.objects.filter(user=analist).count() == 1


def test_gekoppelde_analist_logt_in_met_wachtwoord_en_code(client, analist, bevroren):
    apparaat = bevestigd_totp_apparaat(analist)
    inloggen_met_wachtwoord(client, "analist")
    antwoord = client.get(CODE_PAGINA + "?next=/wachtwoord/")
    assert antwoord.status_code == 200
    assert 'autocomplete="one-time-code"' in antwoord.content.decode()
    antwoord = code_invoeren(client, totp_code(apparaat), volgende="/wachtwoord/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/wachtwoord/"
    assert client.get("/wachtwoord/").status_code == 200


def test_een_code_werkt_maar_een_keer_ook_binnen_dezelfde_30_seconden(client, analist, bevroren):
    apparaat = bevestigd_totp_apparaat(analist)
    inloggen_met_wachtwoord(client, "analist")
    code = totp_code(apparaat)
    assert code_invoeren(client, code).status_code == 302
    client.post(reverse("kern:logout"))

    inloggen_met_wachtwoord(client, "analist")
    antwoord = code_invoeren(client, code)
    assert antwoord.status_code == 200, "dezelfde code werd een tweede keer geaccepteerd"
    assert CODE_ONJUIST in antwoord.content.decode()
    assert client.get("/wachtwoord/").status_code == 302

    bevroren.shift(dt.timedelta(seconds=30))
    assert code_invoeren(client, totp_code(apparaat)).status_code == 302


def test_een_code_van_een_ander_account_werkt_niet(client, analist, maak_gebruiker, bevroren):
    from finintegriteit.kern import rollen as r

    ander = maak_gebruiker("analist2", r.OIF_ANALIST)
    bevestigd_totp_apparaat(analist)
    inloggen_met_wachtwoord(client, "analist")
    antwoord = code_invoeren(client, totp_code(bevestigd_totp_apparaat(ander)))
    assert antwoord.status_code == 200
    assert CODE_ONJUIST in antwoord.content.decode()


def test_na_een_verkeerde_code_wacht_het_raden(client, analist, bevroren):
    """django-otp doubles the waiting time after each wrong code: guessing a million codes is hopeless."""
    apparaat = bevestigd_totp_apparaat(analist)
    inloggen_met_wachtwoord(client, "analist")
    goed = totp_code(apparaat)
    fout = f"{(int(goed) + 1) % 1_000_000:06d}"
    assert CODE_ONJUIST in code_invoeren(client, fout).content.decode()
    antwoord = code_invoeren(client, goed)
    assert antwoord.status_code == 200
    assert CODE_WACHTEN in antwoord.content.decode()
    bevroren.shift(dt.timedelta(seconds=2))
    assert code_invoeren(client, goed).status_code == 302


def test_wie_het_wachtwoord_kent_houdt_de_eigenaar_niet_voorgoed_buiten(client, analist, bevroren, settings):
    """The attack: one wrong code each time the wait is over; django-otp doubled the wait without end
    (after 15 wrong codes: four and a half hours). Now it stops growing at the password's longest wait."""
    from finintegriteit.kern.services.tweestaps import tweestaps_verifieren

    apparaat = bevestigd_totp_apparaat(analist)
    for poging in range(15):
        if poging:
            apparaat.refresh_from_db()
            bevroren.shift(dt.timedelta(seconds=2 ** (apparaat.throttling_failure_count - 1) + 1))
        fout = f"{(int(totp_code(apparaat)) + 1) % 1_000_000:06d}"
        assert tweestaps_verifieren(gebruiker=analist, code=fout) is None

    bevroren.shift(dt.timedelta(minutes=settings.ACCOUNT_MAX_WACHTTIJD_MINUTEN, seconds=1))
    inloggen_met_wachtwoord(client, "analist")
    assert code_invoeren(client, totp_code(apparaat)).status_code == 302


@pytest.mark.parametrize("rol_fixture", ["analist", "vertrouwenspersoon", "coordinator", "beheerder"])
def test_zonder_tweede_stap_is_geen_enkele_pagina_bereikbaar(client, request, rol_fixture):
    gebruiker = request.getfixturevalue(rol_fixture)
    bevestigd_totp_apparaat(gebruiker)
    inloggen_met_wachtwoord(client, gebruiker.username)
    vrij = {reverse(naam) for naam in TweestapsMiddleware.VRIJ}
    gecontroleerd = []
    for url, _view in alle_urls():
        if url in vrij or url == "/beheer/login/":
            continue
        antwoord = client.get(url)
        if url.startswith(reverse("meldkanaal:loket")):
            # The meldkanaal never sees the session: there the user is an anonymous visitor.
            assert antwoord.status_code in (200, 405) and "Uitloggen" not in antwoord.content.decode(), url
            continue
        assert antwoord.status_code == 302, f"{url} gaf {antwoord.status_code} zonder tweede stap"
        assert antwoord["Location"].startswith(CODE_PAGINA), f"{url} stuurt naar {antwoord['Location']}"
        gecontroleerd.append(url)
    assert "/beheer/" in gecontroleerd and "/wachtwoord/" in gecontroleerd


def test_htmx_verzoek_zonder_tweede_stap_laadt_de_codepagina_als_hele_pagina(client, analist):
    bevestigd_totp_apparaat(analist)
    inloggen_met_wachtwoord(client, "analist")
    antwoord = client.get("/wachtwoord/", headers={"HX-Request": "true"})
    assert antwoord.status_code == 204
    assert antwoord["HX-Redirect"].startswith(CODE_PAGINA)


def test_beheeromgeving_vraagt_de_tweede_stap(client, beheerder, bevroren):
    apparaat = bevestigd_totp_apparaat(beheerder)
    inloggen_met_wachtwoord(client, "beheerder")
    antwoord = client.get("/beheer/")
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(CODE_PAGINA)
    code_invoeren(client, totp_code(apparaat))
    assert client.get("/beheer/").status_code == 200


@override_settings(MIDDLEWARE=[m for m in settings.MIDDLEWARE if not m.endswith(".TweestapsMiddleware")])
def test_beheeromgeving_weigert_ook_zonder_middleware_een_sessie_zonder_tweede_stap(client, beheerder):
    bevestigd_totp_apparaat(beheerder)
    inloggen_met_wachtwoord(client, "beheerder")
    antwoord = client.get("/beheer/")
    assert antwoord.status_code == 302, "de beheeromgeving opende met alleen een wachtwoord"
    assert antwoord["Location"].startswith("/beheer/login/")


def test_inlogpagina_van_de_beheeromgeving_verwijst_naar_de_ene_inlogpagina(client):
    antwoord = client.get("/beheer/login/?next=/beheer/")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{reverse('kern:login')}?next=/beheer/"


def test_de_tweede_stap_geeft_de_sessie_een_nieuwe_sleutel(client, analist, bevroren):
    apparaat = bevestigd_totp_apparaat(analist)
    inloggen_met_wachtwoord(client, "analist")
    voor = client.cookies["sessionid"].value
    code_invoeren(client, totp_code(apparaat))
    na = client.cookies["sessionid"].value
    assert na != voor
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=voor).exists()


def geverifieerd_inloggen(client, gebruiker):
    client.force_login(gebruiker)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = bevestigd_totp_apparaat(gebruiker).persistent_id
    sessie.save()


def test_beheerder_kan_geen_app_ontkoppelen_in_de_beheeromgeving(client, beheerder, analist):
    """Unlinking would reopen the linking for whoever holds the password; only a new code replaces an app."""
    apparaat = bevestigd_totp_apparaat(analist)
    geverifieerd_inloggen(client, beheerder)
    assert client.get("/beheer/otp_totp/totpdevice/").status_code == 200
    antwoord = client.post(f"/beheer/otp_totp/totpdevice/{apparaat.pk}/delete/", {"post": "yes"})
    assert antwoord.status_code == 403
    assert TOTPDevice.objects.filter(pk=apparaat.pk).exists()


@pytest.mark.parametrize("pagina", ["config", "qrcode", "change"])
def test_geen_pagina_toont_de_sleutel_van_een_gekoppelde_app(client, beheerder, analist, pagina):
    apparaat = bevestigd_totp_apparaat(analist)
    geverifieerd_inloggen(client, beheerder)
    antwoord = client.get(f"/beheer/otp_totp/totpdevice/{apparaat.pk}/{pagina}/", follow=True)
    html = antwoord.content.decode()
    if pagina != "change":
        assert antwoord.redirect_chain == [] and antwoord.status_code == 404
    sleutel = base64.b32encode(apparaat.bin_key).decode().rstrip("=")
    assert apparaat.key not in html and sleutel not in html and "otpauth://" not in html


def test_beheerder_kan_een_blokkade_opheffen(client, beheerder, vertrouwenspersoon):
    for _ in range(5):
        Client().post(reverse("kern:login"), {"username": "vp", "password": "fout"})
    assert Client().post(reverse("kern:login"), {"username": "vp", "password": WACHTWOORD}).status_code == 429
    geverifieerd_inloggen(client, beheerder)
    poging = AccessAttempt.objects.get(username="vp")
    assert client.get("/beheer/axes/accessattempt/").status_code == 200
    antwoord = client.post(f"/beheer/axes/accessattempt/{poging.pk}/delete/", {"post": "yes"})
    assert antwoord.status_code == 302
    assert Client().post(reverse("kern:login"), {"username": "vp", "password": WACHTWOORD}).status_code == 302


@override_settings(DEBUG=True)
def test_demogebruikers_tonen_eenmalig_hun_sleutel_en_de_code_kan_zonder_telefoon(bevroren):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    uitvoer = StringIO()
    call_command("maak_demogebruikers", stdout=uitvoer)
    regel = next(regel for regel in uitvoer.getvalue().splitlines() if regel.startswith("analist "))
    sleutel = regel.split("authenticator-sleutel:")[1].replace(" ", "")
    apparaat = TOTPDevice.objects.get(user=analist_uit_demo(), confirmed=True)
    assert sleutel == base64.b32encode(apparaat.bin_key).decode().rstrip("=")

    tweede = StringIO()
    call_command("maak_demogebruikers", stdout=tweede)
    assert "authenticator-sleutel" not in tweede.getvalue(), "de sleutel werd een tweede keer getoond"

    code = StringIO()
    call_command("demo_totp_code", "analist", stdout=code)
    assert code.getvalue().strip() == totp_code(apparaat)
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_totp_code", "analist", stdout=StringIO())

    call_command("maak_demogebruikers", "--opnieuw", stdout=StringIO())
    assert not TOTPDevice.objects.filter(pk=apparaat.pk).exists(), "--opnieuw gaf geen nieuwe sleutel"


def analist_uit_demo():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="analist")
