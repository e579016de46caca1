"""Roles exist with their permissions, and no page is reachable without logging in."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from finintegriteit.kern import rollen as r
from finintegriteit.kern.toegang import PUBLIEK, toegang_van
from tests.bouwstenen.inloggen import WACHTWOORD
from tests.url_patronen import alle_urls

pytestmark = pytest.mark.django_db


def project_urls():
    return [(url, view) for url, view in alle_urls() if not url.startswith("/beheer/")]


def test_rollen_bestaan_met_hun_rechten():
    assert set(Group.objects.values_list("name", flat=True)) >= set(r.ALLE_ROLLEN)
    analist = Group.objects.get(name=r.OIF_ANALIST)
    assert analist.permissions.filter(codename="change_melding").exists()
    assert not analist.permissions.filter(content_type__app_label="vertrouwenspersonen").exists()
    vp = Group.objects.get(name=r.VERTROUWENSPERSOON)
    assert not vp.permissions.filter(content_type__app_label__in=["meldingen", "afdoeningen"]).exists()
    beheer = Group.objects.get(name=r.BEHEERDER)
    assert beheer.permissions.filter(codename="change_subcategorie").exists()


def test_elke_view_verklaart_wie_hem_mag_gebruiken():
    zonder = [url for url, view in project_urls() if toegang_van(view) is None]
    assert zonder == [], f"views zonder toegangsverklaring: {zonder}"


def test_elke_pagina_behalve_de_publieke_stuurt_een_anonieme_bezoeker_naar_inloggen(client):
    """Only views declared `publiek` (the login page, the meldkanaal for employees) open without login."""
    login = reverse("kern:login")
    gecontroleerd = 0
    for url, view in alle_urls():
        if url == "/beheer/login/" or toegang_van(view) == PUBLIEK:
            continue
        antwoord = client.get(url)
        assert antwoord.status_code == 302, f"{url} gaf {antwoord.status_code} aan een anonieme bezoeker"
        verwacht = "/beheer/" if url.startswith("/beheer/") else login
        assert antwoord["Location"].startswith(verwacht), f"{url} stuurt naar {antwoord['Location']}"
        gecontroleerd += 1
    assert gecontroleerd > 3


def test_inloggen_en_uitloggen(client, vertrouwenspersoon):
    antwoord = client.get(reverse("kern:login"))
    assert antwoord.status_code == 200
    assert 'lang="nl"' in antwoord.content.decode()
    antwoord = client.post(reverse("kern:login"), {"username": "vp", "password": WACHTWOORD})
    assert antwoord.status_code == 302
    antwoord = client.post(reverse("kern:logout"))
    assert antwoord.status_code == 302
    assert client.get("/").status_code == 302


def test_verkeerd_wachtwoord_geeft_een_nederlandse_melding(client, vertrouwenspersoon):
    antwoord = client.post(reverse("kern:login"), {"username": "vp", "password": "fout"})
    assert antwoord.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in antwoord.content.decode()


@pytest.mark.productie_wachtwoorden
def test_wachtwoorden_worden_met_argon2_opgeslagen(vertrouwenspersoon):
    assert vertrouwenspersoon.password.startswith("argon2")


def test_gebruiker_zonder_rol_ziet_geen_navigatie(client, buitenstaander):
    client.force_login(buitenstaander)
    antwoord = client.get("/")
    assert antwoord.status_code == 200
    assert "nog geen rol" in antwoord.content.decode()


def test_pagina_heeft_landmarks_en_skiplink(client, buitenstaander):
    client.force_login(buitenstaander)
    html = client.get("/").content.decode()
    assert 'href="#inhoud"' in html and '<main id="inhoud"' in html and "<nav" in html


def test_paginas_worden_niet_gecachet_en_hebben_een_csp(client, buitenstaander):
    client.force_login(buitenstaander)
    antwoord = client.get("/")
    assert antwoord["Cache-Control"] == "no-store"
    assert "script-src 'self'" in antwoord["Content-Security-Policy"]
    assert "unsafe-inline" not in antwoord["Content-Security-Policy"]


def test_alleen_inloggen_en_het_meldkanaal_zijn_publiek():
    publiek = sorted(url for url, view in project_urls() if toegang_van(view) == PUBLIEK)
    assert all(url == reverse("kern:login") or url.startswith("/melden/") for url in publiek), publiek
