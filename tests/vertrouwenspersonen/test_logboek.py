"""No log line carries the id of a Tellijst row: with the time and address of a request it would point
at whoever changed the row."""

import io
import logging
import uuid

import pytest
from django.urls import reverse

from finintegriteit.logboek import TellijstFilter
from tests.bouwstenen.logboek import gunicorn_toegangslog


def test_het_toegangslog_van_gunicorn_schrijft_geen_regel_over_de_tellijst(tmp_path):
    """The attack: a line per save ('POST /tellijst/ 302' with address and second), read beside the order
    of the day's rows in the table before the nightly mix, tied a row to a desk. Now the Tellijst, and
    whatever its pages load, has no line; other pages keep theirs, without any row id."""
    rij = uuid.uuid4()
    log = tmp_path / "toegang.log"
    verzoek = gunicorn_toegangslog(log, '%(h)s %(t)s "%(r)s" %(s)s "%(f)s" %({location}o)s %(U)s')
    verzoek("/tellijst/", methode="POST", status="302 Found", REMOTE_ADDR="10.1.2.3")
    verzoek(
        f"/tellijst/{rij}/bijwerken/",
        methode="POST",
        status="302 Found",
        antwoordkoppen=[("Location", f"/tellijst/mijn/#adviesvraag-{rij}")],
        REMOTE_ADDR="10.1.2.3",
    )
    verzoek(
        "/static/js/formulieren.js",
        REMOTE_ADDR="10.1.2.3",
        HTTP_REFERER="https://integriteit.example/tellijst/",
    )
    verzoek("/meldingen/", REMOTE_ADDR="10.9.9.9", HTTP_REFERER=f"https://integriteit.example/x/{rij}/")
    regels = log.read_text().splitlines()
    assert len(regels) == 1 and "10.9.9.9" in regels[0] and "GET /meldingen/" in regels[0]
    assert "10.1.2.3" not in log.read_text() and str(rij) not in log.read_text()


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
