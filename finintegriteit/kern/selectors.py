"""Reads of kern: accounts with their roles, rights and second step, for 'Gebruikers en rollen'."""

import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import rollen as r
from .proceslijsten import Proceslijsten


def rechten_van(gebruiker) -> set[str]:
    """The special rights given to this person directly (not through a role), as 'app.codename'."""
    return {
        f"{app_label}.{codename}"
        for app_label, codename in gebruiker.user_permissions.values_list(
            "content_type__app_label", "codename"
        )
        if f"{app_label}.{codename}" in r.BIJZONDERE_RECHTEN
    }


def gebruikers_overzicht() -> QuerySet:
    """Every account but superusers (they are no one's to manage here), with roles, rights and app.

    Three queries whatever the number of accounts: the users, their groups, their permissions.
    """
    return _met_rollen().filter(is_superuser=False)


def eigen_account(gebruiker):
    """The logged-in user's own account with roles, rights and app, for 'Mijn account'."""
    return _met_rollen().get(pk=gebruiker.pk)


def _met_rollen() -> QuerySet:
    from django.contrib.auth.models import Group, Permission

    return (
        get_user_model()
        .objects.annotate(
            heeft_app=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
        )
        .select_related("profiel__onderdeel")
        .prefetch_related(
            Prefetch("groups", queryset=Group.objects.filter(name__in=r.ALLE_ROLLEN).order_by("name")),
            Prefetch(
                "user_permissions",
                queryset=Permission.objects.filter(codename__in=_codenames()).select_related("content_type"),
            ),
        )
        .order_by("-is_active", "username")
    )


def _codenames() -> list[str]:
    return [naam.split(".", 1)[1] for naam in r.BIJZONDERE_RECHTEN]


def beheerbare_gebruiker(pk: int):
    """One account the beheerder may manage; superusers do not exist for this screen (404)."""
    gebruiker = gebruikers_overzicht().filter(pk=pk).first()
    if gebruiker is None:
        raise Http404("Dit account bestaat niet.")
    return gebruiker


def rollen_en_rechten(gebruiker) -> dict:
    """Roles, rights (labels) and onderdeel of one account from the prefetched overview row."""
    rechten = [
        r.BIJZONDERE_RECHTEN[f"{p.content_type.app_label}.{p.codename}"]
        for p in gebruiker.user_permissions.all()
        if f"{p.content_type.app_label}.{p.codename}" in r.BIJZONDERE_RECHTEN
    ]
    profiel = getattr(gebruiker, "profiel", None)
    return {
        "rollen": [groep.name for groep in gebruiker.groups.all()],
        "rechten": sorted(rechten),
        "onderdeel": profiel.onderdeel if profiel else None,
    }


def weergavenaam(gebruiker) -> str:
    """How lists, the audit trail and mails name a person: the full name, else the username."""
    return gebruiker.get_full_name() or gebruiker.get_username()


@functools.cache
def _gebruikerstabellen() -> frozenset[str]:
    from django.contrib.auth.models import Group

    User = get_user_model()
    return frozenset({User._meta.db_table, User.groups.through._meta.db_table, Group._meta.db_table})


# A login writes auth_user too (last_login), so the lists are read afresh after each login; still far
# fewer reads than one per page.
_LEDEN = Proceslijsten(
    "kern:leden",
    wat="lijsten van gebruikers",
    tabellen=_gebruikerstabellen,
    bewaartijd=lambda: settings.KEUZELIJSTEN_CACHE_SECONDEN,
)
ledenlijsten_volgen = _LEDEN.wijzigingen_volgen
ledenlijsten_vergeten = _LEDEN.vergeten


def actieve_leden(*, rol: str) -> tuple[tuple[int, str], ...]:
    """(pk, weergavenaam) of every active account with this role, by username: for showing a choice
    (behandelaar) on pages that show it every time. Kept in the process (kern/proceslijsten.py); a
    submitted choice is still checked against the database by the form."""
    return _LEDEN.lezen(rol, lambda: _leden_lezen(rol))


def _leden_lezen(rol: str) -> tuple[tuple[int, str], ...]:
    leden = (
        get_user_model()
        .objects.filter(groups__name=rol, is_active=True)
        .order_by("username")
        .only("username", "first_name", "last_name")
    )
    return tuple((lid.pk, weergavenaam(lid)) for lid in leden)
