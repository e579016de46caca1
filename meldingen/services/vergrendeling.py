"""Optimistic locking with the audit row the meldingen pages write, and the audited delete; the lock
itself is in kern."""

from django.db import models, transaction

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from finintegriteit.kern.vergrendeling import bijwerken_met_versie


def gewijzigde_velden(instantie: models.Model, waarden: dict) -> list[str]:
    return [naam for naam, waarde in waarden.items() if getattr(instantie, naam) != waarde]


def wijzigen_met_audit(
    instantie: models.Model, *, door, versie: int, velden: dict, gewijzigd: list[str], reden: str = ""
) -> None:
    """bijwerken_met_versie, plus one audit row naming the fields the user changed (none if none).

    Written even when nothing changed: a stale form must not pass unnoticed. `velden` may hold more
    than `gewijzigd`: values derived from the user's change, such as deadlines.
    """
    with transaction.atomic():
        bijwerken_met_versie(instantie, versie=versie, velden=velden)
        if gewijzigd:
            audit_vastleggen(
                gebruiker=door,
                actie=AuditRegel.Actie.GEWIJZIGD,
                object=instantie,
                velden=gewijzigd,
                reden=reden,
            )


def wissen_met_audit(instantie: models.Model, *, door, reden: str, melding) -> None:
    """Delete a row the user removed on purpose, with one audit row 'gewist' that names its kind.

    The id is taken before the delete (Django clears it), and the case is named by the caller because
    the row that linked the two is gone.
    """
    soort = instantie._meta.model_name
    object_id = str(instantie.pk)
    instantie.delete()
    audit_vastleggen(
        gebruiker=door,
        actie=AuditRegel.Actie.GEWIST,
        object_type=soort,
        object_id=object_id,
        velden=[soort],
        reden=reden,
        melding=melding,
    )
