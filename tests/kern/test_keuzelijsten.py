"""Option lists of the forms come from the process's lists, and a taxonomy change reaches them at once.

A test transaction never commits, so writes that must count as committed run inside
`django_capture_on_commit_callbacks(execute=True)`.
"""

from contextlib import contextmanager

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from redis.exceptions import ConnectionError as RedisConnectionError

from finintegriteit.kern import cacheversie
from finintegriteit.referentie import models as ref
from tests.bouwstenen.tellijst import formulier, geldige_invoer
from vertrouwenspersonen import regels
from vertrouwenspersonen.models import Adviesvraag

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def midden_2025():
    with time_machine.travel("2025-06-15 10:00 +0200"):
        yield


TELLIJST = reverse("vertrouwenspersonen:invoeren")
WERKVOORRAAD = reverse("meldingen:werkvoorraad")


def labels_in_lijst(client, veld: str, pad=TELLIJST) -> str:
    html = client.get(pad).content.decode()
    begin = html.index(f'name="{veld}"')
    return html[begin : html.index("</select>", begin)]


def referentiequeries(client, pad) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(pad).status_code == 200
    return [q["sql"] for q in queries.captured_queries if "referentie_" in q["sql"]]


def test_een_tweede_bezoek_aan_de_tellijst_leest_geen_taxonomie(vp_client):
    assert referentiequeries(vp_client, TELLIJST), "het eerste bezoek leest de lijsten"
    assert referentiequeries(vp_client, TELLIJST) == []


def test_een_tweede_bezoek_aan_de_werkvoorraad_leest_geen_taxonomie(client, analist):
    client.force_login(analist)
    referentiequeries(client, WERKVOORRAAD)
    assert referentiequeries(client, WERKVOORRAAD) == []


def test_een_nieuwe_optie_staat_bij_het_volgende_bezoek_in_de_lijst(
    vp_client, django_capture_on_commit_callbacks
):
    assert "Omgaan met AI-hulpmiddelen" not in labels_in_lijst(vp_client, "wie_betreft")
    with django_capture_on_commit_callbacks(execute=True):
        ref.WieBetreft.objects.create(code="ai", label="Omgaan met AI-hulpmiddelen", eerste_jaar=2025)
    assert "Omgaan met AI-hulpmiddelen" in labels_in_lijst(vp_client, "wie_betreft")


def test_een_beeindigde_optie_verdwijnt_uit_de_lijst(vp_client, django_capture_on_commit_callbacks):
    optie = ref.WieBetreft.objects.get(code="direct-leidinggevende")
    assert f'value="{optie.pk}"' in labels_in_lijst(vp_client, "wie_betreft")
    optie.laatste_jaar = 2024
    with django_capture_on_commit_callbacks(execute=True):
        optie.save()
    assert f'value="{optie.pk}"' not in labels_in_lijst(vp_client, "wie_betreft")


def test_een_gewijzigde_optie_wordt_na_de_commit_opnieuw_gelezen(django_capture_on_commit_callbacks):
    """Another process may read the old rows between the save and the commit; the commit retires them."""
    optie = ref.Onderdeel.objects.get(code="douane")
    with django_capture_on_commit_callbacks() as na_commit:
        optie.label = "Douane Nederland"
        optie.save()
        tijdens = cache.get("referentie:versie")
    for callback in na_commit:
        callback()
    assert cache.get("referentie:versie") != tijdens


def test_een_taxonomie_bijwerken_in_bulk_ververst_de_lijst(vp_client, django_capture_on_commit_callbacks):
    """QuerySet.update sends no save signal; the statement itself is seen (kern/schrijfacties.py)."""
    optie = ref.WieBetreft.objects.get(code="direct-leidinggevende")
    assert f'value="{optie.pk}"' in labels_in_lijst(vp_client, "wie_betreft")
    with django_capture_on_commit_callbacks(execute=True):
        ref.WieBetreft.objects.filter(pk=optie.pk).update(laatste_jaar=2024)
    assert f'value="{optie.pk}"' not in labels_in_lijst(vp_client, "wie_betreft")


@contextmanager
def als_ander_proces():
    """Writes in this block are not seen by this process, as if another process made them: only the
    shared token tells this one, within a second of that process's commit."""
    vorige = connection.execute_wrappers
    connection.execute_wrappers = []
    try:
        yield
    finally:
        connection.execute_wrappers = vorige


def test_een_verouderde_lijst_kan_een_beeindigde_optie_niet_opslaan(vp_client):
    """The lists may be a moment behind; the form still checks every choice against the database."""
    vp_client.get(TELLIJST)  # the lists are read now
    optie = ref.WieBetreft.objects.get(code="direct-leidinggevende")
    with als_ander_proces():
        ref.WieBetreft.objects.filter(pk=optie.pk).update(laatste_jaar=2024)
    assert f'value="{optie.pk}"' in labels_in_lijst(vp_client, "wie_betreft")

    antwoord = vp_client.post(TELLIJST, geldige_invoer(wie_betreft=optie.pk))

    assert antwoord.status_code == 200
    fout = regels.NIET_IN_GEBRUIK.format(label=optie.label, jaar=2025)
    assert escape(fout) in formulier(antwoord.content.decode())
    assert not Adviesvraag.objects.exists()


def test_zonder_bereikbare_cache_komen_de_lijsten_uit_de_database(vp_client, monkeypatch):
    def onbereikbaar(*args, **kwargs):
        raise RedisConnectionError("weg")

    monkeypatch.setattr(cache, "get", onbereikbaar)
    monkeypatch.setattr(cache, "set", onbereikbaar)
    assert "Direct leidinggevende" in labels_in_lijst(vp_client, "wie_betreft")
    assert referentiequeries(vp_client, TELLIJST), "zonder cache leest elk bezoek de lijsten"


def test_de_werkvoorraad_biedt_elk_onderdeel_en_elke_analist_aan(client, analist, maak_gebruiker):
    collega = maak_gebruiker("collega", "OIF-analist")
    collega.first_name, collega.last_name = "Sanne", "de Vries"
    collega.save()
    client.force_login(analist)
    onderdelen = labels_in_lijst(client, "dienstonderdeel", WERKVOORRAAD)
    for onderdeel in ref.Onderdeel.objects.all():
        assert f'value="{onderdeel.pk}">{onderdeel.label}<' in onderdelen
    behandelaars = labels_in_lijst(client, "behandelaar", WERKVOORRAAD)
    assert f'value="{collega.pk}">Sanne de Vries<' in behandelaars
    assert f'value="{analist.pk}">' in behandelaars


def test_een_wijziging_uit_een_ander_proces_is_binnen_een_seconde_zichtbaar(vp_client, monkeypatch):
    klok = [1000.0]
    monkeypatch.setattr(cacheversie.time, "monotonic", lambda: klok[0])
    assert "Collega eigen organisatieonderdeel" in labels_in_lijst(vp_client, "wie_betreft")

    # Another web process renames the option and, at its commit, replaces the shared token.
    with als_ander_proces():
        ref.WieBetreft.objects.filter(label="Collega eigen organisatieonderdeel").update(
            label="Collega in het team"
        )
    cache.set("referentie:versie", "token-van-het-andere-proces", timeout=None)
    klok[0] += 0.5
    assert "Collega in het team" not in labels_in_lijst(vp_client, "wie_betreft"), "de token is net gelezen"
    klok[0] += 0.5
    assert "Collega in het team" in labels_in_lijst(vp_client, "wie_betreft")
