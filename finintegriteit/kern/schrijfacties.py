"""Noticing every write to a set of tables, whichever code path makes it.

Derived data (the dashboard's cached figures) must be renewed when a table it reads is written. A
signal that each writing service has to send was forgotten before: queryset .update(), bulk_create,
raw SQL and the admin each need their own call. Instead every SQL statement that Django sends goes
past `_bekijken` (a database execute wrapper, installed on each connection): an INSERT, UPDATE or
DELETE on a followed table calls the registered function. Nothing that writes needs to know about it.

Writes made outside Django (psql, a restore) are not seen; whoever uses this bounds the age of what
it derives (CIJFERS_CACHE_SECONDEN for the dashboard).
"""

import re
from collections.abc import Callable

from django.db import connections
from django.db.backends.signals import connection_created

# The statement's target table as Django writes it: INSERT INTO "t", UPDATE "t", DELETE FROM "t".
_SCHRIJVEN = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE)
_EERSTE_LETTERS = frozenset("IUDTiudt \n")

_volgers: list[tuple[Callable[[], frozenset[str]], Callable[[], None]]] = []


def volgen(tabellen: Callable[[], frozenset[str]], *, bij_schrijven: Callable[[], None]) -> None:
    """Call `bij_schrijven()` after every statement that writes one of `tabellen()` (asked lazily: the
    models may not all be loaded when this is called). TRUNCATE counts as a write to every table."""
    _volgers.append((tabellen, bij_schrijven))
    connection_created.connect(_installeren, dispatch_uid="kern-schrijfacties")
    for verbinding in connections.all(initialized_only=True):
        _installeren(None, verbinding)


def geschreven_tabel(sql: str) -> str | None:
    """The table an INSERT/UPDATE/DELETE writes; '*' for TRUNCATE; None for anything else."""
    if not sql or sql[0] not in _EERSTE_LETTERS:
        return None
    if sql.lstrip()[:8].upper() == "TRUNCATE":
        return "*"
    gevonden = _SCHRIJVEN.match(sql)
    return gevonden.group(1) if gevonden else None


def _bekijken(execute, sql, params, many, context):
    resultaat = execute(sql, params, many, context)
    # After the statement succeeded: one that failed wrote nothing.
    tabel = geschreven_tabel(sql)
    if tabel is not None:
        for tabellen, bij_schrijven in _volgers:
            if tabel == "*" or tabel in tabellen():
                bij_schrijven()
    return resultaat


def _installeren(sender, connection, **kwargs) -> None:
    # The wrapper list belongs to the connection object, which outlives a reconnect: install once.
    if _bekijken not in connection.execute_wrappers:
        connection.execute_wrappers.append(_bekijken)
