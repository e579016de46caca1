"""A session row as an insider with the database reads it."""

from django.db import connection


def sessierij(sleutel: str) -> tuple:
    """The session row as an insider with the database reads it. On PostgreSQL also its ctid: every
    UPDATE writes a new row version, even one with the same values, so a re-save shows there (and in
    xmin, the writing transaction, which lies next to the melding's)."""
    plek = "ctid::text" if connection.vendor == "postgresql" else "NULL"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT session_data, expire_date, {plek} FROM django_session WHERE session_key = %s", [sleutel]
        )
        return cursor.fetchone()
