"""'Gebruikers en rollen': the functioneel beheerder manages accounts in the browser, within the separation
of duties, and the person concerned sees every change on 'Mijn account'."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from finintegriteit.kern import rollen as r
from finintegriteit.kern import services
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.gebruikers import (
    EIGEN_ACCOUNT,
    FUNCTIESCHEIDING,
    RECHTEN_ZONDER_OIF,
)
from finintegriteit.referentie.models import Onderdeel
from tests.bouwstenen.inloggen import bevestigd_totp_apparaat

pytestmark = pytest.mark.django_db

GEBRUIKERS = reverse("kern:gebruikers")
NIEUW = reverse("kern:gebruiker_nieuw")


@pytest.fixture
def beheer(client, beheerder):
    client.force_login(beheerder)
    return client


def gegevens(**extra) -> dict:
    basis = {
        "voornaam": "Ans",
        "achternaam": "Jansen",
        "email": "ans@example.org",
        "rollen": [],
        "rechten": [],
    }
    return basis | extra


def wijzigen(client, gebruiker, **extra):
    return client.post(reverse("kern:gebruiker", args=[gebruiker.pk]), gegevens(**extra))


def test_beheerder_maakt_een_account_en_ziet_wachtwoord_en_code_eenmalig(beheer):
    antwoord = beheer.post(NIEUW, gegevens(gebruikersnaam="ans", rollen=[r.BEHEERDER]))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    code = re.search(r'id="activeringscode">([A-Z0-9-]+)<', html).group(1)
    wachtwoord = re.search(r'id="startwachtwoord">([^<]+)<', html).group(1)
    ans = get_user_model().objects.get(username="ans")
    assert ans.check_password(wachtwoord)
    assert r.heeft_rol(ans, r.BEHEERDER) and ans.is_staff
    assert code not in beheer.get(reverse("kern:gebruiker", args=[ans.pk])).content.decode()
    assert code not in beheer.get(GEBRUIKERS).content.decode()


def test_rollen_rechten_en_onderdeel_geven_en_intrekken(beheer, analist, coordinator):
    antwoord = wijzigen(
        beheer, analist, rollen=[r.OIF_ANALIST], rechten=[r.MELDER_IDENTITEIT_INZIEN, r.MELDING_HEROPENEN]
    )
    assert antwoord.status_code == 302
    analist = get_user_model().objects.get(pk=analist.pk)
    assert analist.has_perm(r.MELDER_IDENTITEIT_INZIEN) and analist.has_perm(r.MELDING_HEROPENEN)

    wijzigen(beheer, analist, rollen=[r.OIF_ANALIST], rechten=[r.MELDING_HEROPENEN])
    analist = get_user_model().objects.get(pk=analist.pk)
    assert not analist.has_perm(r.MELDER_IDENTITEIT_INZIEN)

    douane = Onderdeel.objects.get(code="douane")
    wijzigen(beheer, coordinator, rollen=[r.COORDINATOR], onderdeel=douane.pk)
    coordinator.refresh_from_db()
    assert coordinator.profiel.onderdeel == douane


def test_rechten_zonder_oif_rol_worden_geweigerd(beheer, coordinator):
    antwoord = wijzigen(beheer, coordinator, rollen=[r.COORDINATOR], rechten=[r.MELDER_IDENTITEIT_INZIEN])
    assert antwoord.status_code == 200
    assert RECHTEN_ZONDER_OIF in antwoord.content.decode()
    assert not get_user_model().objects.get(pk=coordinator.pk).has_perm(r.MELDER_IDENTITEIT_INZIEN)


@pytest.mark.parametrize(
    "aanval",
    [
        {"rollen": [r.BEHEERDER, r.OIF_ANALIST]},
        {"rollen": [r.BEHEERDER, r.VERTROUWENSPERSOON]},
        {"rollen": [r.BEHEERDER, r.OIF_ANALIST], "rechten": [r.MELDER_IDENTITEIT_INZIEN]},
    ],
)
def test_beheerder_geeft_een_andere_beheerder_geen_zaakrol(beheer, maak_gebruiker, aanval):
    collega = maak_gebruiker("beheerder2", r.BEHEERDER)
    antwoord = wijzigen(beheer, collega, **aanval)
    assert antwoord.status_code == 200
    assert FUNCTIESCHEIDING in antwoord.content.decode()
    collega = get_user_model().objects.get(pk=collega.pk)
    assert not r.heeft_rol(collega, r.OIF_ANALIST, r.VERTROUWENSPERSOON), "de beheerder kreeg een zaakrol"
    assert not collega.has_perm(r.MELDER_IDENTITEIT_INZIEN)
    assert AuditRegel.objects.filter(object_id=str(collega.pk), velden=["toekenning_geweigerd"]).exists()


def test_beheerder_maakt_ook_geen_nieuw_account_met_beide_rollen(beheer):
    antwoord = beheer.post(NIEUW, gegevens(gebruikersnaam="dubbel", rollen=[r.BEHEERDER, r.OIF_ANALIST]))
    assert FUNCTIESCHEIDING in antwoord.content.decode()
    assert not get_user_model().objects.filter(username="dubbel").exists()


def test_alle_bezwaren_tegen_een_combinatie_staan_er_in_een_keer(beheer):
    """Three rules broken at once took three attempts: each answer named only the first."""
    douane = Onderdeel.objects.get(code="douane")
    antwoord = beheer.post(
        NIEUW,
        gegevens(
            gebruikersnaam="drie",
            rollen=[r.BEHEERDER, r.VERTROUWENSPERSOON],
            rechten=[r.MELDER_IDENTITEIT_INZIEN],
            onderdeel=douane.pk,
        ),
    )
    pagina = antwoord.content.decode()
    assert "Functiescheiding: een functioneel beheerder kan geen OIF-analist" in pagina
    assert "De rechten op meldingen horen alleen bij de rol OIF-analist." in pagina
    assert "Een onderdeel hoort alleen bij een integriteitscoördinator." in pagina
    assert not get_user_model().objects.filter(username="drie").exists()


def test_beheerder_geeft_zichzelf_geen_zaakrol_of_recht(beheer, beheerder):
    for aanval in (
        {"rollen": [r.BEHEERDER, r.OIF_ANALIST]},
        {"rollen": [r.OIF_ANALIST], "rechten": [r.MELDER_IDENTITEIT_INZIEN]},
        {"rollen": [r.VERTROUWENSPERSOON]},
    ):
        antwoord = wijzigen(beheer, beheerder, **aanval)
        assert EIGEN_ACCOUNT in antwoord.content.decode()
    beheerder = get_user_model().objects.get(pk=beheerder.pk)
    assert r.rollen_van(beheerder) == {r.BEHEERDER}
    assert not beheerder.has_perm(r.MELDER_IDENTITEIT_INZIEN)


def test_een_analist_tot_beheerder_maken_kan_niet_zonder_de_zaakrol_af_te_nemen(beheer, analist):
    antwoord = wijzigen(beheer, analist, rollen=[r.OIF_ANALIST, r.BEHEERDER])
    assert FUNCTIESCHEIDING in antwoord.content.decode()
    assert not get_user_model().objects.get(pk=analist.pk).is_staff


def test_beheerder_leest_geen_zaken(beheer, maak_melding):  # noqa: F811 (the fixture)
    melding = maak_melding()
    for url in (reverse("meldingen:werkvoorraad"), reverse("meldingen:detail", args=[melding.pk])):
        assert beheer.get(url).status_code == 403, url


def test_deactiveren_beeindigt_de_sessies_en_het_inloggen(beheer, vertrouwenspersoon):
    elders = Client()
    elders.force_login(vertrouwenspersoon)
    url = reverse("kern:gebruiker_deactiveren", args=[vertrouwenspersoon.pk])
    assert "deactiveren?" in beheer.get(url).content.decode(), "geen bevestiging gevraagd"
    assert get_user_model().objects.get(pk=vertrouwenspersoon.pk).is_active, "GET deactiveerde al"
    beheer.post(url)
    assert not get_user_model().objects.get(pk=vertrouwenspersoon.pk).is_active
    assert elders.get("/").status_code == 302 and elders.get("/")["Location"].startswith(
        reverse("kern:login")
    )
    beheer.post(url)
    assert get_user_model().objects.get(pk=vertrouwenspersoon.pk).is_active


def test_beheerder_deactiveert_zichzelf_niet(beheer, beheerder):
    beheer.post(reverse("kern:gebruiker_deactiveren", args=[beheerder.pk]))
    assert get_user_model().objects.get(pk=beheerder.pk).is_active


def test_nieuwe_activeringscode_vanuit_het_scherm_vervangt_de_app(beheer, maak_gebruiker):
    collega = maak_gebruiker("collega", r.BEHEERDER)
    apparaat = bevestigd_totp_apparaat(collega)
    antwoord = beheer.post(reverse("kern:gebruiker_activeringscode", args=[collega.pk]))
    assert re.search(r'id="activeringscode">[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}<', antwoord.content.decode())
    assert not TOTPDevice.objects.filter(pk=apparaat.pk).exists()


def test_superuser_is_niet_te_beheren(beheer, django_user_model):
    baas = django_user_model.objects.create_superuser("root", password="x")
    assert beheer.get(reverse("kern:gebruiker", args=[baas.pk])).status_code == 404
    assert beheer.post(reverse("kern:gebruiker_activeringscode", args=[baas.pk])).status_code == 404


def test_elke_wijziging_staat_op_mijn_account_van_de_betrokkene(beheer, beheerder, analist, teamleider):
    wijzigen(beheer, analist, rollen=[r.OIF_ANALIST], rechten=[r.MELDING_HEROPENEN])
    services.activeringscode_uitgeven(door=teamleider, gebruiker=analist)
    browser = Client()
    browser.force_login(analist)
    html = browser.get(reverse("kern:mijn_account")).content.decode()
    assert "Recht toegekend: Afgedane melding heropenen" in html
    assert "Naam of e-mailadres gewijzigd" in html
    assert "Activeringscode uitgegeven" in html
    assert html.count(beheerder.username) >= 2 and teamleider.username in html


def test_overzicht_telt_queries_niet_per_account(beheer, maak_gebruiker, django_assert_max_num_queries):
    for i in range(15):
        maak_gebruiker(f"gebruiker{i}", r.OIF_ANALIST)
    with django_assert_max_num_queries(12):
        assert beheer.get(GEBRUIKERS).status_code == 200


@pytest.mark.django_db
def test_demogebruikers_hebben_een_teamleider_met_beide_rechten(settings):
    from io import StringIO

    from django.core.management import call_command

    settings.DEBUG = True
    call_command("maak_demogebruikers", stdout=StringIO())
    teamleider = get_user_model().objects.get(username="teamleider")
    assert r.heeft_rol(teamleider, r.OIF_ANALIST)
    assert teamleider.has_perm(r.MELDER_IDENTITEIT_INZIEN) and teamleider.has_perm(r.MELDING_HEROPENEN)
    beheerder = get_user_model().objects.get(username="beheerder")
    assert beheerder.is_staff and not beheerder.has_perm(r.MELDER_IDENTITEIT_INZIEN)


ENGELS = re.compile(
    r"Access (attempt|log|failure)|TOTP device|Attempt Time|IP Address|User Agent|Failed Logins|"
    r"Locked Out|Form Data|Meta Data|Last used|Created at",
    re.IGNORECASE,
)


def test_beheeromgeving_is_nederlands_ook_voor_axes_en_django_otp(beheer, analist):
    bevestigd_totp_apparaat(analist)
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username="vp",
        ip_address="10.0.0.1",
        user_agent="x",
        http_accept="x",
        path_info="/",
        failures_since_start=1,
    )
    for url in (
        "/beheer/",
        "/beheer/otp_totp/totpdevice/",
        "/beheer/axes/accessattempt/",
        f"/beheer/otp_totp/totpdevice/{TOTPDevice.objects.get(user=analist).pk}/change/",
    ):
        antwoord = beheer.get(url)
        assert antwoord.status_code == 200, url
        html = antwoord.content.decode()
        assert not ENGELS.search(html), f"{url}: {ENGELS.search(html).group(0)}"
    index = beheer.get("/beheer/").content.decode()
    assert "Authenticator-apps" in index and "Inlogpogingen en blokkades" in index


def test_een_beeindigd_onderdeel_blijft_staan_tot_de_beheerder_een_ander_kiest(beheer, coordinator_douane):
    """Douane ended last year. The form left it out of the list, so saving only her name made its
    coordinator one of the whole ministry, who hands out codes to vertrouwenspersonen."""
    douane = coordinator_douane.profiel.onderdeel
    Onderdeel.objects.filter(pk=douane.pk).update(laatste_jaar=timezone.localdate().year - 1)
    pagina = beheer.get(reverse("kern:gebruiker", args=[coordinator_douane.pk])).content.decode()
    assert re.search(rf'<option value="{douane.pk}" selected>', pagina)

    wijzigen(beheer, coordinator_douane, rollen=[r.COORDINATOR], onderdeel=douane.pk, voornaam="Dora")
    coordinator_douane.profiel.refresh_from_db()
    assert coordinator_douane.profiel.onderdeel == douane
    assert get_user_model().objects.get(pk=coordinator_douane.pk).first_name == "Dora"
