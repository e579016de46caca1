"""Writing Tellijst rows in bulk for demo and benchmark data (services.py handles the users' writes).

The rows are built and checked by the caller (the demo data reproduce a published report, the
generator draws options in use in each row's year); this module only owns the writing.
"""

from django.db import transaction

from .models import Adviesvraag
from .pseudoniem import pseudoniemen_van

BATCH = 2000


def adviesvragen_bulk_toevoegen(*, adviesvragen: list[Adviesvraag]) -> list[Adviesvraag]:
    # Nobody's save to hide, and as unmixed rows a million generated rows would be rewritten by the
    # next save (mengen.py).
    for adviesvraag in adviesvragen:
        adviesvraag.gemengd = True
    with transaction.atomic():
        rijen = Adviesvraag.objects.bulk_create(adviesvragen, batch_size=BATCH)
    return rijen


def adviesvragen_bulk_verwijderen(*, jaren: list[int], eigenaars) -> int:
    """Remove the rows of these years registered by these users (a queryset or list of users)."""
    pseudoniemen = [pseudoniem for eigenaar in eigenaars for pseudoniem in pseudoniemen_van(eigenaar)]
    with transaction.atomic():
        aantal, _ = Adviesvraag.objects.filter(jaar__in=jaren, pseudoniem__in=pseudoniemen).delete()
    return aantal
