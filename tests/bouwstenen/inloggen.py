"""Login steps as a person takes them: the password (also wrong ones, from one address), the code of the
second step, a browser that is logged in and the question whether it still is."""

from django.test import Client
from django.urls import reverse

from tests.conftest import WACHTWOORD, inloggen_met_code

LOGIN = reverse("kern:login")
CODE_PAGINA = reverse("kern:tweestaps")
KOPPEL_PAGINA = reverse("kern:tweestaps_koppelen")
ADRES = "192.0.2.10"
BLOKKADETEKST = "Inloggen tijdelijk geblokkeerd"
NIEUW_WACHTWOORD = "Zeven-lange-fietsen-op-de-dijk-19"


def poging(client, gebruikersnaam: str, wachtwoord: str, adres: str = ADRES):
    return client.post(
        reverse("kern:login"), {"username": gebruikersnaam, "password": wachtwoord}, REMOTE_ADDR=adres
    )


def ingelogd(client) -> bool:
    return "_auth_user_id" in client.session


def fout_proberen(client, gebruikersnaam: str, keer: int, adres: str = ADRES):
    return [poging(client, gebruikersnaam, "verkeerd-wachtwoord", adres) for _ in range(keer)]


def inloggen_met_wachtwoord(client, gebruikersnaam: str):
    antwoord = client.post(reverse("kern:login"), {"username": gebruikersnaam, "password": WACHTWOORD})
    assert antwoord.status_code == 302, "inloggen met wachtwoord mislukte"
    return antwoord


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
