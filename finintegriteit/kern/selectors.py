"""Reads of kern: accounts with their roles, rights and second step, for 'Gebruikers en rollen'."""

import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.http import Http404
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import rollen as r
from .models import Activeringscode, Profiel
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


def onderdeel_van(*, gebruiker):
    """The Onderdeel a coordinator is tied to, or None for the whole ministry; read once per request."""
    if not hasattr(gebruiker, "_onderdeel"):
        profiel = Profiel.objects.select_related("onderdeel").filter(gebruiker=gebruiker).first()
        gebruiker._onderdeel = profiel.onderdeel if profiel else None
    return gebruiker._onderdeel


def coordinator_van_het_ministerie(*, gebruiker) -> bool:
    """A coordinator tied to no onderdeel: she edits the ministry's report texts, and hands out the
    activation codes of vertrouwenspersonen and coordinators."""
    return r.heeft_rol(gebruiker, r.COORDINATOR) and onderdeel_van(gebruiker=gebruiker) is None


def activeert(*, gebruiker) -> frozenset[str]:
    """The roles whose accounts this person hands activation codes to (docs/beveiliging.md, 'Vier
    ogen'): OIF's teamleider for analists, a coordinator of the whole ministry for vertrouwenspersonen
    and coordinators. Never someone who is also beheerder: he would hold both start password and code."""
    if not gebruiker.is_active or r.heeft_rol(gebruiker, r.BEHEERDER):
        return frozenset()
    rollen = set()
    if r.heeft_rol(gebruiker, r.OIF_ANALIST) and r.heeft_recht(gebruiker, r.AFGESCHERMDE_MELDINGEN_INZIEN):
        rollen.add(r.OIF_ANALIST)
    if coordinator_van_het_ministerie(gebruiker=gebruiker):
        rollen.update((r.VERTROUWENSPERSOON, r.COORDINATOR))
    return frozenset(rollen)


def rollen_met_eigen_activering(*, gebruiker) -> frozenset[str]:
    """The roles of rollen.EIGEN_ACTIVERING an account holds now. Read from the database, not from the
    cache on the object: issuing a code asks this under the account's row lock, after a concurrent role
    change has committed."""
    return frozenset(gebruiker.groups.filter(name__in=r.EIGEN_ACTIVERING).values_list("name", flat=True))


def mag_activeren(*, door, gebruiker) -> bool:
    """Whether `door` may issue an activation code for `gebruiker`: the beheerder for an account whose
    roles are all his to activate (a beheerder's); otherwise only whoever activates every such role."""
    eigen = rollen_met_eigen_activering(gebruiker=gebruiker)
    if not eigen:
        return r.heeft_rol(door, r.BEHEERDER)
    return eigen <= activeert(gebruiker=door)


def te_activeren_accounts(*, door) -> QuerySet:
    """The active accounts `door` may issue activation codes for, those still waiting for one first.

    Each carries `heeft_app`, `code_verloopt_op` (the latest open code's expiry, or None) and
    `app_code_van` (who issued the code the app was linked with: an account linked with a beheerder's
    code before the four eyes deserves a new code from this side).
    """
    eigen = activeert(gebruiker=door)
    anderen = set(r.EIGEN_ACTIVERING) - eigen
    open_code = Activeringscode.objects.open().filter(gebruiker=OuterRef("pk")).order_by("-verloopt_op")
    gebruikte_code = Activeringscode.objects.filter(gebruiker=OuterRef("pk"), gebruikt_op__isnull=False)
    return (
        _met_rollen()
        .filter(is_active=True, is_superuser=False, groups__name__in=eigen)
        .exclude(groups__name__in=anderen)
        .exclude(pk=door.pk)
        .annotate(
            code_verloopt_op=Subquery(open_code.values("verloopt_op")[:1]),
            app_code_van=Subquery(
                gebruikte_code.order_by("-gebruikt_op").values("uitgegeven_door__username")[:1]
            ),
        )
        .distinct()
        .order_by("heeft_app", "username")
    )


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
