"""Writing Tellijst rows in bulk for demo and benchmark data (services.py handles the users' writes).

The rows are built and checked by the caller (the demo data reproduce a published report, the
generator draws options in use in each row's year); this module only owns the writing.
"""

from django.db import transaction

from finintegriteit.kern.signalen import bulk_gewijzigd

from .models import Adviesvraag

BATCH = 2000


def adviesvragen_bulk_toevoegen(*, adviesvragen: list[Adviesvraag]) -> list[Adviesvraag]:
    with transaction.atomic():
        rijen = Adviesvraag.objects.bulk_create(adviesvragen, batch_size=BATCH)
        bulk_gewijzigd.send(sender=Adviesvraag)
    return rijen


def adviesvragen_bulk_verwijderen(*, jaren: list[int], geregistreerd_door) -> int:
    """Remove the rows of these years registered by these users (a queryset or list of users)."""
    with transaction.atomic():
        aantal, _ = Adviesvraag.objects.filter(
            jaar__in=jaren, geregistreerd_door__in=geregistreerd_door
        ).delete()
        bulk_gewijzigd.send(sender=Adviesvraag)
    return aantal
