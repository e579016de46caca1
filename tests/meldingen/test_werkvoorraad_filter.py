"""The werkvoorraad's filter fields always show the filter the analist chose and the current options."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from finintegriteit.referentie.models import Onderdeel

pytestmark = pytest.mark.django_db

WERKVOORRAAD = reverse("meldingen:werkvoorraad")


def pagina(client, **params):
    antwoord = client.get(WERKVOORRAAD, params)
    assert antwoord.status_code == 200
    return antwoord


def keuzelijst(antwoord, veld: str) -> str:
    html = antwoord.content.decode()
    begin = html.index(f'name="{veld}"')
    return html[begin : html.index("</select>", begin)]


def gekozen(antwoord, veld: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)"[^>]*selected', keuzelijst(antwoord, veld))


def test_elk_filter_toont_zijn_eigen_keuze(analist_client):
    douane = Onderdeel.objects.get(code="douane").pk
    belastingdienst = Onderdeel.objects.get(code="belastingdienst").pk
    assert gekozen(pagina(analist_client, dienstonderdeel=douane), "dienstonderdeel") == [str(douane)]
    assert gekozen(pagina(analist_client, dienstonderdeel=belastingdienst), "dienstonderdeel") == [
        str(belastingdienst)
    ]
    assert gekozen(pagina(analist_client, dienstonderdeel=douane), "dienstonderdeel") == [str(douane)]
    assert gekozen(pagina(analist_client, dienstonderdeel=""), "dienstonderdeel") == [""]


def test_een_fout_staat_alleen_bij_de_foute_invoer(analist_client):
    assert "Selecteer een geldige keuze" in pagina(analist_client, status="kapot").content.decode()
    assert "Voer een geheel getal in" in pagina(analist_client, jaar="2024.5").content.decode()
    assert "Selecteer een geldige keuze" not in pagina(analist_client, status="alle").content.decode()


def test_een_nieuwe_analist_staat_meteen_in_de_lijst(analist_client, maak_gebruiker):
    pagina(analist_client)
    nieuw = maak_gebruiker("nieuwe-analist", "OIF-analist")
    assert f'value="{nieuw.pk}">nieuwe-analist<' in keuzelijst(pagina(analist_client), "behandelaar")


def test_een_nieuw_onderdeel_staat_meteen_in_de_lijst(analist_client):
    pagina(analist_client)
    nieuw = Onderdeel.objects.create(code="nieuw", label="Nieuw onderdeel", eerste_jaar=2020)
    assert f'value="{nieuw.pk}">Nieuw onderdeel<' in keuzelijst(pagina(analist_client), "dienstonderdeel")


def test_zonder_bereikbare_cache_werkt_het_filter_gewoon(analist_client, monkeypatch):
    def onbereikbaar(*args, **kwargs):
        raise RedisConnectionError("weg")

    monkeypatch.setattr(cache, "get", onbereikbaar)
    monkeypatch.setattr(cache, "set", onbereikbaar)
    douane = Onderdeel.objects.get(code="douane").pk
    antwoord = pagina(analist_client, dienstonderdeel=douane)
    assert gekozen(antwoord, "dienstonderdeel") == [str(douane)]


def test_een_analist_die_vertrekt_of_een_andere_naam_krijgt_staat_meteen_goed_in_de_lijst(
    analist_client, maak_gebruiker
):
    vertrekt = maak_gebruiker("vertrekt", "OIF-analist")
    andere_rol = maak_gebruiker("andere-rol", "OIF-analist")
    hernoemd = maak_gebruiker("hernoemd", "OIF-analist")
    assert f'value="{vertrekt.pk}"' in keuzelijst(pagina(analist_client), "behandelaar")
    vertrekt.is_active = False
    vertrekt.save()
    andere_rol.groups.clear()
    hernoemd.first_name, hernoemd.last_name = "Fenna", "de Graaf"
    hernoemd.save()
    lijst = keuzelijst(pagina(analist_client), "behandelaar")
    assert f'value="{vertrekt.pk}"' not in lijst
    assert f'value="{andere_rol.pk}"' not in lijst
    assert f'value="{hernoemd.pk}">Fenna de Graaf<' in lijst
