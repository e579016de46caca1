"""Login steps as a person takes them: the password every test user has (also wrong ones, from one
address), the code of the second step as the person's app shows it, a browser that is logged in and the
question whether it still is."""

import datetime
import time

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

WACHTWOORD = "Correct-paard-batterij-nietje-42"

LOGIN = reverse("kern:login")
CODE_PAGINA = reverse("kern:tweestaps")
KOPPEL_PAGINA = reverse("kern:tweestaps_koppelen")
ADRES = "192.0.2.10"
BLOKKADETEKST = "Inloggen tijdelijk geblokkeerd"
NIEUW_WACHTWOORD = "Zeven-lange-fietsen-op-de-dijk-19"


def bevestigd_totp_apparaat(gebruiker) -> TOTPDevice:
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=True).first()
    return apparaat or TOTPDevice.objects.create(user=gebruiker, name="test", confirmed=True)


def totp_code(apparaat: TOTPDevice) -> str:
    """The code the user's app shows now; the next one if the current one was already used."""
    apparaat.refresh_from_db()
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    totp.time = time.time()
    if totp.t() <= apparaat.last_t:
        totp.drift += apparaat.last_t + 1 - totp.t()
    return f"{totp.token():0{apparaat.digits}d}"


def inloggen_met_code(client, gebruikersnaam: str, wachtwoord: str = WACHTWOORD, **extra):
    """A real login: password, then the code of the person's linked app (linked here if need be).

    Returns the answer to the password step; the code step is done only when that step succeeded.
    """
    antwoord = client.post(
        reverse("kern:login"), {"username": gebruikersnaam, "password": wachtwoord}, **extra
    )
    if antwoord.status_code == 302:
        apparaat = bevestigd_totp_apparaat(get_user_model().objects.get(username=gebruikersnaam))
        stap = client.post(reverse("kern:tweestaps"), {"code": totp_code(apparaat), "next": "/"}, **extra)
        assert stap.status_code == 302, "de tweede stap mislukte"
    return antwoord


def totp_code_voor(gebruikersnaam: str) -> str:
    """For browser tests: the code of the device on the page (the confirmed one, else the one to link)."""
    apparaat = TOTPDevice.objects.filter(user__username=gebruikersnaam).order_by("-confirmed", "-pk").first()
    return totp_code(apparaat)


def poging(client, gebruikersnaam: str, wachtwoord: str, adres: str = ADRES):
    return client.post(
        reverse("kern:login"), {"username": gebruikersnaam, "password": wachtwoord}, REMOTE_ADDR=adres
    )


def ingelogd(client) -> bool:
    return "_auth_user_id" in client.session


def fout_proberen(client, gebruikersnaam: str, keer: int, adres: str = ADRES):
    return [poging(client, gebruikersnaam, "verkeerd-wachtwoord", adres) for _ in range(keer)]


def inloggen_met_wachtwoord(client, gebruikersnaam: str, *, wachtwoord: str = WACHTWOORD):
    antwoord = client.post(reverse("kern:login"), {"username": gebruikersnaam, "password": wachtwoord})
    assert antwoord.status_code == 302, "inloggen met wachtwoord mislukte"
    return antwoord


def app_koppelen(client, gebruikersnaam: str, *, wachtwoord: str, activeringscode: str) -> TOTPDevice:
    """The first login: password, activation code, then the first code of the newly linked app."""
    inloggen_met_wachtwoord(client, gebruikersnaam, wachtwoord=wachtwoord)
    client.post(KOPPEL_PAGINA, {"activeringscode": activeringscode, "next": "/"})
    client.get(KOPPEL_PAGINA)
    apparaat = TOTPDevice.objects.get(user__username=gebruikersnaam, confirmed=False)
    code_invoeren(client, totp_code(apparaat), pagina=KOPPEL_PAGINA)
    return apparaat


def startwachtwoord_vervangen(client, gebruikersnaam: str, *, startwachtwoord: str, apparaat, klok):
    """What a new holder does after linking the app: choose an own password (which ends every session),
    then log in again with it and a later code of the app (`klok`: the test's time_machine)."""
    wijziging = {
        "old_password": startwachtwoord,
        "new_password1": NIEUW_WACHTWOORD,
        "new_password2": NIEUW_WACHTWOORD,
    }
    assert client.post(reverse("kern:wachtwoord_wijzigen"), wijziging).status_code == 302
    klok.shift(datetime.timedelta(seconds=30))
    inloggen_met_wachtwoord(client, gebruikersnaam, wachtwoord=NIEUW_WACHTWOORD)
    code_invoeren(client, totp_code(apparaat))


def code_invoeren(client, code: str, *, pagina: str = CODE_PAGINA, volgende: str = "/"):
    return client.post(pagina, {"code": code, "next": volgende})


def ingelogde_browser(gebruikersnaam: str, wachtwoord: str = WACHTWOORD) -> Client:
    browser = Client()
    antwoord = inloggen_met_code(browser, gebruikersnaam, wachtwoord)
    assert antwoord.status_code == 302, "inloggen mislukte"
    return browser


def is_ingelogd(browser: Client) -> bool:
    """The start page answers a logged-in user without a role with 200, an anonymous one with a redirect."""
    antwoord = browser.get("/")
    if antwoord.status_code == 302:
        assert antwoord["Location"].startswith(LOGIN)
        return False
    assert antwoord.status_code == 200
    return True
