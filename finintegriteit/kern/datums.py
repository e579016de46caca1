"""Calendar arithmetic shared by the apps: deadlines of a klokkenluidersmelding, certification periods."""

import calendar
import datetime

from django.utils import timezone


def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """The same day `maanden` months later (or earlier with a negative number), or the last day of
    that month when it is shorter: 30 november + 3 months = 28 or 29 februari.
    """
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 + maanden, 12)
    dag = min(datum.day, calendar.monthrange(jaar, maand + 1)[1])
    return datetime.date(jaar, maand + 1, dag)


def plus_jaren(datum: datetime.date, jaren: int) -> datetime.date:
    """The same day `jaren` years later; 29 februari becomes 28 februari in a common year."""
    return plus_maanden(datum, 12 * jaren)


def begin_van_de_dag(moment: datetime.datetime) -> datetime.datetime:
    """Midnight at the start of the day of `moment`, local time: the day and nothing more."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(moment), datetime.time.min))


def begin_van_vandaag() -> datetime.datetime:
    """Midnight at the start of today, local time: a moment that says the day and nothing more."""
    return begin_van_de_dag(timezone.now())
