"""Brute force on the login, across addresses: the per-account limit and the client address.

django-axes already blocks a user name from one address after AXES_FAILURE_LIMIT failures (15 minutes).
That alone lets an attacker spread guesses over many addresses. On top of it, each account gets a
limit across all addresses: after ACCOUNT_DREMPEL failures since the last successful login (within
ACCOUNT_VENSTER_UUR), every further attempt must wait, a wait that doubles with each failure up to
ACCOUNT_MAX_WACHTTIJD_MINUTEN. Attempts during the wait are refused without looking at the password
and count as failures too.

Why not simply lock the account: a lock per account lets an attacker shut colleagues out. Each address
counts for at most AXES_FAILURE_LIMIT of an account's failures, which is below ACCOUNT_DREMPEL, so an
attacker at one address cannot start the per-account wait of anybody, let alone of a whole team, also
not by coming back every time axes' 15 minutes are over (counted in full, one address reached the 60
minutes in an hour and kept a team out with a guess every 50 minutes); they need several addresses per
account, and then the victim waits at most ACCOUNT_MAX_WACHTTIJD_MINUTEN per time.
"""

import datetime as dt
import ipaddress

from axes.models import AccessFailureLog, AccessLog
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.utils import timezone


def client_adres(request) -> str | None:
    """The visitor's address: X-Forwarded-For only when the request comes from a trusted proxy.

    Without VERTROUWDE_PROXIES the header is ignored: anybody can send it, and a forged address would
    let an attacker pick a fresh one for each guess. With proxies configured, the address is the
    right-most entry that is not itself a trusted proxy (the left part of the header is the client's
    own claim).
    """
    direct = request.META.get("REMOTE_ADDR")
    if not settings.VERTROUWDE_PROXIES or not _vertrouwd(direct):
        return direct
    keten = [deel.strip() for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if deel.strip()]
    for adres in reversed(keten):
        if not _vertrouwd(adres):
            return adres if _geldig(adres) else direct
    return direct


def _geldig(adres: str) -> bool:
    try:
        ipaddress.ip_address(adres)
    except ValueError:
        return False
    return True


def _vertrouwd(adres: str | None) -> bool:
    if not adres or not _geldig(adres):
        return False
    ip = ipaddress.ip_address(adres)
    return any(ip in ipaddress.ip_network(netwerk, strict=False) for netwerk in settings.VERTROUWDE_PROXIES)


def account_wachttijd(*, gebruikersnaam: str) -> dt.timedelta | None:
    """How long this user name must still wait before a password is checked again; None = no wait.

    Counted in the database from axes' durable failure log: failures since the last successful login
    within the window, at most AXES_FAILURE_LIMIT of them per address, and the time of the latest.
    """
    if not gebruikersnaam:
        return None
    nu = timezone.now()
    sinds = nu - dt.timedelta(hours=settings.ACCOUNT_VENSTER_UUR)
    laatste_succes = AccessLog.objects.filter(username=gebruikersnaam, attempt_time__gte=sinds).aggregate(
        laatste=Max("attempt_time")
    )["laatste"]
    fouten = AccessFailureLog.objects.filter(
        username=gebruikersnaam, attempt_time__gte=laatste_succes or sinds
    )
    samenvatting = fouten.aggregate(laatste=Max("attempt_time"))
    if samenvatting["laatste"] is None:
        return None
    per_adres = fouten.values("ip_address").annotate(aantal=Count("pk")).values_list("aantal", flat=True)
    aantal = sum(min(fouten_van_adres, settings.AXES_FAILURE_LIMIT) for fouten_van_adres in per_adres)
    if aantal < settings.ACCOUNT_DREMPEL:
        return None
    minuten = min(2 ** (aantal - settings.ACCOUNT_DREMPEL), settings.ACCOUNT_MAX_WACHTTIJD_MINUTEN)
    over = samenvatting["laatste"] + dt.timedelta(minutes=minuten) - nu
    return over if over > dt.timedelta(0) else None


class AccountBlokkadeBackend:
    """First in AUTHENTICATION_BACKENDS: refuses while the account must wait.

    PermissionDenied stops Django's authenticate() before any password is checked and sends
    user_login_failed, which axes records: trying during the wait lengthens it. It has no get_user on
    purpose: it never logs anyone in, and a backend with get_user would be picked by force_login.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and account_wachttijd(gebruikersnaam=username) is not None:
            raise PermissionDenied("Te veel mislukte pogingen voor dit account.")
        return None
