"""Ending sessions: at logout, after a password change, when an account is switched off, and when they
have expired."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

# Ending every session of a user needs sessions that are rows the application can delete;
# a system check (kern/checks.py) refuses any other session engine.
SESSIE_ENGINE = "django.contrib.sessions.backends.db"


def sessies_beeindigen(*, gebruiker, behalve: str | None = None) -> int:
    """Delete every stored session of this user, on every browser, except the key `behalve`.

    The session store does not index sessions by user, so the live ones are decoded. Sessions
    live at most SESSIE_MAX_UUR, so that is a bounded set.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    gebruiker_id = str(gebruiker.pk)
    sleutels = [
        sleutel
        for sleutel, gegevens in Session.objects.filter(expire_date__gt=timezone.now())
        .values_list("session_key", "session_data")
        .iterator()
        if sleutel != behalve and store.decode(gegevens).get(SESSION_KEY) == gebruiker_id
    ]
    with transaction.atomic():
        aantal, _ = Session.objects.filter(session_key__in=sleutels).delete()
    return aantal


def verlopen_sessies_opruimen() -> int:
    """Delete the sessions that have expired; returns how many.

    Django leaves them in the table until someone runs `clearsessions`, and each keeps its user id, the
    moment of its last request (the expiry date less SESSION_COOKIE_AGE) and what the session held, such
    as the import a vertrouwenspersoon was waiting for: in every backup. Beat runs this every quarter
    of an hour, so a backup holds only the sessions of people at work when it was made.
    """
    aantal, _ = Session.objects.filter(expire_date__lte=timezone.now()).delete()
    return aantal


def wachtwoord_wijzigen(*, gebruiker, nieuw_wachtwoord: str, behalve_sessie: str | None = None) -> None:
    """Set a new password and end every session of the user but `behalve_sessie`."""
    with transaction.atomic():
        gebruiker.set_password(nieuw_wachtwoord)
        gebruiker.save(update_fields=["password"])
        wachtwoord_gewijzigd(door=gebruiker, gebruiker=gebruiker, behalve_sessie=behalve_sessie)


def wachtwoord_gewijzigd(*, door, gebruiker, behalve_sessie: str | None = None) -> None:
    """After a password was set (here or by the beheeromgeving's own form): end the other sessions.

    Django would refuse those sessions at their next request anyway (they carry the old password's
    hash), but deleting them leaves nothing to steal, and the change is written to the audit trail.
    """
    from ..auditspoor import accountgebeurtenis_vastleggen
    from ..models import Profiel

    with transaction.atomic():
        sessies_beeindigen(gebruiker=gebruiker, behalve=behalve_sessie)
        if door.pk == gebruiker.pk:
            Profiel.objects.filter(gebruiker=gebruiker).update(wachtwoord_wijzigen=False)
        accountgebeurtenis_vastleggen(door=door, betreft=gebruiker, gebeurtenis="wachtwoord_gewijzigd")
