"""Calendar arithmetic for the register: a certification runs four years; the expiry list looks ahead."""

import calendar
import datetime

CERTIFICERING_JAREN = 4
VERLOOPT_BINNEN_MAANDEN = 3


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """The same day `maanden` months later (or earlier); the 31st becomes the last day of a shorter month."""
    index = datum.year * 12 + datum.month - 1 + maanden
    jaar, maand = divmod(index, 12)
    dag = min(datum.day, calendar.monthrange(jaar, maand + 1)[1])
    return datetime.date(jaar, maand + 1, dag)


def plus_jaren(datum: datetime.date, jaren: int) -> datetime.date:
    return plus_maanden(datum, 12 * jaren)


def certificering_verloopt_op(gecertificeerd_op: datetime.date) -> datetime.date:
    return plus_jaren(gecertificeerd_op, CERTIFICERING_JAREN)
