"""Events that only the framework sees, written to the audit trail through kern/services/audit.py.

Logins (Django's auth signals and django-axes' lockout) and every change made in /beheer/ (the admin's
own log: taxonomies, kerncijfers, users and groups). The receivers only translate; the one place that
writes the audit trail stays `audit_vastleggen`.

A failed login names the account only when it exists, by its id: what was typed in the user-name
field is not stored (people type their password there by mistake).
"""

import json

from django.contrib.admin.models import ADDITION, CHANGE, DELETION
from django.contrib.auth import get_user_model

from .models import AuditRegel
from .services.audit import audit_vastleggen

A = AuditRegel.Actie
BEHEERACTIES = {ADDITION: A.AANGEMAAKT, CHANGE: A.GEWIJZIGD, DELETION: A.VERWIJDERD}


def ingelogd(sender, request, user, **kwargs) -> None:
    audit_vastleggen(gebruiker=user, actie=A.INGELOGD, object_type="user", object_id=user.pk)


def inloggen_mislukt(sender, credentials, request=None, **kwargs) -> None:
    audit_vastleggen(
        gebruiker=None,
        actie=A.INLOGGEN_MISLUKT,
        object_type="user",
        object_id=_gebruiker_id(credentials.get("username")),
    )


def geblokkeerd(sender, request=None, username=None, **kwargs) -> None:
    audit_vastleggen(
        gebruiker=None, actie=A.GEBLOKKEERD, object_type="user", object_id=_gebruiker_id(username)
    )


def beheerwijziging(sender, instance, created, raw=False, **kwargs) -> None:
    """post_save of the admin's LogEntry: who changed which object in /beheer/ and which fields."""
    if not created or raw:
        return
    soort = instance.content_type
    actie = BEHEERACTIES.get(instance.action_flag, A.GEWIJZIGD)
    if soort is not None and soort.app_label in ("auth", "kern"):
        actie = A.RECHTEN
    audit_vastleggen(
        gebruiker=instance.user,
        actie=actie,
        object_type=soort.model if soort is not None else "",
        object_id=instance.object_id or "",
        velden=_gewijzigde_velden(instance.change_message),
    )


def _gewijzigde_velden(bericht: str) -> list[str]:
    try:
        delen = json.loads(bericht or "[]")
    except ValueError:
        return []
    velden = set()
    for deel in delen if isinstance(delen, list) else []:
        for details in deel.values() if isinstance(deel, dict) else []:
            velden.update(str(veld) for veld in (details or {}).get("fields", []))
    return sorted(velden)


def _gebruiker_id(gebruikersnaam) -> str:
    if not gebruikersnaam:
        return ""
    pk = get_user_model().objects.filter(username=gebruikersnaam).values_list("pk", flat=True).first()
    return str(pk) if pk is not None else ""
