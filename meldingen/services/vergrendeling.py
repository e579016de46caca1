"""Optimistic locking with the audit row the meldingen pages write; the lock itself is in kern."""

from django.db import models, transaction

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from finintegriteit.kern.vergrendeling import bijwerken_met_versie


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
