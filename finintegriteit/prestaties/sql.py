"""The baseline of the figures benchmark: plain GROUP BY queries that count what the report counts.

Table and column names come from the models' meta, so a renamed table does not silently break the
baseline (identifiers are quoted names from the models, never input, hence the S608 exemptions).
One query per dimension, like the report; no Python loops over rows.
"""

import datetime

from django.db import connection

from afdoeningen.models import Afdoening
from meldingen.models import Betrokkene, Melding
from vertrouwenspersonen.models import OPTIEVELDEN, Adviesvraag


def _tabel(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _kolom(model, veld: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(veld).column)


def _queries(jaar: int) -> list[tuple[str, list]]:
    av, me, be, af = (_tabel(m) for m in (Adviesvraag, Melding, Betrokkene, Afdoening))
    av_jaar, av_onderdeel = _kolom(Adviesvraag, "jaar"), _kolom(Adviesvraag, "onderdeel")
    jaren = [jaar - 2, jaar]
    queries = [
        (
            f"SELECT {av_jaar}, {av_onderdeel}, {_kolom(Adviesvraag, d)}, COUNT(*) FROM {av} "  # noqa: S608
            f"WHERE {av_jaar} BETWEEN %s AND %s GROUP BY 1, 2, 3",
            jaren,
        )
        for d in OPTIEVELDEN
    ]
    me_jaar, me_pk = _kolom(Melding, "jaar"), _kolom(Melding, "id")
    for veld in ("melder_type", "onderwerp", "onderzoek_type", "dienstonderdeel"):
        queries.append(
            (f"SELECT {_kolom(Melding, veld)}, COUNT(*) FROM {me} WHERE {me_jaar} = %s GROUP BY 1", [jaar])  # noqa: S608
        )
    be_melding, be_onderdeel = _kolom(Betrokkene, "melding"), _kolom(Betrokkene, "dienstonderdeel")
    queries.append(
        (
            f"SELECT m.{_kolom(Melding, 'onderzoek_type')}, b.{be_onderdeel}, COUNT(*) FROM {be} b "  # noqa: S608
            f"JOIN {me} m ON m.{me_pk} = b.{be_melding} WHERE m.{me_jaar} = %s GROUP BY 1, 2",
            [jaar],
        )
    )
    af_betrokkene, af_datum = _kolom(Afdoening, "betrokkene"), _kolom(Afdoening, "datum")
    begin, eind = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    for veld in ("type", "schending"):
        queries.append(
            (
                f"SELECT a.{_kolom(Afdoening, veld)}, b.{be_onderdeel}, COUNT(*) FROM {af} a "  # noqa: S608
                f"JOIN {be} b ON b.{_kolom(Betrokkene, 'id')} = a.{af_betrokkene} "
                f"WHERE a.{af_datum} BETWEEN %s AND %s GROUP BY 1, 2",
                [begin, eind],
            )
        )
    return queries


def tellingen_sql(*, jaar: int) -> int:
    """Run every baseline query; returns the number of result rows (so nothing is optimised away)."""
    rijen = 0
    with connection.cursor() as cursor:
        for sql, parameters in _queries(jaar):
            cursor.execute(sql, parameters)
            rijen += len(cursor.fetchall())
    return rijen


def aantal_queries(*, jaar: int) -> int:
    return len(_queries(jaar))
