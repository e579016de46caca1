"""Optimistic locking: a change is written only if the row still has the version the user saw.

Every model that users edit in a form carries a `versie` field; the form sends back the version it
showed, and the service writes through `bijwerken_met_versie`. One helper and one error, so every page
tells the user about a lost race in the same words.
"""

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import F

VERSIE_CONFLICT = (
    "Deze gegevens zijn gewijzigd nadat u de pagina opende, door iemand anders of door uzelf in een ander "
    "venster. Uw wijziging is niet opgeslagen, zodat niets ongemerkt wordt overschreven. Laad de pagina "
    "opnieuw en voer uw wijziging daarna opnieuw in."
)


class VersieConflict(ValidationError):
    """The row changed since the user loaded it; nothing was saved.

    A ValidationError, so that a form shows it like any other refusal of the service.
    """

    def __init__(self):
        super().__init__(VERSIE_CONFLICT, code="versieconflict")


def bijwerken_met_versie(instantie: models.Model, *, versie: int, velden: dict) -> None:
    """UPDATE ... SET <velden>, versie = versie + 1 WHERE pk = <pk> AND versie = <versie>.

    No row changed means someone saved in between: refuse, and leave their change standing.
    On success the instance carries the new values and version.
    """
    aantal = (
        type(instantie)
        .objects.filter(pk=instantie.pk, versie=versie)
        .update(**velden, versie=F("versie") + 1)
    )
    if aantal != 1:
        raise VersieConflict()
    for naam, waarde in velden.items():
        setattr(instantie, naam, waarde)
    instantie.versie = versie + 1


def vergrendelen_met_versie(model: type[models.Model], *, pk, versie: int) -> models.Model:
    """The row, locked until the end of the transaction, if it still has the version the user saw.

    For a change that cannot be one UPDATE (a delete after further checks): gone or changed since the
    page was opened is the same conflict as in `bijwerken_met_versie`.
    """
    huidig = model.objects.select_for_update().filter(pk=pk).first()
    if huidig is None or huidig.versie != versie:
        raise VersieConflict()
    return huidig


def schrijvers_na_elkaar(*, slot: int, model: type[models.Model]) -> None:
    """Let writers of `model` that ask for the same `slot` wait for each other until the transaction ends.

    PostgreSQL: an advisory lock, which any role may take and which ends with the transaction; readers
    never wait. SQLite has one writer at a time anyway: a write that changes nothing takes its write lock
    now, before the caller reads what it is about to build on.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [slot])
        elif connection.vendor == "sqlite":
            tabel = connection.ops.quote_name(model._meta.db_table)
            sleutel = connection.ops.quote_name(model._meta.pk.column)
            cursor.execute(f"UPDATE {tabel} SET {sleutel} = {sleutel} WHERE 1 = 0")  # noqa: S608
