"""No log line carries the id of a Tellijst row: with the time and address of a request it would point
at whoever changed the row."""

import datetime
import io
import logging
import runpy
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.urls import reverse

from vertrouwenspersonen.logboek import TellijstFilter

PROJECT = Path(__file__).resolve().parents[2]


def test_het_toegangslog_van_gunicorn_noemt_geen_rij(tmp_path):
    from gunicorn.config import Config

    rij = uuid.uuid4()
    cfg = Config()
    cfg.set("logger_class", runpy.run_path(str(PROJECT / "gunicorn.conf.py"))["logger_class"])
    cfg.set("accesslog", str(tmp_path / "toegang.log"))
    cfg.set("access_log_format", '%(h)s %(t)s "%(r)s" %(s)s "%(f)s" %({location}o)s %(U)s')
    log = cfg.logger_class(cfg)
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": f"/tellijst/{rij}/bijwerken/",
        "PATH_INFO": f"/tellijst/{rij}/bijwerken/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.1.2.3",
        "HTTP_REFERER": f"https://integriteit.example/tellijst/{rij}/wijzigen/",
    }
    antwoord = SimpleNamespace(
        status="302 Found", sent=0, headers=[("Location", f"/tellijst/mijn/#adviesvraag-{rij}")]
    )
    log.access(antwoord, SimpleNamespace(headers=[]), environ, datetime.timedelta(milliseconds=5))
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
