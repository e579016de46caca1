"""Four eyes on every account that opens cases or the Tellijst: the functioneel beheerder makes the account
and sees its start password, but its activation code comes from that side (OIF's teamleider for an
analist, a coordinator of the whole ministry for a vertrouwenspersoon). Each test is a beheerder trying
to get into such an account himself."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from finintegriteit.kern import rollen as r
from finintegriteit.kern import services
from finintegriteit.kern.models import Activeringscode
from tests.bouwstenen.inloggen import (
    KOPPEL_PAGINA,
    NIEUW_WACHTWOORD,
    WACHTWOORD,
    app_koppelen,
    bevestigd_totp_apparaat,
    inloggen_met_wachtwoord,
    startwachtwoord_vervangen,
)

pytestmark = pytest.mark.django_db

NIEUW = reverse("kern:gebruiker_nieuw")
ACTIVERINGSCODES = reverse("kern:activeringscodes")


@pytest.fixture
def beheer(beheerder):
    browser = Client()
    browser.force_login(beheerder)
    return browser


def aanmaken(beheer, gebruikersnaam: str, rollen: list[str], rechten=()) -> tuple[str, str]:
    """The beheerder's form; returns the page and the start password it shows."""
    gegevens = {"gebruikersnaam": gebruikersnaam, "voornaam": "Sam", "achternaam": "Sok", "email": ""}
    antwoord = beheer.post(NIEUW, gegevens | {"rollen": rollen, "rechten": list(rechten)})
    html = antwoord.content.decode()
    return html, re.search(r'id="startwachtwoord">([^<]+)<', html).group(1)


def alleen_de_activeringscode(browser) -> bool:
    """Whether the werkvoorraad leads only to the page that asks for an activation code."""
    antwoord = browser.get(reverse("meldingen:werkvoorraad"), follow=True)
    return (
        antwoord.request["PATH_INFO"] == KOPPEL_PAGINA
        and 'name="activeringscode"' in antwoord.content.decode()
    )


def test_een_nieuw_analistenaccount_geeft_de_beheerder_alleen_het_wachtwoord(beheer, django_user_model):
    html, wachtwoord = aanmaken(beheer, "sok", [r.OIF_ANALIST], [r.MELDER_IDENTITEIT_INZIEN])
    assert 'id="activeringscode"' not in html
    assert "De teamleider van OIF geeft de activeringscode." in html
    sok = django_user_model.objects.get(username="sok")
    assert not Activeringscode.objects.filter(gebruiker=sok).exists()

    # He logs in with what he saw: only the page that asks for an activation code opens.
    eigen_browser = Client()
    inloggen_met_wachtwoord(eigen_browser, "sok", wachtwoord=wachtwoord)
    assert alleen_de_activeringscode(eigen_browser)

    # And he cannot issue that code: not on the account page, not by posting to it.
    pagina = beheer.get(reverse("kern:gebruiker", args=[sok.pk])).content.decode()
    assert reverse("kern:gebruiker_activeringscode", args=[sok.pk]) not in pagina
    antwoord = beheer.post(reverse("kern:gebruiker_activeringscode", args=[sok.pk]), follow=True)
    assert "De teamleider van OIF geeft de activeringscode voor dit account" in antwoord.content.decode()
    assert not Activeringscode.objects.filter(gebruiker=sok).exists()
    assert beheer.get(ACTIVERINGSCODES).status_code == 403


def test_een_zaakrol_op_een_account_dat_hij_al_gebruikt_sluit_hem_buiten(
    beheer, django_user_model, time_machine
):
    """The detour: a second beheerder's account (its code is the beheerder's to give), used by himself,
    then the analist role instead."""
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, 10, tzinfo=dt.UTC), tick=False)
    html, wachtwoord = aanmaken(beheer, "sok", [r.BEHEERDER])
    code = re.search(r'id="activeringscode">([A-Z0-9-]+)<', html).group(1)
    eigen_browser = Client()
    apparaat = app_koppelen(eigen_browser, "sok", wachtwoord=wachtwoord, activeringscode=code)
    startwachtwoord_vervangen(
        eigen_browser, "sok", startwachtwoord=wachtwoord, apparaat=apparaat, klok=time_machine
    )
    assert eigen_browser.get(reverse("kern:gebruikers")).status_code == 200

    sok = django_user_model.objects.get(username="sok")
    gegevens = {"voornaam": "Sam", "achternaam": "Sok", "email": ""}
    beheer.post(
        reverse("kern:gebruiker", args=[sok.pk]),
        gegevens | {"rollen": [r.OIF_ANALIST], "rechten": [r.MELDER_IDENTITEIT_INZIEN]},
    )
    assert r.heeft_rol(django_user_model.objects.get(pk=sok.pk), r.OIF_ANALIST)

    # The session he had is gone, and so is his app: the role waits for a code from the teamleider.
    antwoord = eigen_browser.get(reverse("meldingen:werkvoorraad"))
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("kern:login"))
    assert not TOTPDevice.objects.filter(user=sok).exists()
    opnieuw = Client()
    inloggen_met_wachtwoord(opnieuw, "sok", wachtwoord=NIEUW_WACHTWOORD)
    assert alleen_de_activeringscode(opnieuw)
    beheer.post(reverse("kern:gebruiker_activeringscode", args=[sok.pk]))
    assert not Activeringscode.objects.open().filter(gebruiker=sok).exists()


def test_geen_eigen_coordinator_die_zijn_vertrouwenspersoon_activeert(beheer, coordinator, django_user_model):
    """The chain that was left: a coordinator account of the whole ministry for himself (its code was the
    beheerder's), which then hands out the code of a vertrouwenspersoon account he also made. Now a
    coordinator's code comes from a coordinator of the whole ministry too."""
    html, _ = aanmaken(beheer, "sok", [r.COORDINATOR])
    assert 'id="activeringscode"' not in html
    assert "Een integriteitscoördinator van het hele ministerie geeft de activeringscode." in html
    sok = django_user_model.objects.get(username="sok")
    assert beheer.post(reverse("kern:gebruiker_activeringscode", args=[sok.pk])).status_code == 302
    assert not Activeringscode.objects.filter(gebruiker=sok).exists()

    collega = Client()
    collega.force_login(coordinator)
    assert "sok" in collega.get(ACTIVERINGSCODES).content.decode()


def test_een_beheerder_die_ook_coordinator_is_activeert_geen_vertrouwenspersoon(
    maak_gebruiker, vertrouwenspersoon
):
    beide = maak_gebruiker("beide", r.BEHEERDER, r.COORDINATOR)
    with pytest.raises(services.ActiveringsFout):
        services.activeringscode_uitgeven(door=beide, gebruiker=vertrouwenspersoon)
    browser = Client()
    browser.force_login(beide)
    assert browser.get(ACTIVERINGSCODES).status_code == 403


def test_de_teamleider_geeft_de_code_en_de_analist_komt_binnen(teamleider, django_user_model, beheer):
    _, wachtwoord = aanmaken(beheer, "nieuw", [r.OIF_ANALIST])
    leiding = Client()
    leiding.force_login(teamleider)
    lijst = leiding.get(ACTIVERINGSCODES).content.decode()
    assert "nieuw" in lijst and "wacht op een activeringscode" in lijst
    nieuw = django_user_model.objects.get(username="nieuw")
    antwoord = leiding.post(reverse("kern:activeringscode_uitgeven", args=[nieuw.pk]))
    code = re.search(r'id="activeringscode">([A-Z0-9-]+)<', antwoord.content.decode()).group(1)

    analist = Client()
    app_koppelen(analist, "nieuw", wachtwoord=wachtwoord, activeringscode=code)
    # The start password is replaced first; then the werkvoorraad opens (tests/kern/test_activeringscode.py).
    assert analist.get(reverse("meldingen:werkvoorraad"))["Location"] == reverse("kern:wachtwoord_wijzigen")
    assert Activeringscode.objects.get(gebruiker=nieuw).uitgegeven_door == teamleider


@pytest.mark.parametrize(
    ("wie", "welk_account", "verwacht"),
    [
        ("teamleider", "analist", 200),
        ("teamleider", "vertrouwenspersoon", 404),
        ("teamleider", "coordinator_douane", 404),
        ("coordinator", "vertrouwenspersoon", 200),
        ("coordinator", "analist", 404),
        ("analist", "vertrouwenspersoon", 403),
        ("coordinator_douane", "vertrouwenspersoon", 403),
    ],
)
def test_ieder_activeert_alleen_de_eigen_kant(request, wie, welk_account, verwacht):
    door = request.getfixturevalue(wie)
    account = request.getfixturevalue(welk_account)
    apparaat = bevestigd_totp_apparaat(account)
    browser = Client()
    browser.force_login(door)
    url = reverse("kern:activeringscode_uitgeven", args=[account.pk])
    assert browser.get(url).status_code == verwacht
    # A POST for an account not on her list goes back to the list with a message (and no code).
    assert browser.post(url).status_code == (302 if verwacht == 404 else verwacht)
    assert TOTPDevice.objects.filter(pk=apparaat.pk).exists() == (verwacht != 200)


def test_alleen_wie_codes_geeft_ziet_ze_in_het_menu(request):
    for wie, ziet in (
        ("teamleider", True),
        ("coordinator", True),
        ("analist", False),
        ("coordinator_douane", False),
        ("beheerder", False),
    ):
        browser = Client()
        browser.force_login(request.getfixturevalue(wie))
        assert (ACTIVERINGSCODES in browser.get(reverse("kern:mijn_account")).content.decode()) == ziet, wie


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_een_code_tegelijk_met_de_zaakrol_gevraagd_overleeft_de_rol_niet(beheerder, coordinator):
    """The race: while the beheerder's role change (analist for this coordinator account) is being saved,
    he asks a new code for the same account in a second request. The code waits for the change and is
    then refused; without the account's row lock it was written beside the change and outlived it."""
    import threading

    from django.db import connection, transaction

    uitkomst = {}

    def code_vragen():
        try:
            uitkomst["code"] = services.activeringscode_uitgeven(door=beheerder, gebruiker=coordinator)
        except services.ActiveringsFout as fout:
            uitkomst["fout"] = fout
        finally:
            connection.close()

    tweede_verzoek = threading.Thread(target=code_vragen)
    with transaction.atomic():
        services.gebruiker_bijwerken(
            door=beheerder,
            gebruiker=coordinator,
            voornaam="",
            achternaam="",
            email="",
            rollen={r.COORDINATOR, r.OIF_ANALIST},
            rechten=set(),
        )
        tweede_verzoek.start()
        tweede_verzoek.join(timeout=1)
        assert tweede_verzoek.is_alive(), "de code wachtte niet op de rolwijziging"
    tweede_verzoek.join(timeout=10)
    assert "fout" in uitkomst and "code" not in uitkomst
    assert not Activeringscode.objects.open().filter(gebruiker=coordinator).exists()


def test_de_beheerder_ziet_bij_wie_een_nieuwe_analist_de_code_haalt(beheer):
    aanmaken(beheer, "nieuw", [r.OIF_ANALIST])
    rij = re.search(
        r"<tr>\s*<td><a [^>]*>nieuw</a>.*?</tr>",
        beheer.get(reverse("kern:gebruikers")).content.decode(),
        re.S,
    )
    assert "niet gekoppeld; code van de teamleider van OIF" in rij.group(0)


def test_de_beheerder_verzet_geen_onderdeel_buiten_de_audittrail_om(beheer, coordinator_douane):
    """/beheer/ had a second way to set a coordinator's onderdeel, unaudited: to the whole ministry, and
    the account gave codes to vertrouwenspersonen."""
    from finintegriteit.kern.models import Profiel

    profiel = Profiel.objects.get(gebruiker=coordinator_douane)
    url = reverse("admin:kern_profiel_change", args=[profiel.pk])
    beheer.post(url, {"gebruiker": coordinator_douane.pk, "onderdeel": "", "wachtwoord_wijzigen": ""})
    profiel.refresh_from_db()
    assert profiel.onderdeel is not None
    assert beheer.get(reverse("admin:kern_profiel_add")).status_code == 403


def test_na_een_zaakrol_kiest_de_persoon_eerst_een_eigen_wachtwoord(beheer, coordinator_douane, coordinator):
    """The beheerder may know the password of an account he gave a zaakrol (he set it up for himself):
    after the code of the other side, only the page to replace it opens."""
    gegevens = {"voornaam": "", "achternaam": "", "email": ""}
    beheer.post(
        reverse("kern:gebruiker", args=[coordinator_douane.pk]),
        gegevens
        | {
            "rollen": [r.COORDINATOR, r.VERTROUWENSPERSOON],
            "onderdeel": coordinator_douane.profiel.onderdeel.pk,
        },
    )
    code = services.activeringscode_uitgeven(door=coordinator, gebruiker=coordinator_douane)
    browser = Client()
    app_koppelen(browser, coordinator_douane.username, wachtwoord=WACHTWOORD, activeringscode=code)
    antwoord = browser.get(reverse("vertrouwenspersonen:invoeren"))
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("kern:wachtwoord_wijzigen")


def test_een_account_dat_intussen_van_kant_wisselde_krijgt_geen_code(beheer, teamleider, analist):
    leiding = Client()
    leiding.force_login(teamleider)
    url = reverse("kern:activeringscode_uitgeven", args=[analist.pk])
    assert leiding.get(url).status_code == 200
    gegevens = {"voornaam": "", "achternaam": "", "email": ""}
    beheer.post(
        reverse("kern:gebruiker", args=[analist.pk]),
        gegevens | {"rollen": [r.OIF_ANALIST, r.VERTROUWENSPERSOON]},
    )

    antwoord = leiding.post(url, follow=True)
    assert (
        "Dit account staat niet (meer) op uw lijst; er is geen code uitgegeven." in antwoord.content.decode()
    )
    assert not Activeringscode.objects.filter(gebruiker=analist).exists()


def test_de_teamleider_ziet_rechten_en_wie_de_code_van_een_gekoppelde_app_gaf(beheer, teamleider, beheerder):
    """Accounts linked with a beheerder's code before the four eyes stand out, to be given a new code."""
    _, wachtwoord = aanmaken(beheer, "oud", [r.OIF_ANALIST], [r.MELDER_IDENTITEIT_INZIEN])
    oud = get_user_model().objects.get(username="oud")
    # As it was before: the beheerder's code, straight in the table (the service refuses it now).
    Activeringscode.objects.create(
        gebruiker=oud,
        code_hash="x" * 64,
        uitgegeven_door=beheerder,
        verloopt_op=timezone.now(),
        gebruikt_op=timezone.now(),
    )
    bevestigd_totp_apparaat(oud)
    leiding = Client()
    leiding.force_login(teamleider)
    rij = re.search(
        r"<tr>\s*<td><a [^>]*>oud</a>.*?</tr>", leiding.get(ACTIVERINGSCODES).content.decode(), re.S
    ).group(0)
    assert "Identiteit van de melder inzien" in rij
    assert f"gekoppeld, code van {beheerder.username}" in rij


def test_de_beheerdersrol_heeft_geen_schrijfrecht_op_profielen_meer(beheerder):
    assert not beheerder.has_perm("kern.change_profiel") and not beheerder.has_perm("kern.add_profiel")
    assert beheerder.has_perm("kern.view_profiel")


def test_de_lijst_van_activeringscodes_telt_geen_queries_per_account(
    teamleider, maak_gebruiker, django_assert_max_num_queries
):
    for i in range(8):
        bevestigd_totp_apparaat(maak_gebruiker(f"analist{i}", r.OIF_ANALIST))
    leiding = Client()
    leiding.force_login(teamleider)
    with django_assert_max_num_queries(14):
        assert leiding.get(ACTIVERINGSCODES).content.decode().count("Nieuwe code") == 8
