"""Writes of the login process: linking an authenticator app, checking its codes, ending sessions."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

APPARAATNAAM = "Authenticator-app"

# Ending every session of a user needs sessions that are rows the application can delete;
# a system check (kern/checks.py) refuses any other session engine.
SESSIE_ENGINE = "django.contrib.sessions.backends.db"


def totp_koppeling_starten(*, gebruiker) -> TOTPDevice:
    """The not yet confirmed authenticator of this user, made on first call.

    Reloading the page keeps the same secret, so a code from an app that already scanned
    the QR code stays valid. Only a user without a confirmed device gets here (see the view).
    """
    with transaction.atomic():
        apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).order_by("-pk").first()
        if apparaat is None:
            apparaat = TOTPDevice.objects.create(user=gebruiker, name=APPARAATNAAM, confirmed=False)
        return apparaat


def totp_koppeling_bevestigen(*, gebruiker, code: str) -> TOTPDevice | None:
    """Confirm the pending authenticator with a code from the app; None when the code is wrong."""
    with transaction.atomic():
        apparaat = (
            TOTPDevice.objects.select_for_update()
            .filter(user=gebruiker, confirmed=False)
            .order_by("-pk")
            .first()
        )
        if apparaat is None or not apparaat.verify_token(code):
            return None
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=gebruiker, confirmed=False).delete()
        return apparaat


def tweestaps_verifieren(*, gebruiker, code: str) -> TOTPDevice | None:
    """The confirmed device that accepts this code, or None.

    django-otp locks the device row while it checks and remembers the last accepted time step,
    so a code is accepted once: a second use, even within the same 30 seconds, is refused.
    """
    for apparaat in TOTPDevice.objects.filter(user=gebruiker, confirmed=True).order_by("pk"):
        geverifieerd = verify_token(gebruiker, apparaat.persistent_id, code)
        if geverifieerd is not None:
            return geverifieerd
    return None


def tweestaps_geblokkeerd(*, gebruiker) -> bool:
    """True while django-otp's throttling refuses codes after wrong ones (waits double each time)."""
    apparaten = TOTPDevice.objects.filter(user=gebruiker, confirmed=True)
    return any(not apparaat.verify_is_allowed()[0] for apparaat in apparaten)


def sessies_beeindigen(*, gebruiker) -> int:
    """Delete every stored session of this user, on every browser; returns how many.

    The session store does not index sessions by user, so the live ones are decoded. With a
    30-minute idle timeout that is the sessions of the last half hour: a small set.
    """
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    gebruiker_id = str(gebruiker.pk)
    sleutels = [
        sleutel
        for sleutel, gegevens in Session.objects.filter(expire_date__gt=timezone.now())
        .values_list("session_key", "session_data")
        .iterator()
        if store.decode(gegevens).get(SESSION_KEY) == gebruiker_id
    ]
    with transaction.atomic():
        aantal, _ = Session.objects.filter(session_key__in=sleutels).delete()
    return aantal


def wachtwoord_wijzigen(*, gebruiker, nieuw_wachtwoord: str) -> None:
    """Set a new password and end every session of the user, this browser's included."""
    with transaction.atomic():
        gebruiker.set_password(nieuw_wachtwoord)
        gebruiker.save(update_fields=["password"])
        sessies_beeindigen(gebruiker=gebruiker)
