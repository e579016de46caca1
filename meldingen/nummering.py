"""Case numbers 'OIF-JJJJ-NNNN': gap-free per year, handed out from one locked counter row per year.

The format is written here only; whoever needs a number asks this module.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max

from .models import Melding, Meldingsteller


def meldingsnummer(*, jaar: int, volgnummer: int) -> str:
    return f"OIF-{jaar}-{volgnummer:04d}"


def _teller(jaar: int) -> Meldingsteller:
    """The year's counter row, created when missing and locked until the transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Meldingsnummers worden alleen binnen transaction.atomic() uitgegeven.")
    try:
        with transaction.atomic():
            Meldingsteller.objects.get_or_create(jaar=jaar)
    except IntegrityError:
        pass  # Another transaction created the year's counter first; lock that one below.
    return Meldingsteller.objects.select_for_update().get(jaar=jaar)


def meldingsnummers_reserveren(*, jaar: int, aantal: int) -> list[tuple[int, str]]:
    """Hand out the next `aantal` volgnummers of a year with their case numbers, in one counter update.

    Must run inside the transaction that saves the meldingen: the counter row stays locked until that
    transaction ends, so a second analist waits instead of getting the same number, and a rolled-back
    registration gives its numbers back (gap-free).
    """
    teller = _teller(jaar)
    eerste = teller.laatste + 1
    if aantal:
        teller.laatste += aantal
        teller.save(update_fields=["laatste"])
    return [(n, meldingsnummer(jaar=jaar, volgnummer=n)) for n in range(eerste, eerste + aantal)]


def volgend_meldingsnummer(*, jaar: int) -> tuple[int, str]:
    """The next volgnummer of a year and its case number (see meldingsnummers_reserveren)."""
    return meldingsnummers_reserveren(jaar=jaar, aantal=1)[0]


def meldingsteller_voorbij(*, jaar: int, volgnummer: int) -> None:
    """Move a year's counter past a number that was given elsewhere (an imported register keeps its
    own numbers), so that later registrations continue after it. Locks the counter like a reservation.
    """
    teller = _teller(jaar)
    if volgnummer > teller.laatste:
        teller.laatste = volgnummer
        teller.save(update_fields=["laatste"])


def meldingsteller_herstellen(*, jaar: int) -> None:
    """Set a year's counter back to its highest remaining volgnummer (0 without meldingen).

    Only after synthetic meldingen were removed: numbers at the end of the year are handed out again,
    so that reloading the demo data gives the same numbers. Never for real cases.
    """
    teller = _teller(jaar)
    teller.laatste = Melding.objects.filter(jaar=jaar).aggregate(hoogste=Max("volgnummer"))["hoogste"] or 0
    teller.save(update_fields=["laatste"])
