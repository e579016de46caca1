"""An authenticator app is linked only with a one-time activation code issued for that person (by the
teamleider for an analist, a coordinator for a vertrouwenspersoon, the beheerder for the others): a
password alone never shows a secret, and every step is in the audit trail."""

import datetime as dt

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from finintegriteit.kern import services
from finintegriteit.kern.forms import ACTIVERINGSCODE_ONJUIST
from finintegriteit.kern.models import Activeringscode, AuditRegel
from finintegriteit.kern.services.tweestaps import ZELF_UITGEVEN
from tests.bouwstenen.inloggen import (
    KOPPEL_PAGINA,
    app_koppelen,
    bevestigd_totp_apparaat,
    code_invoeren,
    inloggen_met_wachtwoord,
    startwachtwoord_vervangen,
    totp_code,
)

pytestmark = [pytest.mark.django_db, pytest.mark.zonder_tweestaps]


def gebeurtenissen(gebruiker) -> list[str]:
    return [
        veld
        for velden in AuditRegel.objects.filter(object_type="user", object_id=str(gebruiker.pk))
        .order_by("pk")
        .values_list("velden", flat=True)
        for veld in velden
    ]


def code_opgeven(client, code: str):
    return client.post(KOPPEL_PAGINA, {"activeringscode": code, "next": "/"})


@pytest.mark.parametrize("rol_fixture", ["analist", "vertrouwenspersoon", "coordinator", "beheerder"])
def test_met_alleen_het_wachtwoord_toont_niets_een_sleutel(client, request, rol_fixture):
    """Before: whoever first had the password linked an app of their own."""
    gebruiker = request.getfixturevalue(rol_fixture)
    inloggen_met_wachtwoord(client, gebruiker.username)
    antwoord = client.get(KOPPEL_PAGINA)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert 'id="geheim"' not in html and "qr-code" not in html
    assert not TOTPDevice.objects.filter(user=gebruiker).exists()
    assert client.get("/wachtwoord/").status_code == 302


def test_koppelen_met_activeringscode_en_app_code(client, analist, teamleider):
    code = services.activeringscode_uitgeven(door=teamleider, gebruiker=analist)
    assert len(code.replace("-", "")) == 12
    rij = Activeringscode.objects.get(gebruiker=analist)
    assert code.replace("-", "") not in rij.code_hash, "de code staat leesbaar in de database"
    inloggen_met_wachtwoord(client, "analist")
    assert code_opgeven(client, code.lower().replace("-", " ")).status_code == 302
    assert 'id="geheim"' in client.get(KOPPEL_PAGINA).content.decode()
    apparaat = TOTPDevice.objects.get(user=analist)
    assert code_invoeren(client, totp_code(apparaat), pagina=KOPPEL_PAGINA).status_code == 302
    assert client.get("/wachtwoord/").status_code == 200
    rij.refresh_from_db()
    assert rij.gebruikt_op is not None
    assert gebeurtenissen(analist) == [
        "activeringscode_uitgegeven",
        "activeringscode_ingevoerd",
        "authenticator_gekoppeld",
    ]
    assert AuditRegel.objects.filter(velden=["activeringscode_uitgegeven"]).get().gebruiker == teamleider


def test_een_activeringscode_werkt_maar_een_keer(client, analist, teamleider):
    code = services.activeringscode_uitgeven(door=teamleider, gebruiker=analist)
    tweede_browser = Client()
    inloggen_met_wachtwoord(client, "analist")
    inloggen_met_wachtwoord(tweede_browser, "analist")
    code_opgeven(client, code)
    code_opgeven(tweede_browser, code)
    tweede_browser.get(KOPPEL_PAGINA)
    client.get(KOPPEL_PAGINA)
    apparaat = TOTPDevice.objects.get(user=analist, confirmed=False)
    assert code_invoeren(client, totp_code(apparaat), pagina=KOPPEL_PAGINA).status_code == 302

    # The other browser entered the same code in time, but cannot link a second app with it.
    antwoord = tweede_browser.get(KOPPEL_PAGINA)
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("kern:tweestaps"))
    assert TOTPDevice.objects.filter(user=analist).count() == 1
    assert services.activeringscode_controleren(gebruiker=analist, code=code) is None


def test_een_verlopen_activeringscode_werkt_niet(client, analist, teamleider, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    with override_settings(ACTIVERINGSCODE_GELDIG_UUR=72):
        code = services.activeringscode_uitgeven(door=teamleider, gebruiker=analist)
    time_machine.shift(dt.timedelta(hours=72, seconds=1))
    inloggen_met_wachtwoord(client, "analist")
    antwoord = code_opgeven(client, code)
    assert antwoord.status_code == 200
    assert ACTIVERINGSCODE_ONJUIST in antwoord.content.decode()


def test_de_code_van_een_ander_werkt_niet(client, analist, vertrouwenspersoon, coordinator):
    code_van_vp = services.activeringscode_uitgeven(door=coordinator, gebruiker=vertrouwenspersoon)
    inloggen_met_wachtwoord(client, "analist")
    assert ACTIVERINGSCODE_ONJUIST in code_opgeven(client, code_van_vp).content.decode()
    assert "activeringscode_onjuist" in gebeurtenissen(analist)


def test_na_te_veel_verkeerde_codes_vervalt_ook_de_juiste(client, analist, teamleider):
    code = services.activeringscode_uitgeven(door=teamleider, gebruiker=analist)
    inloggen_met_wachtwoord(client, "analist")
    for _ in range(Activeringscode.MAX_POGINGEN):
        code_opgeven(client, "AAAA-AAAA-AAAA")
    assert ACTIVERINGSCODE_ONJUIST in code_opgeven(client, code).content.decode()
    assert "activeringscode_ingetrokken" in gebeurtenissen(analist)


def test_een_nieuwe_code_vervangt_de_app_en_de_oude_code(client, analist, teamleider):
    """A lost phone: the teamleider issues a new code; the old app and any older code stop working."""
    oude_code = services.activeringscode_uitgeven(door=teamleider, gebruiker=analist)
    apparaat = bevestigd_totp_apparaat(analist)
    nieuwe_code = services.activeringscode_uitgeven(door=teamleider, gebruiker=analist)
    assert not TOTPDevice.objects.filter(pk=apparaat.pk).exists()
    assert "authenticator_verwijderd" in gebeurtenissen(analist)
    inloggen_met_wachtwoord(client, "analist")
    assert ACTIVERINGSCODE_ONJUIST in code_opgeven(client, oude_code).content.decode()
    assert code_opgeven(client, nieuwe_code).status_code == 302


def test_beheerder_geeft_geen_code_voor_zichzelf_uit(beheerder):
    with pytest.raises(services.ActiveringsFout, match=ZELF_UITGEVEN):
        services.activeringscode_uitgeven(door=beheerder, gebruiker=beheerder)


def test_commando_maakt_de_eerste_beheerder_met_een_code(client, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, 10, tzinfo=dt.UTC), tick=False)
    from io import StringIO

    from django.core.management import call_command

    uitvoer = StringIO()
    call_command("activeringscode_uitgeven", "--nieuwe-beheerder", "eerste", stdout=uitvoer)
    regels = uitvoer.getvalue().splitlines()
    wachtwoord = regels[0].rsplit(": ", 1)[1]
    code = regels[1].rsplit(": ", 1)[1]
    antwoord = client.post(reverse("kern:login"), {"username": "eerste", "password": wachtwoord})
    assert antwoord.status_code == 302
    assert code_opgeven(client, code).status_code == 302
    apparaat = services.totp_koppeling_starten(gebruiker=antwoord.wsgi_request.user)
    assert code_invoeren(client, totp_code(apparaat), pagina=KOPPEL_PAGINA).status_code == 302
    # The start password was printed in a terminal: it is replaced before anything else opens.
    antwoord = client.get("/beheer/")
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("kern:wachtwoord_wijzigen")


def test_het_startwachtwoord_wordt_eerst_vervangen(client, beheerder, coordinator, time_machine):
    """The beheerder saw the start password: until it is replaced, only the password page opens."""
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, 10, tzinfo=dt.UTC), tick=False)
    nieuw, startwachtwoord = services.gebruiker_aanmaken(
        door=beheerder,
        gebruikersnaam="nieuw",
        voornaam="",
        achternaam="",
        email="",
        rollen={"Vertrouwenspersoon"},
        rechten=set(),
    )
    code = services.activeringscode_uitgeven(door=coordinator, gebruiker=nieuw)
    apparaat = app_koppelen(client, "nieuw", wachtwoord=startwachtwoord, activeringscode=code)
    for url in ("/", "/tellijst/", "/account/"):
        antwoord = client.get(url)
        assert antwoord.status_code == 302 and antwoord["Location"] == reverse("kern:wachtwoord_wijzigen"), (
            url
        )
    assert "startwachtwoord" in client.get(reverse("kern:wachtwoord_wijzigen")).content.decode()
    startwachtwoord_vervangen(
        client, "nieuw", startwachtwoord=startwachtwoord, apparaat=apparaat, klok=time_machine
    )
    assert client.get("/tellijst/").status_code == 200
