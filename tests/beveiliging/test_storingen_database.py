"""The database goes away halfway through a save: a clear Dutch page (503) and not one row of it stored.

Realistic on PostgreSQL: at the n-th INSERT of the request, another connection ends the request's own
server process (pg_terminate_backend), and then the INSERT goes ahead and fails for real, as it would
when the database restarts or the network drops. The test commits for real (transaction=True), so
what the database kept afterwards is what a user would find.
"""

from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.storingen import DATABASE_WEG, OPNIEUW_NA
from meldingen.models import Melding, Meldingsteller, StatusOvergang
from tests.bouwstenen.meldingen import formulier as melding_formulier
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij, upload
from vertrouwenspersonen import services as tellijst_services
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.selectors import adviesvragen_van
from vertrouwenspersonen.views.importeren import GEIMPORTEERD, NIETS_TE_IMPORTEREN


@contextmanager
def verbinding_weg_bij_insert(nummer: int):
    """Kill this connection's server process just before its `nummer`-th INSERT; yields the INSERTs seen."""
    gezien = []

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT"):
            gezien.append(sql.split("(")[0])
            if len(gezien) == nummer:
                pid = context["connection"].connection.info.backend_pid
                instellingen = connection.settings_dict
                with psycopg.connect(
                    dbname=instellingen["NAME"],
                    user=instellingen["USER"] or "postgres",
                    password=instellingen["PASSWORD"] or None,
                    host=instellingen["HOST"] or "127.0.0.1",
                    port=instellingen["PORT"] or 5432,
                    autocommit=True,
                ) as ander:
                    # Waits (up to 5 s) until the process is really gone.
                    assert ander.execute("SELECT pg_terminate_backend(%s, 5000)", [pid]).fetchone()[0]
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield gezien


def assert_storingspagina(antwoord):
    assert antwoord.status_code == 503
    assert antwoord["Retry-After"] == str(OPNIEUW_NA)
    assert antwoord["Cache-Control"] == "no-store"
    assert "script-src 'self'" in antwoord["Content-Security-Policy"]
    pagina = antwoord.content.decode()
    assert DATABASE_WEG in pagina and 'lang="nl"' in pagina
    assert "Traceback" not in pagina and "psycopg" not in pagina and "terminating" not in pagina


@pytest.fixture
def browser(client):
    # A real server shows the page instead of handing the exception to the caller.
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("bij_insert", [1, 2, 3])
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_database_weg_tijdens_het_registreren_van_een_melding(browser, analist, bij_insert):
    browser.force_login(analist)
    with verbinding_weg_bij_insert(bij_insert) as inserts:
        antwoord = browser.post(reverse("meldingen:nieuw"), melding_formulier(behandelaar=analist.pk))
    assert len(inserts) == bij_insert, inserts
    assert_storingspagina(antwoord)

    # Nothing of the melding: no case, no case number used up, no status row, no audit row.
    assert not Melding.objects.exists()
    assert not Meldingsteller.objects.filter(laatste__gt=0).exists()
    assert not StatusOvergang.objects.exists()
    assert not AuditRegel.objects.filter(actie=AuditRegel.Actie.AANGEMAAKT).exists()

    # Once the database is back, the same form goes through, with the first case number.
    antwoord = browser.post(reverse("meldingen:nieuw"), melding_formulier(behandelaar=analist.pk))
    assert antwoord.status_code == 302
    assert list(Melding.objects.values_list("nummer", flat=True)) == ["OIF-2025-0001"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_database_weg_halverwege_een_tellijstimport(browser, vertrouwenspersoon, monkeypatch):
    # Five rows in batches of two: three INSERTs; the connection dies at the second.
    monkeypatch.setattr(tellijst_services, "IMPORT_BATCH", 2)
    browser.force_login(vertrouwenspersoon)
    importeren = reverse("vertrouwenspersonen:importeren")
    bevestigen = reverse("vertrouwenspersonen:importeren_bevestigen")
    open_jaar = rij(jaar=str(timezone.localdate().year), kwartaal="1", melder_is_beklaagde="")
    voorbeeld = browser.post(importeren, {"bestand": upload(csv_bytes([open_jaar] * 5))})
    assert "5 adviesvragen importeren" in voorbeeld.content.decode()

    with verbinding_weg_bij_insert(2) as inserts:
        antwoord = browser.post(bevestigen)
    assert len(inserts) == 2 and all("vertrouwenspersonen_adviesvraag" in i for i in inserts), inserts
    assert_storingspagina(antwoord)
    assert Adviesvraag.objects.count() == 0, "de eerste twee rijen mogen niet blijven staan"

    # Trying again: the checked file was used up by the failed attempt, so the page asks for it again
    # (nothing half imported that a second upload would double); upload and import then just work.
    antwoord = browser.post(bevestigen, follow=True)
    assert NIETS_TE_IMPORTEREN in antwoord.content.decode()
    browser.post(importeren, {"bestand": upload(csv_bytes([open_jaar] * 5))})
    antwoord = browser.post(bevestigen, follow=True)
    assert GEIMPORTEERD.format(aantal=5) in antwoord.content.decode()
    assert adviesvragen_van(gebruiker=vertrouwenspersoon).count() == 5


@pytest.mark.django_db
def test_een_andere_fout_houdt_de_gewone_foutpagina(browser, analist, monkeypatch):
    """Only a lost connection says 'database'; a bug gets the plain 500 page."""
    from meldingen import services

    def kapot(**kwargs):
        raise RuntimeError("programmeerfout")

    monkeypatch.setattr(services, "melding_registreren", kapot)
    browser.force_login(analist)
    antwoord = browser.post(reverse("meldingen:nieuw"), melding_formulier())
    assert antwoord.status_code == 500
    assert DATABASE_WEG not in antwoord.content.decode()
    assert "Er ging iets mis" in antwoord.content.decode()
    assert "Ministerie van Financiën · Integriteit" in antwoord.content.decode(), "in de huisstijl"


@pytest.mark.django_db
def test_database_onbereikbaar_voor_de_pagina_zelf_geeft_ook_de_storingspagina(browser, analist, monkeypatch):
    """Down before any view runs: loading the session (in the middleware) already fails."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError

    browser.force_login(analist)

    def weg(self):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(SessionStore, "load", weg)
    assert_storingspagina(browser.get(reverse("meldingen:werkvoorraad")))
