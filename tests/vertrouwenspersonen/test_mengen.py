"""After the daily mix, nothing in the database itself tells when a Tellijst row was saved.

The attacker reads the table as a dump lists it (in its physical order) and, on PostgreSQL, the id of
the transaction that wrote each row (`xmin`), which sorts a row among audit rows that carry a time.
Both work before the mix; after it, every row has a random place and one transaction id, that of the
mix (docs/beveiliging.md, 'Mengen').
"""

import pytest
from django.db import connection
from django.urls import reverse

from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from tests.bouwstenen.tellijst import TELLIJST_OPEN, geldige_invoer
from vertrouwenspersonen import services, tasks
from vertrouwenspersonen.models import Adviesvraag

# The rows are saved through the form: a day on which their year is open.
pytestmark = pytest.mark.time_machine(TELLIJST_OPEN)

AANTAL = 30


def _opslaan(client, gebruiker, aantal: int) -> list:
    """Save rows one by one through the form, as a vertrouwenspersoon does; their ids in saving order."""
    client.force_login(gebruiker)
    ids = []
    for _ in range(aantal):
        voor = set(Adviesvraag.objects.values_list("pk", flat=True))
        assert client.post(reverse("vertrouwenspersonen:invoeren"), geldige_invoer()).status_code == 302
        (nieuw,) = set(Adviesvraag.objects.values_list("pk", flat=True)) - voor
        ids.append(nieuw)
    return ids


def _in_tabelvolgorde() -> list:
    """The ids as a dump of the table lists them: in the order the rows lie in the table."""
    plaats = "ctid" if connection.vendor == "postgresql" else "rowid"
    tabel = connection.ops.quote_name(Adviesvraag._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {tabel} ORDER BY {plaats}")  # noqa: S608
        return [Adviesvraag._meta.pk.to_python(rij[0]) for rij in cursor.fetchall()]


def _xmin(tabel: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, xmin::text::bigint FROM {connection.ops.quote_name(tabel)}")  # noqa: S608
        return dict(cursor.fetchall())


@pytest.mark.django_db
def test_na_het_mengen_zegt_de_plaats_in_de_tabel_niet_meer_in_welke_volgorde_rijen_zijn_opgeslagen(
    client, maak_gebruiker
):
    opgeslagen = _opslaan(client, maak_gebruiker("vp", r.VERTROUWENSPERSOON), AANTAL)
    inhoud_voor = {rij["id"]: rij for rij in Adviesvraag.objects.values()}
    assert _in_tabelvolgorde() == opgeslagen  # the attack works before the mix

    tasks.tellijst_mengen()

    assert _in_tabelvolgorde() != opgeslagen  # 1 in 30! that a random order is the same
    # Every row is still there, with the same id, version and pseudonym: open pages and lists still work.
    assert {rij["id"]: rij for rij in Adviesvraag.objects.values()} == inhoud_voor
    assert (
        client.get(reverse("vertrouwenspersonen:mijn_adviesvragen")).context["pagina"].paginator.count
        == AANTAL
    )


@pytest.mark.django_db(transaction=True)
def test_na_het_mengen_sorteert_de_transactie_id_geen_rij_meer_tussen_de_auditregels(client, maak_gebruiker):
    if connection.vendor != "postgresql":
        pytest.skip("xmin is een kolom van PostgreSQL; SQLite bewaart geen transactie-id per rij")
    vp = maak_gebruiker("vp", r.VERTROUWENSPERSOON)
    analist = maak_gebruiker("analist", r.OIF_ANALIST)
    (voor,) = _opslaan(client, vp, 1)
    tijdstip = audit_vastleggen(gebruiker=analist, actie=AuditRegel.Actie.INGELOGD)
    (na,) = _opslaan(client, vp, 1)
    audit = _xmin(AuditRegel._meta.db_table)[tijdstip.pk]
    rijen = _xmin(Adviesvraag._meta.db_table)
    assert rijen[voor] < audit < rijen[na]  # the attack works: one row before the login, one after

    services.tellijst_mengen()

    rijen = _xmin(Adviesvraag._meta.db_table)
    assert len(set(rijen.values())) == 1
    assert all(xmin > max(_xmin(AuditRegel._meta.db_table).values()) for xmin in rijen.values())
