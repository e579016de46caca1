"""The audit trail's hash chain: `controleer_audittrail` finds a row that was changed, removed or
inserted out of order, on SQLite and PostgreSQL, and erasing a reason keeps the chain verifiable.

The changes are made as the owner of the tables would (on PostgreSQL with the trigger switched off);
what the runtime role cannot do at all is in tests/beveiliging/test_databaserollen.py."""

import threading

import pytest
from django.db import connection

from finintegriteit.kern import auditketen
from finintegriteit.kern.models import AuditReden, AuditRegel
from finintegriteit.kern.services.audit import audit_redenen_wissen, audit_vastleggen
from tests.bouwstenen import controleer_audittrail
from tests.bouwstenen.draden import tegelijk
from tests.factories import AuditRegelFactory

A = AuditRegel.Actie


def als_eigenaar(sql: str, params=()) -> None:
    """A change past the application: the owner may switch the append-only trigger off."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "ALTER TABLE meldingen_auditregel DISABLE TRIGGER meldingen_auditregel_onveranderlijk"
            )
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE meldingen_auditregel ENABLE TRIGGER meldingen_auditregel_onveranderlijk"
            )


@pytest.fixture
def drie_regels(db, analist):
    return [
        audit_vastleggen(
            gebruiker=analist,
            actie=A.STATUS,
            object_type="melding",
            object_id="7",
            velden=["status"],
            reden="Eerste reden.",
        ),
        audit_vastleggen(gebruiker=analist, actie=A.BEKEKEN, object_type="melding", object_id="7"),
        audit_vastleggen(
            gebruiker=None, actie=A.INLOGGEN_MISLUKT, object_type="gebruiker", object_id="onbekend"
        ),
    ]


def test_een_onaangeroerde_audittrail_is_in_orde(drie_regels):
    laatste = drie_regels[-1]
    assert (
        controleer_audittrail()
        == f"Audittrail in orde: 3 regel(s) gecontroleerd.\nAnker: {laatste.pk}:{laatste.hash}\n"
    )


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE meldingen_auditregel SET actie = 'bekeken' WHERE id = %s",
        "UPDATE meldingen_auditregel SET gebruiker_id = NULL WHERE id = %s",
        "UPDATE meldingen_auditregel SET velden = '[]' WHERE id = %s",
    ],
)
def test_een_door_de_eigenaar_gewijzigde_regel_wordt_genoemd(drie_regels, sql):
    eerste = drie_regels[0]
    als_eigenaar(sql, [eerste.pk])
    uitkomst = controleer_audittrail()
    assert uitkomst.startswith(f"FOUT Audittrail niet in orde: regel {eerste.pk} ")
    assert "De 0 regel(s) ervoor zijn in orde" in uitkomst


def test_een_door_de_eigenaar_herschreven_keten_valt_op_met_het_anker(drie_regels):
    """The owner changes the first row and recomputes every hash after it: the chain alone holds,
    the anchor written down earlier does not."""
    anker = controleer_audittrail().splitlines()[-1].removeprefix("Anker: ")
    vorige = auditketen.BEGIN
    for regel in AuditRegel.objects.order_by("pk"):
        if regel.pk == drie_regels[0].pk:
            regel.actie = A.BEKEKEN
        vorige = auditketen.hash_van_regel(vorige=vorige, regel=regel)
        als_eigenaar(
            "UPDATE meldingen_auditregel SET actie = %s, hash = %s WHERE id = %s",
            [regel.actie, vorige, regel.pk],
        )
    assert controleer_audittrail().startswith("Audittrail in orde")
    uitkomst = controleer_audittrail("--anker", anker)
    assert uitkomst.startswith(f"FOUT Audittrail niet in orde: regel {drie_regels[-1].pk} ")
    assert "herschreven" in uitkomst


def test_verwijderde_regels_aan_het_eind_vallen_op_met_het_anker(drie_regels):
    anker = controleer_audittrail().splitlines()[-1].removeprefix("Anker: ")
    als_eigenaar("DELETE FROM meldingen_auditregel WHERE id = %s", [drie_regels[-1].pk])
    assert "ontbreekt" in controleer_audittrail("--anker", anker)
    assert "Geef het anker als" in controleer_audittrail("--anker", "onzin")


def test_een_verwijderde_regel_wordt_gevonden_bij_de_regel_erna(drie_regels):
    _, midden, laatste = drie_regels
    als_eigenaar("DELETE FROM meldingen_auditregel WHERE id = %s", [midden.pk])
    assert controleer_audittrail().startswith(f"FOUT Audittrail niet in orde: regel {laatste.pk} ")


def test_een_tussengevoegde_regel_wordt_genoemd(drie_regels, analist):
    """A forged row placed after the last one but chained to the first (as if it happened earlier)."""
    eerste, *_ = drie_regels
    vervalst = AuditRegel(
        gebruiker=analist, actie=A.BEKEKEN, object_type="melding", object_id="8", op=eerste.op
    )
    vervalst.hash = auditketen.regel_hash(
        vorige=eerste.hash,
        op=vervalst.op,
        gebruiker_id=analist.pk,
        actie=vervalst.actie,
        object_type="melding",
        object_id="8",
        velden=[],
        reden_hash="",
    )
    AuditRegel.objects.bulk_create([vervalst])
    assert controleer_audittrail().startswith(f"FOUT Audittrail niet in orde: regel {vervalst.pk} ")


def test_een_regel_buiten_de_dienst_om_zonder_controlewaarde_wordt_genoemd(drie_regels):
    los = AuditRegelFactory(actie=A.BEKEKEN, object_type="melding", object_id="9")
    assert controleer_audittrail().startswith(f"FOUT Audittrail niet in orde: regel {los.pk} ")


def test_een_gewijzigde_reden_wordt_gevonden_en_een_gewiste_niet(drie_regels):
    eerste = drie_regels[0]
    AuditReden.objects.filter(regel=eerste).update(tekst="Andere reden.")
    assert "de reden is na het vastleggen gewijzigd" in controleer_audittrail()
    AuditReden.objects.filter(regel=eerste).delete()
    assert controleer_audittrail().startswith("Audittrail in orde")
    eerste.refresh_from_db()
    assert eerste.reden == "" and eerste.reden_gewist


def test_de_reden_van_een_melding_wordt_met_de_melding_gewist(maak_melding, analist):
    melding = maak_melding()
    regel = audit_vastleggen(
        gebruiker=analist, actie=A.STATUS, object=melding, velden=["status"], reden="Geheim."
    )
    assert AuditReden.objects.get(regel=regel).melding == melding
    assert audit_redenen_wissen(melding=melding) >= 1
    assert not AuditReden.objects.filter(melding=melding).exists()
    assert controleer_audittrail().startswith("Audittrail in orde")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_schrijvers_splitsen_de_keten_niet(analist):
    """Eight threads, each its own database connection, write at once; the chain stays one line."""
    start = threading.Barrier(8)

    def schrijf(nummer):
        start.wait()
        for i in range(15):
            audit_vastleggen(
                gebruiker=analist, actie=A.BEKEKEN, object_type="melding", object_id=f"{nummer}-{i}"
            )

    assert tegelijk(schrijf, range(8)) == []
    assert controleer_audittrail().startswith("Audittrail in orde: 120 regel(s) gecontroleerd.\n")


def test_een_gebeurtenis_zonder_melding_komt_in_dezelfde_keten(db, beheerder, analist):
    audit_vastleggen(
        gebruiker=beheerder,
        actie=A.RECHTEN,
        object_type="gebruiker",
        object_id=analist.pk,
        velden=["groepen"],
    )
    regel = AuditRegel.objects.get()
    assert (regel.gebruiker, regel.actie, regel.object_type, regel.object_id, regel.velden) == (
        beheerder,
        A.RECHTEN,
        "gebruiker",
        str(analist.pk),
        ["groepen"],
    )
    assert controleer_audittrail().startswith("Audittrail in orde")
