"""Writing the audit trail. Every read and change of a melding, betrokkene or afdoening calls this."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

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
        gebruiker=_gebruiker(gebruiker),
        actie=actie,
        object_type=object_type or (object._meta.model_name if object is not None else ""),
        object_id=object_id or (str(object.pk) if object is not None else ""),
        velden=sorted(velden or []),
        reden=reden[:300],
    )


def audit_bekeken_vastleggen(*, gebruiker, objecten: list[models.Model]) -> None:
    """One 'bekeken' row per object shown on a page, written in a single query."""
    AuditRegel.objects.bulk_create(
        [
            AuditRegel(
                gebruiker=_gebruiker(gebruiker),
                actie=AuditRegel.Actie.BEKEKEN,
                object_type=obj._meta.model_name,
                object_id=str(obj.pk),
            )
            for obj in objecten
        ]
    )


def weigering_vastleggen(object_type: str, kwarg: str = "pk"):
    """View decorator: a refused attempt (403 or 404) on an object writes a 'geweigerd' row.

    Put it outside `rol_vereist`, so that a user of another role who guesses a URL is recorded too.
    The row names the object the URL pointed at, whether or not it exists.
    """

    def decorator(view):
        @wraps(view)
        def vastleggen(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except (PermissionDenied, Http404):
                audit_vastleggen(
                    gebruiker=request.user,
                    actie=AuditRegel.Actie.GEWEIGERD,
                    object_type=object_type,
                    object_id=str(kwargs.get(kwarg, ""))[:40],
                )
                raise

        return vastleggen

    return decorator


def _gebruiker(gebruiker):
    return gebruiker if getattr(gebruiker, "is_authenticated", False) else None
