"""Whoever can write to the cache (Redis) cannot put markup on a page.

The dashboard's figures part and the werkvoorraad's filter fields are kept in the cache as rendered
HTML. The attack: every entry under those keys is replaced by markup. The pages must show their own
rendering instead, never the planted markup.
"""

import pytest
from django.core.cache import cache
from django.urls import reverse

pytestmark = pytest.mark.django_db

GIF = '<script id="vergif">alert(1)</script><p id="vergif-p">overgenomen</p>'


@pytest.fixture
def vergiftigde_cache(monkeypatch):
    echt = cache.get

    def get(sleutel, *args, **kwargs):
        if sleutel.startswith("dashboard:"):
            return {"html": GIF, "tellijst_gepubliceerd_op": None, "drempel": 0, "tellijst_drempel": None}
        if sleutel.startswith("fragment:"):
            return GIF
        return echt(sleutel, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)


def test_een_vergiftigde_cache_komt_niet_op_het_dashboard(client, coordinator, vergiftigde_cache):
    client.force_login(coordinator)
    pagina = client.get(reverse("rapportage:dashboard"), {"jaar": 2024}).content.decode()
    assert "vergif" not in pagina
    assert 'id="kerncijfers"' in pagina, "het eigen cijferdeel staat er"


def test_een_vergiftigde_cache_komt_niet_in_de_werkvoorraad(analist_client, vergiftigde_cache):
    pagina = analist_client.get(reverse("meldingen:werkvoorraad")).content.decode()
    assert "vergif" not in pagina
    assert "<form" in pagina
