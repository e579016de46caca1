"""Whoever can write to the cache (Redis) cannot put markup on a page, nor run code in the application.

The attack: the dashboard's cached figures are overwritten with figures whose labels are markup (and,
against Redis itself, with a pickle that would run code when read). The page must show the planted
text escaped, never as markup; the pickle must not be run.
"""

import json
import os
import pickle

import pytest
from django.core.cache import cache

from finintegriteit.kern.cacheserialisatie import JsonSerialisatie
from rapportage import cijfercache, inhoud
from tests.bouwstenen import dashboard_met_tabellen
from tests.bouwstenen.tellijst import tellijst_gepubliceerd

pytestmark = pytest.mark.django_db

GIF = '<script id="vergif">alert(1)</script><b id="vergif-b">overgenomen</b>'


def dashboard(client) -> str:
    """The page with every chapter's tables opened: every place a cached label can appear."""
    return dashboard_met_tabellen(client, jaar=2024).content.decode()


def vergiftigen() -> int:
    """Put markup into every label and text of every cached entry of the current version."""
    geraakt = 0
    versie = cache.get(cijfercache.VERSIE_SLEUTEL)
    sleutels = [
        cijfercache._sleutel(soort, versie=versie, delen=delen, onderdeel=None)
        for soort, delen in [("pagina", (2024,)), ("cijfers", (2024,))]
    ]
    for sleutel in sleutels:
        tekst = cache.get(sleutel)
        if tekst is None:
            continue
        cache.set(sleutel, json.dumps(_met_gif(json.loads(tekst))))
        geraakt += 1
    return geraakt


def _met_gif(waarde):
    """Every label (the text of a table row) prefixed with markup; the numbers left as they are."""
    if isinstance(waarde, dict):
        return {k: GIF + v if k == "label" and isinstance(v, str) else _met_gif(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_met_gif(v) for v in waarde]
    return waarde


def test_markup_in_de_gecachte_cijfers_komt_ontsnapt_op_het_dashboard(client, coordinator):
    tellijst_gepubliceerd(6)
    client.force_login(coordinator)
    # Filled as another worker would: a process that built the page keeps what it built while the
    # entry lives (cijfercache.afgeleid); the poisoned entry is read by one that has not built it yet.
    inhoud.dashboardcijfers(jaar=2024)
    assert vergiftigen() == 2

    pagina = dashboard(client)

    for markup in ('<script id="vergif"', '<b id="vergif-b"'):
        plek = pagina.find(markup)
        assert plek < 0, f"geplante markup staat als markup op de pagina: {pagina[plek - 300 : plek + 50]}"
    assert "&lt;script id=&quot;vergif&quot;&gt;" in pagina, "de geplante tekst kwam uit de cache, ontsnapt"


def test_gepickelde_objecten_worden_uit_redis_niet_gelezen():
    """Django's default pickles; the project's serialiser reads JSON only, so a planted pickle (which could
    run code, or be a SafeString a template trusts) is a miss."""
    from django.utils.safestring import SafeString

    serialisatie = JsonSerialisatie()
    assert serialisatie.loads(pickle.dumps(SafeString(GIF))) is None
    assert serialisatie.loads(serialisatie.dumps({"a": [1, "b"]})) == {"a": [1, "b"]}
    assert serialisatie.loads(serialisatie.dumps(41)) == 41


GEPICKELD = "/tmp/cache-vergiftigd"


class Aanval:
    """A pickle that runs a command when it is read."""

    def __reduce__(self):
        return (os.system, (f"touch {GEPICKELD}",))


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="Redis nodig (draait in CI)")
def test_in_redis_geschreven_bytes_bereiken_het_dashboard_niet(client, coordinator):
    """Against the real Redis: the attacker writes raw bytes under the keys, past Django."""
    import redis
    from django.conf import settings

    if os.path.exists(GEPICKELD):
        os.remove(GEPICKELD)
    tellijst_gepubliceerd(6)
    client.force_login(coordinator)
    dashboard(client)
    ruw = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    sleutels = ruw.keys("*:pagina:*")
    assert sleutels, "het dashboard bewaarde zijn cijfers niet in Redis"
    for sleutel in sleutels:
        ruw.set(sleutel, pickle.dumps(Aanval()))

    pagina = dashboard(client)

    assert not os.path.exists(GEPICKELD), "een geplante pickle werd uitgevoerd"
    assert 'id="kerncijfers"' in pagina, "het dashboard rekende de cijfers opnieuw uit"
    for sleutel in sleutels:
        ruw.set(sleutel, json.dumps(GIF))
    assert "<script id=" not in dashboard(client)
