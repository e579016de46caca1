"""Brute force across addresses: a limit per account on top of axes' limit per account and address, an
address from a proxy header only when that proxy is trusted, and failures kept for the audit trail."""

import datetime as dt

import pytest
from axes.models import AccessFailureLog
from django.test import Client, override_settings

from finintegriteit.kern import rollen as r
from finintegriteit.kern.forms import ACCOUNT_WACHT
from tests.bouwstenen.inloggen import BLOKKADETEKST, WACHTWOORD, fout_proberen, ingelogd, poging

pytestmark = pytest.mark.django_db

BEGIN = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
WACHT_BEGIN = ACCOUNT_WACHT.split("{")[0]


@pytest.fixture
def bevroren(time_machine):
    time_machine.move_to(BEGIN, tick=False)
    return time_machine


def test_veertig_fouten_over_tien_adressen_en_dan_het_juiste_wachtwoord_van_een_elfde(
    client, vertrouwenspersoon, bevroren
):
    """Before: four guesses per address stayed under axes' limit, and the 41st attempt logged in."""
    for adres in range(10):
        fout_proberen(Client(), "vp", 4, adres=f"198.51.100.{adres}")
    antwoord = poging(client, "vp", WACHTWOORD, adres="203.0.113.11")
    assert not ingelogd(client), "ingelogd na 40 fouten vanaf 10 adressen"
    assert antwoord.status_code == 200
    assert WACHT_BEGIN in antwoord.content.decode()


def test_de_wachttijd_verdubbelt_en_loopt_af(client, vertrouwenspersoon, bevroren):
    for adres in range(5):
        fout_proberen(Client(), "vp", 2, adres=f"198.51.100.{adres}")  # 10 failures: wait 1 minute
    assert not ingelogd(Client()) and poging(client, "vp", WACHTWOORD, adres="203.0.113.1").status_code == 200
    # That refused attempt counted as the 11th failure: now 2 minutes from it.
    bevroren.shift(dt.timedelta(minutes=1, seconds=30))
    assert poging(client, "vp", WACHTWOORD, adres="203.0.113.2").status_code == 200
    bevroren.shift(dt.timedelta(minutes=4, seconds=1))
    assert poging(client, "vp", WACHTWOORD, adres="203.0.113.3").status_code == 302
    assert ingelogd(client)


def test_vanaf_een_adres_legt_niemand_een_heel_team_stil(maak_gebruiker, bevroren):
    """One address fails five times for each colleague: axes stops that address, the colleagues log in."""
    team = [maak_gebruiker(f"collega{i}", r.VERTROUWENSPERSOON) for i in range(6)]
    aanvaller = Client()
    for collega in team:
        antwoorden = fout_proberen(aanvaller, collega.username, 6, adres="192.0.2.66")
        assert BLOKKADETEKST in antwoorden[-1].content.decode()
    for collega in team:
        eigen_browser = Client()
        assert poging(eigen_browser, collega.username, WACHTWOORD, adres="10.1.2.3").status_code == 302
        assert ingelogd(eigen_browser), f"{collega.username} kon niet inloggen van het eigen adres"


def test_een_adres_dat_na_elke_blokkade_terugkomt_houdt_niemand_buiten(maak_gebruiker, bevroren):
    """The attack: five wrong passwords per colleague, wait out axes' 15 minutes, again, four times in an
    hour; then one guess per colleague every 50 minutes. Counted in full, those failures kept every
    colleague's account waiting its 60 minutes, day and night, with the right password too."""
    team = [maak_gebruiker(f"collega{i}", r.OIF_ANALIST) for i in range(3)]
    aanvaller = "192.0.2.66"
    for _ in range(4):
        for collega in team:
            fout_proberen(Client(), collega.username, 5, adres=aanvaller)
        bevroren.shift(dt.timedelta(minutes=16))
    for _ in range(3):
        bevroren.shift(dt.timedelta(minutes=50))
        for collega in team:
            fout_proberen(Client(), collega.username, 1, adres=aanvaller)
        bevroren.shift(dt.timedelta(minutes=5))
        for collega in team:
            eigen_browser = Client()
            assert poging(eigen_browser, collega.username, WACHTWOORD, adres="10.1.2.3").status_code == 302
            assert ingelogd(eigen_browser), f"{collega.username} kon niet inloggen van het eigen adres"


def test_een_vervalst_proxyheader_geeft_geen_nieuw_adres(client, vertrouwenspersoon, bevroren):
    """Without a trusted proxy X-Forwarded-For is ignored: a new forged address per guess does not help."""
    for i in range(5):
        client.post(
            "/inloggen/",
            {"username": "vp", "password": "fout"},
            REMOTE_ADDR="192.0.2.10",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{i}",
        )
    assert set(AccessFailureLog.objects.values_list("ip_address", flat=True)) == {"192.0.2.10"}
    assert poging(client, "vp", WACHTWOORD, adres="192.0.2.10").status_code == 429


@override_settings(VERTROUWDE_PROXIES=["10.0.0.0/24"])
def test_achter_een_vertrouwde_proxy_telt_het_adres_dat_de_proxy_zag(client, vertrouwenspersoon, bevroren):
    client.post(
        "/inloggen/",
        {"username": "vp", "password": "fout"},
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7",  # the left part is the visitor's own claim
    )
    client.post(
        "/inloggen/",
        {"username": "vp", "password": "fout"},
        REMOTE_ADDR="192.0.2.99",  # not the proxy: its header is ignored
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert sorted(AccessFailureLog.objects.values_list("ip_address", flat=True)) == [
        "192.0.2.99",
        "198.51.100.7",
    ]


def test_mislukte_logins_blijven_bewaard_na_een_geslaagde(client, vertrouwenspersoon, bevroren):
    fout_proberen(Client(), "vp", 3)
    assert poging(client, "vp", WACHTWOORD).status_code == 302
    assert AccessFailureLog.objects.filter(username="vp").count() == 3


def test_beheerder_leest_het_logboek_van_mislukte_logins(client, beheerder, vertrouwenspersoon, bevroren):
    fout_proberen(Client(), "vp", 2)
    client.force_login(beheerder)
    antwoord = client.get("/beheer/axes/accessfailurelog/")
    assert antwoord.status_code == 200
    assert "192.0.2.10" in antwoord.content.decode()
