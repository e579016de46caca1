"""Required fields are marked one way on every form: the optional ones say '(optioneel)', no asterisks;
a search form, where every field is optional, marks none."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_optionele_velden_zeggen_optioneel_en_nergens_een_sterretje(client, analist, vertrouwenspersoon):
    client.force_login(analist)
    melding = client.get(reverse("meldingen:nieuw")).content.decode()
    assert "asteriskField" not in melding and "*</span>" not in melding
    assert "(optioneel)" in melding
    client.force_login(vertrouwenspersoon)
    tellijst = client.get(reverse("vertrouwenspersonen:invoeren")).content.decode()
    assert "(optioneel)" in tellijst and "asteriskField" not in tellijst


def test_een_zoekformulier_markeert_niets(client, analist, beheerder):
    client.force_login(analist)
    werkvoorraad = client.get(reverse("meldingen:werkvoorraad")).content.decode()
    client.force_login(beheerder)
    audit = client.get(reverse("meldingen:audit")).content.decode()
    for html in (werkvoorraad, audit):
        assert "(optioneel)" not in html and "asteriskField" not in html


def test_inloggen_heeft_alleen_verplichte_velden_en_dus_geen_markering(client):
    html = client.get(reverse("kern:login")).content.decode()
    assert "asteriskField" not in html and "(optioneel)" not in html
