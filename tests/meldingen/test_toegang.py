"""Who reaches which meldingen page: only OIF analists; the beheerder only the audit trail."""

import pytest
from django.urls import URLPattern, reverse

from finintegriteit.kern.models import AuditRegel
from meldingen import urls as meldingen_urls
from tests.bouwstenen.meldingen import recht

pytestmark = pytest.mark.django_db

ALLEEN_POST = {"status", "heropenen", "aantekening_toevoegen", "document_toevoegen", "bericht_versturen"}
ANDERE_ROLLEN = ["vertrouwenspersoon", "coordinator", "coordinator_douane", "buitenstaander"]


@pytest.fixture
def alle_urls(maak_melding, maak_betrokkene):
    """Every URL of the meldingen app, with a real melding or betrokkene where it takes a pk."""
    melding = maak_melding(klokkenluidersmelding=True)
    betrokkene = maak_betrokkene(melding)
    urls = {}
    for patroon in meldingen_urls.urlpatterns:
        assert isinstance(patroon, URLPattern)
        naam = patroon.name
        if "<int:pk>" not in str(patroon.pattern):
            urls[naam] = reverse(f"meldingen:{naam}")
        else:
            pk = betrokkene.pk if naam in ("betrokkene_wijzigen", "betrokkene_verwijderen") else melding.pk
            urls[naam] = reverse(f"meldingen:{naam}", args=[pk])
    assert len(urls) == len(meldingen_urls.urlpatterns) >= 12
    return urls


def opvragen(client, naam, url):
    return client.post(url, {}) if naam in ALLEEN_POST else client.get(url)


@pytest.mark.parametrize("persona", ANDERE_ROLLEN)
def test_andere_rollen_krijgen_403_op_elke_meldingenpagina(client, request, alle_urls, persona):
    client.force_login(request.getfixturevalue(persona))
    for naam, url in alle_urls.items():
        antwoord = opvragen(client, naam, url)
        assert antwoord.status_code == 403, f"{naam} lekte naar {persona}: {antwoord.status_code}"
        assert b"OIF-2025" not in antwoord.content, f"{naam} toonde een meldingsnummer aan {persona}"


def test_de_beheerder_bereikt_alleen_de_audittrail(client, beheerder, alle_urls):
    client.force_login(beheerder)
    for naam, url in alle_urls.items():
        verwacht = 200 if naam in ("audit", "audit_export") else 403
        assert opvragen(client, naam, url).status_code == verwacht, naam


def test_de_analist_bereikt_alles_behalve_de_audittrail_en_de_bijzondere_rechten(client, analist, alle_urls):
    client.force_login(analist)
    verwacht = {naam: 200 for naam in alle_urls} | {
        "audit": 403,  # who looked at what is for the beheerder
        "audit_export": 403,
        "melder": 403,  # needs melder_identiteit_inzien
        "heropenen": 403,  # needs melding_heropenen
        "termijnen_vastleggen": 403,  # how the melder was reached: needs melder_identiteit_inzien
        "afschermen": 403,  # for the behandelaar and the teamleider
        "status": 200,  # the empty form comes back with its errors
        "aantekening_toevoegen": 400,  # the case page with the form's error
        "document_toevoegen": 400,
        "bericht_versturen": 400,
        "document_downloaden": 404,  # the melding's pk is no document
        "mijn_zaken": 200,
    }
    gekregen = {naam: opvragen(client, naam, url).status_code for naam, url in alle_urls.items()}
    assert gekregen == verwacht


def test_met_de_bijzondere_rechten_komt_de_analist_verder(client, analist, alle_urls):
    client.force_login(recht(recht(analist, "melder_identiteit_inzien"), "melding_heropenen"))
    assert client.get(alle_urls["melder"]).status_code == 200
    # The melding is open, so reopening is refused by the service, not by access control.
    assert client.post(alle_urls["heropenen"], {}).status_code == 200


def test_geweigerde_pogingen_staan_in_de_audittrail(client, vertrouwenspersoon, alle_urls):
    client.force_login(vertrouwenspersoon)
    for naam, url in alle_urls.items():
        opvragen(client, naam, url)
    geweigerd = AuditRegel.objects.filter(actie=AuditRegel.Actie.GEWEIGERD, gebruiker=vertrouwenspersoon)
    # Every page about one melding or betrokkene; the lists are about no object in particular.
    assert geweigerd.count() == len(
        [
            n
            for n in alle_urls
            if n not in {"werkvoorraad", "mijn_zaken", "nieuw", "termijnen", "audit", "audit_export"}
        ]
    )


def test_de_bijzondere_rechten_zitten_in_eigen_groepen_en_niet_in_de_rol(db):
    from django.contrib.auth.models import Group

    analist = Group.objects.get(name="OIF-analist")
    assert not analist.permissions.filter(
        codename__in=["melder_identiteit_inzien", "melding_heropenen"]
    ).exists()
    assert Group.objects.get(name="OIF: identiteit melder inzien").permissions.get().codename == (
        "melder_identiteit_inzien"
    )
    assert (
        Group.objects.get(name="OIF: afgedane melding heropenen").permissions.get().codename
        == "melding_heropenen"
    )


def test_de_navigatie_van_de_analist_toont_de_meldingenpaginas(client, analist):
    client.force_login(analist)
    html = client.get(reverse("meldingen:werkvoorraad")).content.decode()
    for naam in ("werkvoorraad", "nieuw", "termijnen"):
        assert f'href="{reverse(f"meldingen:{naam}")}"' in html
    assert reverse("meldingen:audit") not in html
    # The start page sends the analist to the werkvoorraad.
    assert client.get("/")["Location"] == reverse("meldingen:werkvoorraad")
