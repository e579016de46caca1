"""Case numbers OIF-JJJJ-NNNN: unique and gap-free per year, also when two analysts register at once."""

import datetime
import threading

import pytest
from django.db import connection, transaction

from meldingen.models import Melding
from meldingen.nummering import volgend_meldingsnummer
from tests.bouwstenen.draden import tegelijk

D = datetime.date


@pytest.mark.django_db
def test_nummers_lopen_door_per_jaar_van_ontvangst(maak_melding, vandaag):
    nummers = [maak_melding(ontvangen_op=d).nummer for d in (D(2025, 1, 5), D(2024, 12, 31), D(2025, 2, 1))]
    assert nummers == ["OIF-2025-0001", "OIF-2024-0001", "OIF-2025-0002"]
    melding = Melding.objects.get(nummer="OIF-2024-0001")
    assert (melding.jaar, melding.volgnummer) == (2024, 1)


@pytest.mark.django_db
def test_een_mislukte_registratie_geeft_haar_nummer_terug(maak_melding, vandaag):
    maak_melding()
    with pytest.raises(RuntimeError), transaction.atomic():
        volgend_meldingsnummer(jaar=2025)
        raise RuntimeError("registratie mislukt")
    assert maak_melding().nummer == "OIF-2025-0002"


def test_nummeren_buiten_een_transactie_wordt_geweigerd(transactional_db):
    with pytest.raises(RuntimeError):
        volgend_meldingsnummer(jaar=2025)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_registraties_krijgen_verschillende_opeenvolgende_nummers(maak_melding, analist):
    """Two threads, each on its own connection, ask for a number at the same moment.

    The first holds the year's counter row locked (it sleeps inside its transaction); the second must wait
    for it rather than read the same counter value.
    """
    maak_melding(ontvangen_op=D(2025, 1, 2))  # OIF-2025-0001 exists
    start = threading.Barrier(2)
    nummers = []

    def registreer(pauze: float):
        start.wait(timeout=10)
        with transaction.atomic():
            melding = maak_melding(ontvangen_op=D(2025, 1, 3))
            # Keep the lock a moment: the other thread is now certainly waiting on it.
            connection.cursor().execute("SELECT pg_sleep(%s)", [pauze])
        nummers.append(melding.nummer)

    assert tegelijk(registreer, (0.5, 0.0)) == []
    assert sorted(nummers) == ["OIF-2025-0002", "OIF-2025-0003"]
    assert list(
        Melding.objects.filter(jaar=2025).order_by("volgnummer").values_list("volgnummer", flat=True)
    ) == [
        1,
        2,
        3,
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_een_teruggedraaide_gelijktijdige_registratie_laat_geen_gat(maak_melding, analist):
    """The first thread rolls back after taking a number: the waiting second one gets that same number."""
    start = threading.Barrier(2)
    nummers = []

    def registreer(mislukt: bool):
        start.wait(timeout=10)
        if mislukt:
            with pytest.raises(RuntimeError), transaction.atomic():
                maak_melding(ontvangen_op=D(2025, 1, 3))
                connection.cursor().execute("SELECT pg_sleep(0.5)")
                raise RuntimeError("afgebroken")
        else:
            connection.cursor().execute("SELECT pg_sleep(0.1)")
            nummers.append(maak_melding(ontvangen_op=D(2025, 1, 3)).nummer)

    assert tegelijk(registreer, (True, False)) == []
    assert nummers == ["OIF-2025-0001"]
