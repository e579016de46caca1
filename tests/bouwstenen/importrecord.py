"""The import record (kern.Importbestand) as a database dump shows it: every column, raw."""

from django.db import connection


def kolommen(pk) -> dict:
    """Every column of the import record as the database holds it, by column name."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM kern_importbestand WHERE id = %s", [pk])
        namen = [kolom.name for kolom in cursor.description]
        return dict(zip(namen, cursor.fetchone(), strict=True))
