"""Mixing the Tellijst, so that the database itself does not date a row (docs/beveiliging.md, 'Mengen').

A row carries no time, but the database does, in two ways. The place of a row in the table follows
the order of saving, and a dump lists the rows in that order. And on PostgreSQL every row version
carries the id of the transaction that wrote it (`xmin`), which sorts it among rows that do carry a
time or a person: the audit rows, and the session row that every request of the vertrouwenspersoon
writes again, with her user id, a moment after her save.

So rows are rewritten, all in one transaction and in a random order, at two moments:

- **every save** (`tellijst_schrijven`; an import: `nieuwe_rijen_mengen`): the row it wrote and every
  other row written since the last nightly mix, up to MEE_TE_MENGEN of them drawn at random. They then
  share the transaction id of the latest save and lie in a random order: a dump tells who saved last,
  not which of the day's rows she wrote.
- **every night** (`alles_mengen`): every row. Afterwards ids and places only tell when it ran.

Ids, versions and pseudonyms stay as they are, so a page that is open still saves. Only this module
and services.py write the table.
"""

from contextlib import contextmanager

from django.db import connection, transaction

from finintegriteit.kern.vergrendeling import schrijvers_na_elkaar

from .models import Adviesvraag

# Writers of the Tellijst wait for each other: two saves that rewrite the same rows at once would
# each copy them back and collide on their ids.
SCHRIJFSLOT = 0x54454C4C
# A day has a handful of new rows, all rewritten by each save. On a busier day (an import, a
# load test) a save rewrites this many of them, drawn at random, so it costs the same however many there
# are (docs/prestaties.md).
MEE_TE_MENGEN = 30


@contextmanager
def tellijst_schrijven(*, rij: Adviesvraag | None = None):
    """The transaction of one write of the Tellijst (of `rij`, if it stays): one writer at a time, the
    day's rows mixed at the end.

    The wait comes first, before the write locks a row that another writer's mix is about to delete.
    """
    with transaction.atomic():
        schrijvers_na_elkaar(slot=SCHRIJFSLOT, model=Adviesvraag)
        yield
        # `rij` is always among the rows rewritten: written last and left in place, it would lie after
        # the others.
        _herschrijven(alles=False, rij=rij)


def nieuwe_rijen_mengen() -> int:
    """After an import's inserts, within its transaction: rewrite the rows written since the nightly
    mix (at most MEE_TE_MENGEN of them); returns the count.

    The import waits for other writers only now, so a large file does not make every other save wait.
    That cannot deadlock: until then it holds no row another writer touches, only rows nobody else sees.
    """
    schrijvers_na_elkaar(slot=SCHRIJFSLOT, model=Adviesvraag)
    return _herschrijven(alles=False)


def alles_mengen() -> int:
    """The nightly mix: rewrite every row in a random order, from then on counted as mixed."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # No save may slip in between copying and deleting (it would be deleted and not copied
                # back): saves wait until the mix commits; reading goes on. A mix that cannot start
                # soon gives way.
                cursor.execute("SET LOCAL lock_timeout = '10s'")
                cursor.execute(f"LOCK TABLE {_tabel()} IN SHARE ROW EXCLUSIVE MODE")
        return _herschrijven(alles=True)


def _tabel() -> str:
    return connection.ops.quote_name(Adviesvraag._meta.db_table)


def _herschrijven(*, alles: bool, rij: Adviesvraag | None = None) -> int:
    """Delete the rows (all, or `rij` and those not yet mixed) and insert them again in a random order."""
    kolom = connection.ops.quote_name
    velden = Adviesvraag._meta.concrete_fields
    kolommen = ", ".join(kolom(veld.column) for veld in velden)
    gemengd = kolom(Adviesvraag._meta.get_field("gemengd").column)
    # The copy keeps every column but one: after the nightly mix a row counts as mixed.
    terug = ", ".join("%s" if veld.name == "gemengd" else kolom(veld.column) for veld in velden)
    id_kolom = kolom(Adviesvraag._meta.pk.column)
    if alles:
        waar, parameters = "", []
    else:
        steekproef = (
            f"SELECT {id_kolom} FROM {_tabel()} WHERE {gemengd} = %s ORDER BY random() LIMIT {MEE_TE_MENGEN}"  # noqa: S608
        )
        # One list of ids (a UNION, not an OR, so both parts use an index instead of reading the table).
        waar = f" WHERE {id_kolom} IN (SELECT %s UNION SELECT {id_kolom} FROM ({steekproef}) AS steekproef)"  # noqa: S608
        eigen = Adviesvraag._meta.pk.get_db_prep_value(rij.pk, connection) if rij else None
        parameters = [eigen, False]
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE tellijst_mengen AS SELECT {kolommen} FROM {_tabel()}{waar}",  # noqa: S608
            parameters,
        )
        # Only what was copied is deleted, so a row saved meanwhile (SQLite, without the lock) stays.
        cursor.execute(
            f"DELETE FROM {_tabel()} WHERE {id_kolom} IN (SELECT {id_kolom} FROM tellijst_mengen)"  # noqa: S608
        )
        cursor.execute(
            f"INSERT INTO {_tabel()} ({kolommen}) SELECT {terug} FROM tellijst_mengen ORDER BY random()",  # noqa: S608
            [alles],
        )
        aantal = cursor.rowcount
        cursor.execute("DROP TABLE tellijst_mengen")
    return aantal
