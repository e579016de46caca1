"""The second login step: activation codes, linking an authenticator app, checking its codes.

A device is bound only after the person entered an activation code issued for them: whoever merely
knows a password cannot link an app of their own. The functioneel beheerder issues the codes of the
beheerders' accounts; those of analists, vertrouwenspersonen and coordinators come from their own side
(docs/beveiliging.md, 'Vier ogen'), since the beheerder already saw the start password.
"""

import datetime as dt
import hashlib
import hmac
import math
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..auditspoor import accountgebeurtenis_vastleggen
from ..models import Activeringscode
from ..selectors import mag_activeren, rollen_met_eigen_activering
from ..teksten import wie_activeert

APPARAATNAAM = "Authenticator-app"
# Without 0/O, 1/I/L: the code is read aloud or typed over from a note.
CODETEKENS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODELENGTE = 12

ZELF_UITGEVEN = "U kunt geen activeringscode voor uw eigen account uitgeven; vraag een andere beheerder."
NIET_UW_ACCOUNT = (
    "{wie} geeft de activeringscode voor dit account: zo kan niemand in zijn eentje iemand toegang geven."
)


class ActiveringsFout(Exception):
    """The activation code cannot be issued; the message says why, in Dutch."""


def _normaliseren(code: str) -> str:
    return "".join(teken for teken in code.upper() if teken.isalnum())


def _hash(code: str) -> str:
    return hashlib.sha256(_normaliseren(code).encode("ascii", "ignore")).hexdigest()


def activeringscode_uitgeven(*, door, gebruiker) -> str:
    """Issue a new activation code for `gebruiker` and return it (the only time it exists in clear).

    Any linked authenticator app and any earlier open code of that person stop working at once:
    a new code is how a lost or replaced phone is handled, so a device is never removed without one.
    The code of an analist's, vertrouwenspersoon's or coordinator's account comes from that side, never
    from the beheerder (selectors.mag_activeren). `door` is None only for the server's command
    (activeringscode_uitgeven).
    """
    if door is not None and door.pk == gebruiker.pk:
        raise ActiveringsFout(ZELF_UITGEVEN)
    code = "".join(secrets.choice(CODETEKENS) for _ in range(CODELENGTE))
    with transaction.atomic():
        # The account's row lock orders this against a role change of the same account (gebruikers.py
        # takes it too): otherwise a code asked for a coordinator could be written just after the same
        # account got the analist role, and outlive the change that was to void it.
        accountrij_vergrendelen(gebruiker=gebruiker)
        if door is not None and not mag_activeren(door=door, gebruiker=gebruiker):
            wie = wie_activeert(rollen_met_eigen_activering(gebruiker=gebruiker))
            raise ActiveringsFout(NIET_UW_ACCOUNT.format(wie=capfirst(wie)))
        toegang_intrekken(door=door, gebruiker=gebruiker)
        Activeringscode.objects.create(
            gebruiker=gebruiker,
            code_hash=_hash(code),
            uitgegeven_door=door,
            verloopt_op=timezone.now() + dt.timedelta(hours=settings.ACTIVERINGSCODE_GELDIG_UUR),
        )
        accountgebeurtenis_vastleggen(door=door, betreft=gebruiker, gebeurtenis="activeringscode_uitgegeven")
    return "-".join(code[i : i + 4] for i in range(0, CODELENGTE, 4))


def accountrij_vergrendelen(*, gebruiker) -> None:
    """Lock the account's row until the transaction ends (a no-op on SQLite, which writes one at a time)."""
    get_user_model().objects.select_for_update().filter(pk=gebruiker.pk).exists()


def toegang_intrekken(*, door, gebruiker) -> None:
    """Unlink the person's authenticator app and void their open activation codes: until someone issues
    a new code, nobody gets past the second login step of this account. Audited as far as anything
    was there to remove."""
    with transaction.atomic():
        ingetrokken = _open_codes(gebruiker).update(ingetrokken_op=timezone.now())
        verwijderd, _ = TOTPDevice.objects.filter(user=gebruiker).delete()
        if ingetrokken:
            accountgebeurtenis_vastleggen(
                door=door, betreft=gebruiker, gebeurtenis="activeringscode_vervallen"
            )
        if verwijderd:
            accountgebeurtenis_vastleggen(
                door=door, betreft=gebruiker, gebeurtenis="authenticator_verwijderd"
            )


def _open_codes(gebruiker):
    return Activeringscode.objects.open().filter(gebruiker=gebruiker)


def activeringscode_controleren(*, gebruiker, code: str) -> Activeringscode | None:
    """The open code of this person that matches, or None; a wrong code counts against the open ones.

    After Activeringscode.MAX_POGINGEN wrong codes the open codes are void and a new one must be issued.
    """
    gezocht = _hash(code)
    with transaction.atomic():
        codes = list(_open_codes(gebruiker).select_for_update())
        for kandidaat in codes:
            if hmac.compare_digest(kandidaat.code_hash, gezocht):
                accountgebeurtenis_vastleggen(
                    door=gebruiker, betreft=gebruiker, gebeurtenis="activeringscode_ingevoerd"
                )
                return kandidaat
        for kandidaat in codes:
            kandidaat.mislukte_pogingen += 1
            kandidaat.save(update_fields=["mislukte_pogingen"])
        accountgebeurtenis_vastleggen(
            door=gebruiker, betreft=gebruiker, gebeurtenis="activeringscode_onjuist"
        )
        if any(kandidaat.mislukte_pogingen >= Activeringscode.MAX_POGINGEN for kandidaat in codes):
            accountgebeurtenis_vastleggen(
                door=gebruiker, betreft=gebruiker, gebeurtenis="activeringscode_ingetrokken"
            )
    return None


def totp_koppeling_starten(*, gebruiker) -> TOTPDevice:
    """The not yet confirmed authenticator of this user, made on first call.

    Reloading the page keeps the same secret, so a code from an app that already scanned
    the QR code stays valid. Only a user who entered a valid activation code gets here (see the view).
    """
    with transaction.atomic():
        apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).order_by("-pk").first()
        if apparaat is None:
            apparaat = TOTPDevice.objects.create(user=gebruiker, name=APPARAATNAAM, confirmed=False)
        return apparaat


def totp_koppeling_bevestigen(*, gebruiker, activeringscode_id: int, code: str) -> TOTPDevice | None:
    """Confirm the pending authenticator with a code from the app and use up the activation code.

    None when the TOTP code is wrong or the activation code is no longer open (used meanwhile in
    another browser, expired, replaced): the row lock makes the code single-use.
    """
    with transaction.atomic():
        activering = _open_codes(gebruiker).select_for_update().filter(pk=activeringscode_id).first()
        if activering is None:
            return None
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
        activering.gebruikt_op = timezone.now()
        activering.save(update_fields=["gebruikt_op"])
        accountgebeurtenis_vastleggen(
            door=gebruiker, betreft=gebruiker, gebeurtenis="authenticator_gekoppeld"
        )
        return apparaat


def activeringscode_open(*, gebruiker, activeringscode_id: int | None) -> bool:
    return activeringscode_id is not None and _open_codes(gebruiker).filter(pk=activeringscode_id).exists()


def tweestaps_verifieren(*, gebruiker, code: str) -> TOTPDevice | None:
    """The confirmed device that accepts this code, or None.

    django-otp locks the device row while it checks and remembers the last accepted time step,
    so a code is accepted once: a second use, even within the same 30 seconds, is refused.
    """
    apparaten = TOTPDevice.objects.filter(user=gebruiker, confirmed=True)
    for apparaat in apparaten.order_by("pk"):
        geverifieerd = verify_token(gebruiker, apparaat.persistent_id, code)
        if geverifieerd is not None:
            return geverifieerd
    # django-otp doubles the wait after every wrong code without end: whoever knows the password (the
    # beheerder knows a start password) could keep the right owner out for good with one wrong code per
    # wait. Capped at the password's longest wait; a million codes still take decades to guess.
    hoogste = _hoogste_foutenteller()
    apparaten.filter(throttling_failure_count__gt=hoogste).update(throttling_failure_count=hoogste)
    return None


def _hoogste_foutenteller() -> int:
    """The failure count at which django-otp's wait (factor x 2^(count-1) s) reaches at most
    ACCOUNT_MAX_WACHTTIJD_MINUTEN."""
    factor = TOTPDevice().get_throttle_factor() or 1
    return 1 + max(0, math.floor(math.log2(settings.ACCOUNT_MAX_WACHTTIJD_MINUTEN * 60 / factor)))


def tweestaps_geblokkeerd(*, gebruiker) -> bool:
    """True while django-otp's throttling refuses codes after wrong ones (waits double each time)."""
    apparaten = TOTPDevice.objects.filter(user=gebruiker, confirmed=True)
    return any(not apparaat.verify_is_allowed()[0] for apparaat in apparaten)
