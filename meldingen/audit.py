"""Writing the audit trail. Every read and change of a melding, betrokkene or afdoening calls this."""

from django.db import models

from .models import AuditRegel


def audit_vastleggen(
    *,
    gebruiker,
    actie: str,
    object: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    velden: list[str] | None = None,
    reden: str = "",
) -> AuditRegel:
    """Insert one audit row. `velden` are field names only, never values (no personal data in the row)."""
    return AuditRegel.objects.create(
        gebruiker=gebruiker if getattr(gebruiker, "is_authenticated", False) else None,
        actie=actie,
        object_type=object_type or (object._meta.model_name if object is not None else ""),
        object_id=object_id or (str(object.pk) if object is not None else ""),
        velden=sorted(velden or []),
        reden=reden[:300],
    )
