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
    audit_bulk_vastleggen(gebruiker=gebruiker, actie=AuditRegel.Actie.BEKEKEN, objecten=objecten, velden=[])


def gevulde_velden(obj: models.Model) -> list[str]:
    """Names of the fields a new object was given a value in (what an 'aangemaakt' row lists)."""
    return sorted(
        veld.name
        for veld in obj._meta.concrete_fields
        if veld.editable and not veld.primary_key and getattr(obj, veld.attname) not in (None, "")
    )


def audit_bulk_vastleggen(
    *, gebruiker, actie: str, objecten: list[models.Model], reden: str = "", velden: list[str] | None = None
) -> None:
    """One row per object in bulk inserts; `velden` defaults to each object's filled fields."""
    gebruiker = _gebruiker(gebruiker)
    AuditRegel.objects.bulk_create(
        (
            AuditRegel(
                gebruiker=gebruiker,
                actie=actie,
                object_type=obj._meta.model_name,
                object_id=str(obj.pk),
                velden=sorted(velden) if velden is not None else gevulde_velden(obj),
                reden=reden[:300],
            )
            for obj in objecten
        ),
        batch_size=1000,
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
