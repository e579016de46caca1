"""No log line carries the id of a Tellijst row: with the time and address of a request it would point
at whoever changed the row."""

import io
import logging
import uuid

import pytest
from django.urls import reverse

from finintegriteit.logboek import TellijstFilter
from tests.bouwstenen.logboek import gunicorn_toegangslog
from tests.bouwstenen.logregels import log_van_de_worker, log_van_het_webproces
from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.vertrouwenspersonen.bestanden import csv_bytes, upload
from tests.vertrouwenspersonen.bestanden import rij as rij_van_het_bestand
from vertrouwenspersonen.models import Adviesvraag

IMPORTEREN = reverse("vertrouwenspersonen:importeren")
BEVESTIGEN = reverse("vertrouwenspersonen:importeren_bevestigen")


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
def test_django_schrijft_geen_regel_over_een_tellijstverzoek_en_elders_geen_rij_id(vp_client):
    """'Not Found: /tellijst/…' is an access-log line by another name: its second dates a step of the
    vertrouwenspersoon. Other pages keep their lines, without a row id."""
    rij = uuid.uuid4()
    with log_van_het_webproces() as uitvoer:
        assert vp_client.get(reverse("vertrouwenspersonen:wijzigen", args=[rij])).status_code == 404
        assert vp_client.get(f"/bestaat-niet/{rij}/").status_code == 404
    regels = uitvoer.getvalue()
    assert "Not Found: /bestaat-niet/…/" in regels, "andere pagina's houden hun regel"
    assert "/tellijst/" not in regels
    assert str(rij) not in regels


@pytest.mark.django_db
@pytest.mark.time_machine(TELLIJST_OPEN)
def test_een_import_laat_geen_regel_na_in_het_log_van_het_webproces(vp_client):
    """The attack: the same file confirmed again answers 409, and Django logged 'Conflict:
    /tellijst/importeren/bevestigen/' at that second, right after the import itself; the import's task,
    run in the web process without a worker, logged its 'succeeded in' line with its run time."""
    bestand = csv_bytes([rij_van_het_bestand()] * 2)
    with log_van_het_webproces() as uitvoer:
        for _ in range(2):
            vp_client.post(IMPORTEREN, {"bestand": upload(bestand)})
            antwoord = vp_client.post(BEVESTIGEN)
    assert antwoord.status_code == 409, "de tweede keer vraagt de pagina of het opnieuw moet"
    assert Adviesvraag.objects.count() == 2
    regels = uitvoer.getvalue()
    assert "tellijst" not in regels.lower() and "importbestand" not in regels, regels


@pytest.mark.django_db
def test_het_werkerlog_noemt_de_importtaken_niet():
    from finintegriteit.celery import ping
    from finintegriteit.kern.tasks import importbestand_controleren_taak, importbestand_uitvoeren_taak

    taak_id = "0b7f7c1e-1f7e-4c0a-9d2b-6a1e3c9d00{:02d}"
    with log_van_de_worker() as log:
        for nummer, taak in enumerate([importbestand_controleren_taak, importbestand_uitvoeren_taak, ping]):
            taak.apply(args=[str(uuid.uuid4()) if taak is not ping else 1], task_id=taak_id.format(nummer))
    regels = log.getvalue()
    assert f"Task finintegriteit.ping[{taak_id.format(2)}] succeeded in" in regels, "de controle"
    assert "importbestand" not in regels, regels


def test_een_fout_van_een_importtaak_blijft_zichtbaar_zonder_id_ook_niet_in_de_traceback(monkeypatch):
    from finintegriteit.kern.importeren import services
    from finintegriteit.kern.tasks import importbestand_uitvoeren_taak

    rij = uuid.uuid4()

    def kapot(*, pk):
        raise ValueError(f'dubbele sleutel: Failing row contains ({rij}, "5c1d2e3f")')

    monkeypatch.setattr(services, "importbestand_uitvoeren", kapot)
    with log_van_de_worker() as log:
        importbestand_uitvoeren_taak.apply(args=[str(rij)], task_id=str(uuid.uuid4()))
    regels = log.getvalue()
    assert "ERROR" in regels and "ValueError: dubbele sleutel: Failing row contains (…" in regels
    assert str(rij) not in regels


def test_een_traceback_noemt_geen_rij():
    """An exception's text may carry a row id (a database error quotes the failing row): the filter
    rewrites the traceback that the handler writes, not only the message."""
    rij = uuid.uuid4()
    uitvoer = io.StringIO()
    handler = logging.StreamHandler(uitvoer)
    handler.addFilter(TellijstFilter())
    logger = logging.getLogger("tests.tellijst")
    logger.addHandler(handler)
    try:
        try:
            raise ValueError(f"rij {rij} kon niet worden opgeslagen")
        except ValueError:
            logger.exception("Opslaan mislukt")
    finally:
        logger.removeHandler(handler)
    regels = uitvoer.getvalue()
    assert "Opslaan mislukt" in regels and "ValueError: rij … kon niet worden opgeslagen" in regels
    assert str(rij) not in regels
