"""The import record (kern.Importbestand) as a database dump shows it: every column, raw."""

import datetime

from django.db import connection, models
from django.utils import timezone

from finintegriteit.kern.models import Importbestand


def kolommen(pk) -> dict:
    """Every column of the import record as the database holds it, by column name. A moment comes with
    its time zone: SQLite keeps it in UTC without one, PostgreSQL hands it over with one."""
    # The id as this database stores it (SQLite: hex text; its driver takes no UUID).
    sleutel = Importbestand._meta.pk.get_db_prep_value(pk, connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM kern_importbestand WHERE id = %s", [sleutel])
        namen = [kolom[0] for kolom in cursor.description]  # DB-API: the name comes first
        return {naam: _moment(naam, waarde) for naam, waarde in zip(namen, cursor.fetchone(), strict=True)}


_MOMENTEN = {
    veld.column for veld in Importbestand._meta.concrete_fields if isinstance(veld, models.DateTimeField)
}


def _moment(naam: str, waarde):
    if naam not in _MOMENTEN or waarde is None:
        return waarde
    moment = waarde if isinstance(waarde, datetime.datetime) else datetime.datetime.fromisoformat(waarde)
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=datetime.UTC)
