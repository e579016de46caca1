"""Optimistic locking: a change is written only if the row still has the version the user saw."""

from django.db import models, transaction
from django.db.models import F

from finintegriteit.kern.signalen import bulk_gewijzigd

from ..audit import audit_vastleggen
from ..models import AuditRegel
from .fouten import VersieConflict


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
    bulk_gewijzigd.send(sender=type(instantie))
    for naam, waarde in velden.items():
        setattr(instantie, naam, waarde)
    instantie.versie = versie + 1


def gewijzigde_velden(instantie: models.Model, waarden: dict) -> list[str]:
    return [naam for naam, waarde in waarden.items() if getattr(instantie, naam) != waarde]


def wijzigen_met_audit(
    instantie: models.Model, *, door, versie: int, velden: dict, gewijzigd: list[str]
) -> None:
    """bijwerken_met_versie, plus one audit row naming the fields the user changed (none if none).

    Written even when nothing changed: a stale form must not pass unnoticed. `velden` may hold more
    than `gewijzigd`: values derived from the user's change, such as deadlines.
    """
    with transaction.atomic():
        bijwerken_met_versie(instantie, versie=versie, velden=velden)
        if gewijzigd:
            audit_vastleggen(
                gebruiker=door, actie=AuditRegel.Actie.GEWIJZIGD, object=instantie, velden=gewijzigd
            )
