"""Django's own error answers (CSRF failure, 400, 403, 404, 500) speak Dutch in the site's layout."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.bouwstenen.inloggen import WACHTWOORD

# The site's layout: the navigation bar and the footer of base.html.
HUISSTIJL = ("FinIntegriteit", "Ministerie van Financiën · Integriteit", 'lang="nl"')


def in_huisstijl(html: str) -> bool:
    return all(stuk in html for stuk in HUISSTIJL)


@pytest.mark.django_db
def test_verlopen_formulier_geeft_nederlandse_pagina_zonder_engels(analist):
    browser = Client(enforce_csrf_checks=True)
    antwoord = browser.post(reverse("kern:login"), {"username": analist.username, "password": WACHTWOORD})
    html = antwoord.content.decode()
    assert antwoord.status_code == 403
    assert "Formulier verlopen" in html and "niets opgeslagen" in html
    assert "CSRF verification failed" not in html and "Forbidden" not in html
    assert in_huisstijl(html)


@pytest.mark.django_db
def test_onbekende_host_geeft_nederlandse_400():
    antwoord = Client(HTTP_HOST="aanvaller.example").get("/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Ongeldig verzoek" in html and "Bad Request" not in html
    assert in_huisstijl(html)


@pytest.mark.django_db
def test_onbekende_pagina_geeft_nederlandse_404(client, analist):
    client.force_login(analist)
    antwoord = client.get("/bestaat-niet/")
    assert antwoord.status_code == 404
    assert "Niet gevonden" in antwoord.content.decode() and in_huisstijl(antwoord.content.decode())
