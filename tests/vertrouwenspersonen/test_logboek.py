"""No log line carries the id of a Tellijst row: with the time and address of a request it would point
at whoever changed the row."""

import io
import logging
import uuid

import pytest
from django.urls import reverse

from finintegriteit.logboek import TellijstFilter
from tests.bouwstenen.logboek import gunicorn_toegangslog


def test_het_toegangslog_van_gunicorn_noemt_geen_rij(tmp_path):
    rij = uuid.uuid4()
    verzoek = gunicorn_toegangslog(
        tmp_path / "toegang.log", '%(h)s %(t)s "%(r)s" %(s)s "%(f)s" %({location}o)s %(U)s'
    )
    verzoek(
        f"/tellijst/{rij}/bijwerken/",
        methode="POST",
        status="302 Found",
        antwoordkoppen=[("Location", f"/tellijst/mijn/#adviesvraag-{rij}")],
        REMOTE_ADDR="10.1.2.3",
        HTTP_REFERER=f"https://integriteit.example/tellijst/{rij}/wijzigen/",
    )
    regel = (tmp_path / "toegang.log").read_text()
    assert "10.1.2.3" in regel and "POST /tellijst/…/bijwerken/" in regel
    assert str(rij) not in regel and rij.hex not in regel


@pytest.mark.django_db
def test_djangos_logregels_noemen_geen_rij(vp_client):
    handler = next(
        h for h in logging.getLogger().handlers if any(isinstance(f, TellijstFilter) for f in h.filters)
    )
    uitvoer = io.StringIO()
    vorige = handler.setStream(uitvoer)
    try:
        rij = uuid.uuid4()
        assert vp_client.get(reverse("vertrouwenspersonen:wijzigen", args=[rij])).status_code == 404
    finally:
        handler.setStream(vorige)
    regels = uitvoer.getvalue()
    assert "Not Found: /tellijst/…/wijzigen/" in regels
    assert str(rij) not in regels
