from django.db import IntegrityError, transaction

from .models import Meldingsteller


def volgend_meldingsnummer(*, jaar: int) -> tuple[int, str]:
    """Hand out the next volgnummer of a year and its case number 'OIF-JJJJ-NNNN'.

    Must run inside the transaction that saves the melding: the counter row stays locked until that
    transaction ends, so a second analist waits instead of getting the same number, and a rolled-back
    registration gives its number back (gap-free).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("volgend_meldingsnummer moet binnen transaction.atomic() worden aangeroepen.")
    try:
        with transaction.atomic():
            Meldingsteller.objects.get_or_create(jaar=jaar)
    except IntegrityError:
        pass  # Another transaction created the year's counter first; lock that one below.
    teller = Meldingsteller.objects.select_for_update().get(jaar=jaar)
    teller.laatste += 1
    teller.save(update_fields=["laatste"])
    return teller.laatste, f"OIF-{jaar}-{teller.laatste:04d}"
