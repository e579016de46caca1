"""An absolute session lifetime besides the idle timeout, a password set through /beheer/ that ends the
other sessions, and passwords checked against lists of breached passwords."""

import datetime as dt

import pytest
from django.contrib.auth.password_validation import CommonPasswordValidator, validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client, override_settings

from finintegriteit.kern.wachtwoorden import GELEKT
from tests.bouwstenen.inloggen import NIEUW_WACHTWOORD, WACHTWOORD, ingelogde_browser, is_ingelogd

pytestmark = pytest.mark.django_db

BEGIN = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@override_settings(SESSIE_MAX_UUR=10)
def test_een_actieve_sessie_eindigt_na_tien_uur(time_machine, buitenstaander):
    """Before: a request every 29 minutes kept a session alive for ever."""
    time_machine.move_to(BEGIN, tick=False)
    browser = ingelogde_browser("buitenstaander")
    for _ in range(20):  # 9 hours 40 minutes of activity
        time_machine.shift(dt.timedelta(minutes=29))
        assert is_ingelogd(browser)
    time_machine.shift(dt.timedelta(minutes=21))
    assert not is_ingelogd(browser), "na tien uur nog ingelogd"
    assert is_ingelogd(ingelogde_browser("buitenstaander")), "opnieuw inloggen lukt niet"


def test_wachtwoord_via_de_beheeromgeving_beeindigt_de_andere_sessies(django_user_model, vertrouwenspersoon):
    baas = django_user_model.objects.create_superuser("root", password=WACHTWOORD)
    beheer = Client()
    beheer.force_login(baas)
    ingelogde_browser("vp")
    ingelogde_browser("vp")
    antwoord = beheer.post(
        f"/beheer/auth/user/{vertrouwenspersoon.pk}/password/",
        {"password1": NIEUW_WACHTWOORD, "password2": NIEUW_WACHTWOORD, "usable_password": "true"},
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    gebruikers = [
        Session.objects.get(pk=s.pk).get_decoded().get("_auth_user_id") for s in Session.objects.all()
    ]
    assert str(vertrouwenspersoon.pk) not in gebruikers, "de sessies van vp bestaan nog"
    assert str(baas.pk) in gebruikers


def test_eigen_wachtwoord_via_de_beheeromgeving_houdt_alleen_deze_sessie(beheerder):
    hier = Client()
    hier.force_login(beheerder)
    elders = ingelogde_browser("beheerder")
    antwoord = hier.post(
        "/beheer/password_change/",
        {"old_password": WACHTWOORD, "new_password1": NIEUW_WACHTWOORD, "new_password2": NIEUW_WACHTWOORD},
    )
    assert antwoord.status_code == 302
    assert hier.get("/beheer/").status_code == 200
    assert not is_ingelogd(elders)
    assert Session.objects.count() == 1


@pytest.mark.parametrize(
    "wachtwoord", ["qwertyuiop123456", "iloveyou123456", "superman12345678", "Pa$$w0rd12345"]
)
def test_gelekte_wachtwoorden_worden_geweigerd(wachtwoord, buitenstaander):
    CommonPasswordValidator().validate(wachtwoord)  # Django's own list does not know them
    with pytest.raises(ValidationError) as fout:
        validate_password(wachtwoord, buitenstaander)
    assert GELEKT in fout.value.messages


def test_een_wachtwoord_met_de_eigen_naam_wordt_geweigerd(django_user_model):
    gebruiker = django_user_model(username="marieke.vandenberg", first_name="Marieke")
    with pytest.raises(ValidationError):
        validate_password("marieke.vandenberg1", gebruiker)


def test_een_sterke_wachtzin_is_goed(buitenstaander):
    validate_password(NIEUW_WACHTWOORD, buitenstaander)
    validate_password(WACHTWOORD, buitenstaander)
