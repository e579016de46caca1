"""Which years the system holds any data for, per part: the rule for previous-year columns and arrows.

A previous year is shown (a column, an arrow ↑/↓) only when the system holds rows of that part for it.
Without this rule a year from before the system was in use reads as a column of zeros, and the
infographic would claim a rise from nothing (the published 2024 report has no OIF figures of 2023).

'No data' is decided per part, because each part counts other rows: the Tellijst (adviesvragen by
`jaar`), the meldingen of the OIF (by `ontvangen_op`) and the afdoeningen of the OIF (by `datum`, the
year of a betrokkene). It is decided for the whole ministry, also in a report for one onderdeel: a year
that the system did register is a real year, and an onderdeel without meldingen in it really had 0.
A single zero cell, or an option that did not exist yet, is no reason to leave a year out.
"""

from django.db import connection

from afdoeningen.models import Afdoening
from meldingen.models import Melding

from ._gemeen import jaar_grenzen
from .tellijstbron import Tellijstbron, live

TELLIJST = "tellijst"
OIF_MELDINGEN = "oif_meldingen"
OIF_AFDOENINGEN = "oif_afdoeningen"


def _rijen_van(deel: str, jaar: int, *, tellijst: Tellijstbron):
    if deel == TELLIJST:
        return tellijst.rijen.filter(jaar=jaar)
    begin, eind = jaar_grenzen(jaar)
    if deel == OIF_MELDINGEN:
        return Melding.objects.filter(
            ontvangen_op__gte=begin, ontvangen_op__lte=eind, duplicaat_van__isnull=True
        )
    return Afdoening.objects.filter(datum__gte=begin, datum__lte=eind)


def jaren_met_gegevens(*, jaar: int, tellijst: Tellijstbron | None = None) -> dict[str, list[int]]:
    """Per part, the years of the report's window that have at least one row, in one query.

    The Tellijst's years come from `tellijst` (default: the live rows), like its figures: a page that
    shows a publication must not learn from the live rows that a year got its first row.

    The Tellijst window is the three years of its tables, the OIF window this year and last year.
    One SELECT of EXISTS tests (each stops at the first row, on an indexed column), so the cost does
    not grow with the data, on PostgreSQL and SQLite alike.
    """
    vensters = {
        TELLIJST: [jaar - 2, jaar - 1, jaar],
        OIF_MELDINGEN: [jaar - 1, jaar],
        OIF_AFDOENINGEN: [jaar - 1, jaar],
    }
    tellijst = tellijst or live()
    tests = [(deel, j) for deel, jaren in vensters.items() for j in jaren]
    delen, parameters = [], []
    for deel, j in tests:
        sql, params = _rijen_van(deel, j, tellijst=tellijst).values("pk").query.sql_with_params()
        delen.append(f"EXISTS ({sql})")
        parameters.extend(params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(delen), parameters)
        uitkomsten = cursor.fetchone()
    met_gegevens = {deel: [] for deel in vensters}
    for (deel, j), bestaat in zip(tests, uitkomsten, strict=True):
        if bestaat:
            met_gegevens[deel].append(j)
    return met_gegevens
