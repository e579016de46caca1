"""Rights of the runtime database role, given by the owner after every `migrate`.

In production two PostgreSQL roles exist (README, 'Databaserollen'): the owner of the tables, which
runs the migrations, and the runtime role of the application and its workers, named by DATABASE_URL.
The runtime role owns nothing, so it cannot alter a table or switch off its triggers, and it is no
superuser, so it cannot set session_replication_role. On the append-only tables (models with
ALLEEN_TOEVOEGEN, the audit trail) it may only INSERT and SELECT; elsewhere it reads and writes rows
but never truncates.
"""

from django.apps import apps
from django.conf import settings
from django.db import connections


def alleen_toevoegen_tabellen() -> list[str]:
    return sorted(m._meta.db_table for m in apps.get_models() if getattr(m, "ALLEEN_TOEVOEGEN", False))


def runtime_rechten_toekennen(*, using: str, rol: str) -> None:
    """Grant the runtime role its rights on every table of the schema; idempotent."""
    connection = connections[using]
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = q(cursor.fetchone()[0])
        cursor.execute(f"GRANT USAGE ON SCHEMA {schema} TO {q(rol)}")
        cursor.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {q(rol)}")
        cursor.execute(f"REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA {schema} FROM {q(rol)}")
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {q(rol)}")
        for tabel in alleen_toevoegen_tabellen():
            cursor.execute(f"REVOKE UPDATE, DELETE, TRUNCATE ON {q(tabel)} FROM {q(rol)}")


def na_migratie(sender, using, **kwargs) -> None:
    """post_migrate: when the owner migrated, the runtime role gets its rights on the new tables."""
    rol = settings.DATABASE_RUNTIME_ROL
    connection = connections[using]
    if not rol or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        if cursor.fetchone()[0] == rol:
            return
    runtime_rechten_toekennen(using=using, rol=rol)
