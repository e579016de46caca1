"""The access matrix: every URL of the project, every role, one expected answer.

A URL pattern without an entry in MATRIX fails the test, so a new view cannot ship without someone
deciding who may open it. Object level is in the same table: the vertrouwenspersoon opens a row of a
colleague (404), the Douane coordinator opens the ministry's report (404).
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from finintegriteit.referentie.models import Onderdeel
from tests.factories import (
    AdviesvraagFactory,
    CertificeringsstatusFactory,
    ImportbestandFactory,
    RapportdeelFactory,
    RapportFactory,
    ReeksFactory,
    VaststellingFactory,
    VertrouwenspersoonProfielFactory,
)
from tests.url_patronen import url_patronen
from vertrouwenspersonen.models import Certificeringsstatus

pytestmark = pytest.mark.django_db

ROLLEN = ("anoniem", "vp", "analist", "coordinator", "coordinator_douane", "beheerder")
LOGIN = "login"  # 302 to the login page
# A path: 302 to that page (the start page sends each role to its own work; /beheer/ sends a
# non-staff user to its login, which sends on to the one login page).
TELLIJST, WERKVOORRAAD, DASHBOARD, REGISTER = (
    "/tellijst/",
    "/meldingen/",
    "/rapportage/",
    "/tellijst/register/",
)
BEHEER_LOGIN = "/beheer/login/"

# url name -> kwargs key (filled from the objects fixture) and the answer per role, in ROLLEN order.
# 405: the role may use the view, but a GET is not how it is used (POST-only).
MATRIX = {
    "kern:start": (None, (LOGIN, TELLIJST, WERKVOORRAAD, DASHBOARD, DASHBOARD, REGISTER)),
    "kern:login": (None, (200, "/", "/", "/", "/", "/")),
    "kern:tweestaps": (None, (LOGIN, "/", "/", "/", "/", "/")),
    "kern:tweestaps_koppelen": (None, (LOGIN, "/", "/", "/", "/", "/")),
    "kern:logout": (None, (LOGIN, 405, 405, 405, 405, 405)),
    "kern:wachtwoord_wijzigen": (None, (LOGIN, 200, 200, 200, 200, 200)),
    "kern:mijn_account": (None, (LOGIN, 200, 200, 200, 200, 200)),
    # Accounts and roles: the functioneel beheerder only.
    "kern:gebruikers": (None, (LOGIN, 403, 403, 403, 403, 200)),
    "kern:gebruiker_nieuw": (None, (LOGIN, 403, 403, 403, 403, 200)),
    "kern:gebruiker": ("account", (LOGIN, 403, 403, 403, 403, 200)),
    "kern:gebruiker_activeringscode": ("account", (LOGIN, 403, 403, 403, 403, 405)),
    "kern:gebruiker_deactiveren": ("account", (LOGIN, 403, 403, 403, 403, 200)),
    # Activation codes of accounts with a zaakrol: from their own side (OIF's teamleider, a coordinator
    # of the whole ministry), never from the beheerder. The fixture's account is a vertrouwenspersoon.
    "kern:activeringscodes": (None, (LOGIN, 403, 403, 200, 403, 403)),
    "kern:activeringscode_uitgeven": ("vp_account", (LOGIN, 403, 403, 200, 403, 403)),
    "vertrouwenspersonen:invoeren": (None, (LOGIN, 200, 403, 403, 403, 403)),
    "vertrouwenspersonen:velden": (None, (LOGIN, 405, 403, 403, 403, 403)),
    "vertrouwenspersonen:subcategorieen": (None, (LOGIN, 200, 403, 403, 403, 403)),
    "vertrouwenspersonen:mijn_adviesvragen": (None, (LOGIN, 200, 403, 403, 403, 403)),
    "vertrouwenspersonen:bijwerken": ("eigen_rij", (LOGIN, 405, 403, 403, 403, 403)),
    "vertrouwenspersonen:wijzigen": ("eigen_rij", (LOGIN, 200, 403, 403, 403, 403)),
    "vertrouwenspersonen:verwijderen": ("eigen_rij", (LOGIN, 200, 403, 403, 403, 403)),
    "vertrouwenspersonen:importeren": (None, (LOGIN, 200, 403, 403, 403, 403)),
    "vertrouwenspersonen:importeren_bevestigen": (None, (LOGIN, 405, 403, 403, 403, 403)),
    "vertrouwenspersonen:importeren_annuleren": (None, (LOGIN, 405, 403, 403, 403, 403)),
    "vertrouwenspersonen:sjabloon_csv": (None, (LOGIN, 200, 403, 403, 403, 403)),
    "vertrouwenspersonen:sjabloon_xlsx": (None, (LOGIN, 200, 403, 403, 403, 403)),
    "vertrouwenspersonen:register": (None, (LOGIN, 403, 403, 403, 403, 200)),
    "vertrouwenspersonen:register_nieuw": (None, (LOGIN, 403, 403, 403, 403, 200)),
    "vertrouwenspersonen:register_profiel": ("profiel", (LOGIN, 403, 403, 403, 403, 200)),
    "vertrouwenspersonen:register_status_toevoegen": ("profiel", (LOGIN, 403, 403, 403, 403, 405)),
    "vertrouwenspersonen:register_status_verwijderen": ("status", (LOGIN, 403, 403, 403, 403, 200)),
    # The meldkanaal: for every employee, with or without an account.
    "meldkanaal:loket": (None, (200, 200, 200, 200, 200, 200)),
    "meldkanaal:melden": (None, (200, 200, 200, 200, 200, 200)),
    "meldkanaal:terug": (None, (200, 200, 200, 200, 200, 200)),
    "meldkanaal:vertrouwenspersonen": (None, (200, 200, 200, 200, 200, 200)),
    # POST-only; without the melder's cookie (given for a valid receipt code) a POST goes to the code form.
    "meldkanaal:aanvullen": (None, (405, 405, 405, 405, 405, 405)),
    "meldkanaal:afmelden": (None, (405, 405, 405, 405, 405, 405)),
    "meldingen:werkvoorraad": (None, (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:mijn_zaken": (None, (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:nieuw": (None, (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:termijnen": (None, (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:audit": (None, (LOGIN, 403, 403, 403, 403, 200)),
    "meldingen:audit_export": (None, (LOGIN, 403, 403, 403, 403, 200)),
    "meldingen:detail": ("melding", (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:wijzigen": ("melding", (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:status": ("melding", (LOGIN, 403, 405, 403, 403, 403)),
    "meldingen:heropenen": ("melding", (LOGIN, 403, 405, 403, 403, 403)),
    # When and how the melder was reached: with the identity right only (the analist has none).
    "meldingen:termijnen_vastleggen": ("melding", (LOGIN, 403, 403, 403, 403, 403)),
    "meldingen:aantekening_toevoegen": ("melding", (LOGIN, 403, 405, 403, 403, 403)),
    "meldingen:document_toevoegen": ("melding", (LOGIN, 403, 405, 403, 403, 403)),
    "meldingen:bericht_versturen": ("melding", (LOGIN, 403, 405, 403, 403, 403)),
    # No document in the fixture: 404 for the analist as well (and the attempt is audited).
    "meldingen:document_downloaden": ("melding", (LOGIN, 403, 404, 403, 403, 403)),
    # The fixture's melding is not in onderzoek: the page explains, the service refuses on POST.
    "meldingen:onderzoek_corrigeren": ("melding", (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:betrokkene_verwijderen": ("betrokkene", (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:bewaren": ("melding", (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:duplicaat": ("melding", (LOGIN, 403, 200, 403, 403, 403)),
    # Need to know is decided by the behandelaar and the teamleider; the analist is neither here.
    "meldingen:afschermen": ("melding", (LOGIN, 403, 403, 403, 403, 403)),
    # The melder's identity needs a separate permission on top of the analist role.
    "meldingen:melder": ("melding", (LOGIN, 403, 403, 403, 403, 403)),
    "meldingen:betrokkene_toevoegen": ("melding", (LOGIN, 403, 200, 403, 403, 403)),
    "meldingen:betrokkene_wijzigen": ("betrokkene", (LOGIN, 403, 200, 403, 403, 403)),
    "afdoeningen:vastleggen": ("betrokkene_pk", (LOGIN, 403, 200, 403, 403, 403)),
    "afdoeningen:controleren": ("betrokkene_pk", (LOGIN, 403, 405, 403, 403, 403)),
    # No afdoening yet: back to the case.
    "afdoeningen:intrekken": ("betrokkene_pk", (LOGIN, 403, 302, 403, 403, 403)),
    "afdoeningen:importeren": (None, (LOGIN, 403, 200, 403, 403, 403)),
    "afdoeningen:sjabloon": (None, (LOGIN, 403, 200, 403, 403, 403)),
    # The own checked upload: its preview.
    "afdoeningen:voorbeeld": ("registerimport", (LOGIN, 403, 200, 403, 403, 403)),
    "afdoeningen:bevestigen": ("registerimport", (LOGIN, 403, 405, 403, 403, 403)),
    "afdoeningen:annuleren": ("registerimport", (LOGIN, 403, 405, 403, 403, 403)),
    "rapportage:dashboard": (None, (LOGIN, 403, 403, 200, 200, 403)),
    "rapportage:rapporten": (None, (LOGIN, 403, 403, 200, 200, 403)),
    "rapportage:status": ("rapport_ministerie", (LOGIN, 403, 403, 200, 404, 403)),
    "rapportage:opnieuw": ("rapport_ministerie", (LOGIN, 403, 403, 405, 405, 403)),
    # All reports of a year at once: POST only; its summary only for a coordinator of the whole ministry.
    "rapportage:reeks": (None, (LOGIN, 403, 403, 405, 405, 403)),
    "rapportage:reeks_status": ("reeks", (LOGIN, 403, 403, 200, 404, 403)),
    # No file yet: 404 for the coordinator too; the Douane coordinator may not know it exists.
    "rapportage:download": ("rapport_ministerie", (LOGIN, 403, 403, 404, 404, 403)),
    "rapportage:xlsx": ("tabel", (LOGIN, 403, 403, 200, 200, 403)),
    "rapportage:hoofdstuk_tabellen": ("hoofdstuk", (LOGIN, 403, 403, 200, 200, 403)),
    "rapportage:voorbeeld": (None, (LOGIN, 403, 403, 200, 200, 403)),
    # The texts are the ministry's: a coordinator of one onderdeel reads them but changes nothing.
    # Adopting: the confirmation page for both coordinators (the right and scope are checked on POST).
    "rapportage:vaststellen": (None, (LOGIN, 403, 403, 200, 200, 403)),
    "rapportage:cijfers_importeren": (None, (LOGIN, 403, 403, 200, 200, 403)),
    # The adopted ministry report has no file here: 404; the Douane coordinator may not know it exists.
    "rapportage:vaststelling_download": ("vaststelling", (LOGIN, 403, 403, 404, 404, 403)),
    "rapportage:teksten": (None, (LOGIN, 403, 403, 200, 200, 403)),
    "rapportage:gepubliceerde_cijfers": (None, (LOGIN, 403, 403, 200, 200, 403)),
    "rapportage:teksten_aanmaken": (None, (LOGIN, 403, 403, 405, 405, 403)),
    # Without an own structure for the year, a new part first needs one: back to the list.
    "rapportage:deel_nieuw": (None, (LOGIN, 403, 403, "/rapportage/teksten/", 403, 403)),
    "rapportage:deel_wijzigen": ("rapportdeel", (LOGIN, 403, 403, 200, 403, 403)),
    "admin:index": (None, (BEHEER_LOGIN, BEHEER_LOGIN, BEHEER_LOGIN, BEHEER_LOGIN, BEHEER_LOGIN, 200)),
}


def project_url_namen():
    """Every named pattern; of /beheer/ only the index (Django's admin internals have their own tests)."""
    return [
        naam
        for naam in (p.naam for p in url_patronen())
        if not naam.startswith("admin:") or naam == "admin:index"
    ]


def test_elke_url_staat_in_de_matrix():
    ontbrekend = [naam for naam in project_url_namen() if naam not in MATRIX]
    assert ontbrekend == [], f"URL's zonder verwachte antwoorden in de toegangsmatrix: {ontbrekend}"
    verouderd = [naam for naam in MATRIX if naam not in project_url_namen()]
    assert verouderd == [], f"matrix noemt URL's die niet (meer) bestaan: {verouderd}"


@pytest.fixture
def objecten(
    vertrouwenspersoon, andere_vertrouwenspersoon, analist, coordinator, maak_melding, maak_betrokkene
):
    melding = maak_melding(klokkenluidersmelding=True)
    betrokkene = maak_betrokkene(melding)
    # Rows of the running year: a closed year's row is shown, not changed.
    open_jaar = {"jaar": timezone.localdate().year, "kwartaal": 1}
    eigen_rij = AdviesvraagFactory(eigenaar=vertrouwenspersoon, **open_jaar)
    andermans_rij = AdviesvraagFactory(eigenaar=andere_vertrouwenspersoon, **open_jaar)
    profiel = VertrouwenspersoonProfielFactory(
        naam="Pieter Post", onderdeel=Onderdeel.objects.get(code="douane")
    )
    status = CertificeringsstatusFactory(
        vertrouwenspersoon=profiel, status=Certificeringsstatus.Status.BEZIG, vanaf=datetime.date(2021, 1, 1)
    )
    registerimport = ImportbestandFactory(door=analist)
    rapport_ministerie = RapportFactory(jaar=2024, aangevraagd_door=coordinator)
    rapportdeel = RapportdeelFactory(jaar=2023)
    vaststelling = VaststellingFactory(
        jaar=2023, bestand="vastgesteld/ontbreekt.pdf", vastgesteld_door=coordinator
    )
    rapport_douane = RapportFactory(
        jaar=2024, onderdeel=Onderdeel.objects.get(code="douane"), aangevraagd_door=coordinator
    )
    reeks = ReeksFactory(jaar=2024, aangevraagd_door=coordinator)
    return {
        "eigen_rij": {"pk": eigen_rij.pk},
        "andermans_rij": {"pk": andermans_rij.pk},
        "profiel": {"pk": profiel.pk},
        "status": {"pk": profiel.pk, "status_pk": status.pk},
        "melding": {"pk": melding.pk},
        "betrokkene": {"pk": betrokkene.pk},
        "betrokkene_pk": {"betrokkene_pk": betrokkene.pk},
        "registerimport": {"pk": registerimport.pk},
        "rapport_ministerie": {"pk": rapport_ministerie.pk},
        "rapport_douane": {"pk": rapport_douane.pk},
        "tabel": {"sleutel": "oif-melder"},
        "hoofdstuk": {"hoofdstuk": "oif"},
        "rapportdeel": {"pk": rapportdeel.pk},
        "account": {"pk": analist.pk},
        "vp_account": {"pk": vertrouwenspersoon.pk},
        "vaststelling": {"pk": vaststelling.pk},
        "reeks": {"pk": reeks.pk},
    }


@pytest.fixture
def gebruikers(vertrouwenspersoon, analist, coordinator, coordinator_douane, beheerder):
    return {
        "anoniem": None,
        "vp": vertrouwenspersoon,
        "analist": analist,
        "coordinator": coordinator,
        "coordinator_douane": coordinator_douane,
        "beheerder": beheerder,
    }


def _antwoord(client, gebruiker, url):
    client.logout()
    if gebruiker is not None:
        client.force_login(gebruiker)
    return client.get(url)


def _klopt(antwoord, verwacht) -> bool:
    if verwacht == LOGIN:
        return antwoord.status_code == 302 and antwoord["Location"].startswith(reverse("kern:login"))
    if isinstance(verwacht, str):
        return antwoord.status_code == 302 and antwoord["Location"].split("?")[0] == verwacht
    return antwoord.status_code == verwacht


def test_toegangsmatrix(client, objecten, gebruikers):
    afwijkingen = []
    for naam in project_url_namen():
        sleutel, verwachtingen = MATRIX[naam]
        url = reverse(naam, kwargs=objecten[sleutel] if sleutel else None)
        for rol, verwacht in zip(ROLLEN, verwachtingen, strict=True):
            antwoord = _antwoord(client, gebruikers[rol], url)
            if not _klopt(antwoord, verwacht):
                afwijkingen.append(f"{rol} {url}: verwacht {verwacht}, kreeg {antwoord.status_code}")
    assert not afwijkingen, "\n".join(afwijkingen)


def test_andermans_rij_in_de_tellijst_bestaat_niet_voor_een_vertrouwenspersoon(
    client, objecten, vertrouwenspersoon
):
    client.force_login(vertrouwenspersoon)
    for naam in ("vertrouwenspersonen:wijzigen", "vertrouwenspersonen:verwijderen"):
        assert client.get(reverse(naam, kwargs=objecten["andermans_rij"])).status_code == 404, naam
    for naam in ("vertrouwenspersonen:bijwerken", "vertrouwenspersonen:verwijderen"):
        assert client.post(reverse(naam, kwargs=objecten["andermans_rij"])).status_code == 404, naam


def test_rapport_van_een_ander_onderdeel_bestaat_niet_voor_de_coordinator_douane(
    client, objecten, coordinator_douane
):
    client.force_login(coordinator_douane)
    assert client.get(reverse("rapportage:status", kwargs=objecten["rapport_douane"])).status_code == 200
    assert client.get(reverse("rapportage:status", kwargs=objecten["rapport_ministerie"])).status_code == 404
    assert (
        client.post(reverse("rapportage:opnieuw", kwargs=objecten["rapport_ministerie"])).status_code == 404
    )
    assert (
        client.get(reverse("rapportage:download", kwargs=objecten["rapport_ministerie"])).status_code == 404
    )


def test_registerupload_van_een_andere_analist_bestaat_niet(client, objecten, maak_gebruiker):
    from finintegriteit.kern import rollen as r

    client.force_login(maak_gebruiker("analist2", r.OIF_ANALIST))
    assert client.get(reverse("afdoeningen:voorbeeld", kwargs=objecten["registerimport"])).status_code == 404
    assert (
        client.post(reverse("afdoeningen:bevestigen", kwargs=objecten["registerimport"])).status_code == 404
    )


def test_de_beheerder_toetst_in_beheer_niet_of_een_melding_of_tellijstrij_bestaat(
    client, beheerder, objecten, maak_melding
):
    """The attack: Django's /beheer/r/<type>/<id>/ redirected to an object that exists and answered 404
    for one that does not, so a beheerder could poll for new meldingen, melder identities or Tellijst
    rows without any audit row. Now every such address answers the same 404."""
    from django.contrib.contenttypes.models import ContentType

    from meldingen.models import Melding
    from vertrouwenspersonen.models import Adviesvraag

    client.force_login(beheerder)
    for model, bestaand, onbekend in (
        (Melding, objecten["melding"]["pk"], 999999),
        (Adviesvraag, objecten["eigen_rij"]["pk"], "00000000-0000-0000-0000-000000000000"),
    ):
        soort = ContentType.objects.get_for_model(model).pk
        antwoorden = [client.get(f"/beheer/r/{soort}/{pk}/") for pk in (bestaand, onbekend)]
        assert [a.status_code for a in antwoorden] == [404, 404], model
        zonder_token = [re.sub(r'value="[^"]*"', "", a.content.decode()) for a in antwoorden]
        assert zonder_token[0] == zonder_token[1], model
