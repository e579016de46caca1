"""Five wrong passwords for one user from one address block that combination for 15 minutes (django-axes)."""

import datetime as dt

import pytest

from tests.bouwstenen.inloggen import BLOKKADETEKST, WACHTWOORD, fout_proberen, ingelogd, poging

pytestmark = pytest.mark.django_db

BEGIN = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def bevroren(time_machine):
    time_machine.move_to(BEGIN, tick=False)
    return time_machine


def test_vier_fouten_blokkeren_niet(client, vertrouwenspersoon, bevroren):
    antwoorden = fout_proberen(client, "vp", 4)
    assert [a.status_code for a in antwoorden] == [200] * 4
    assert poging(client, "vp", WACHTWOORD).status_code == 302
    assert ingelogd(client)


def test_na_vijf_fouten_is_inloggen_geblokkeerd_met_een_nederlandse_melding(
    client, vertrouwenspersoon, bevroren
):
    vijfde = fout_proberen(client, "vp", 5)[-1]
    assert vijfde.status_code == 429
    html = vijfde.content.decode()
    assert BLOKKADETEKST in html
    assert "Probeer het over 15 minuten opnieuw" in html
    assert 'lang="nl"' in html

    met_goed_wachtwoord = poging(client, "vp", WACHTWOORD)
    assert met_goed_wachtwoord.status_code == 429, "het goede wachtwoord opende een geblokkeerd account"
    assert BLOKKADETEKST in met_goed_wachtwoord.content.decode()
    assert not ingelogd(client)


def test_blokkade_geldt_voor_die_gebruiker_vanaf_dat_adres(client, vertrouwenspersoon, coordinator, bevroren):
    fout_proberen(client, "vp", 5)
    assert poging(client, "vp", WACHTWOORD, adres="198.51.100.7").status_code == 302, (
        "dezelfde gebruiker vanaf een ander adres werd ook geblokkeerd"
    )
    client.logout()
    assert poging(client, "coordinator", WACHTWOORD).status_code == 302, (
        "een andere gebruiker vanaf hetzelfde adres werd ook geblokkeerd"
    )


def test_blokkade_duurt_15_minuten(client, vertrouwenspersoon, bevroren):
    fout_proberen(client, "vp", 5)
    bevroren.shift(dt.timedelta(minutes=14, seconds=59))
    assert poging(client, "vp", WACHTWOORD).status_code == 429
    bevroren.shift(dt.timedelta(seconds=2))
    assert poging(client, "vp", WACHTWOORD).status_code == 302
    assert ingelogd(client)


def test_ook_een_onbekende_gebruikersnaam_wordt_geblokkeerd(client, bevroren):
    """Otherwise the lockout page would tell which user names exist."""
    assert fout_proberen(client, "bestaat-niet", 5)[-1].status_code == 429


def test_geslaagde_login_zet_de_teller_terug(client, vertrouwenspersoon, bevroren):
    fout_proberen(client, "vp", 4)
    assert poging(client, "vp", WACHTWOORD).status_code == 302
    client.logout()
    assert [a.status_code for a in fout_proberen(client, "vp", 4)] == [200] * 4
