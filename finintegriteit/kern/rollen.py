"""The four roles of the system. A role is a Django group; its permissions are granted by migration."""

from django.contrib.auth.models import Permission
from django.db.models import Q

OIF_ANALIST = "OIF-analist"
VERTROUWENSPERSOON = "Vertrouwenspersoon"
COORDINATOR = "Integriteitscoördinator"
BEHEERDER = "Functioneel beheerder"

ALLE_ROLLEN = (OIF_ANALIST, VERTROUWENSPERSOON, COORDINATOR, BEHEERDER)
# Roles that open cases or the Tellijst: the beheerder never holds one (separation of duties).
ZAAKROLLEN = (OIF_ANALIST, VERTROUWENSPERSOON)
# Roles whose accounts get their activation code from their own side, never from the beheerder, who
# saw the start password (docs/beveiliging.md, 'Vier ogen'). The coordinators too: a coordinator of the
# whole ministry hands out the codes of vertrouwenspersonen, so she must not be the beheerder's creature.
EIGEN_ACTIVERING = (OIF_ANALIST, VERTROUWENSPERSOON, COORDINATOR)


def rollen_van(gebruiker) -> frozenset[str]:
    """The role names of a user, cached on the user object for the rest of the request."""
    if not gebruiker.is_authenticated:
        return frozenset()
    if not hasattr(gebruiker, "_rollen_cache"):
        gebruiker._rollen_cache = frozenset(gebruiker.groups.values_list("name", flat=True))
    return gebruiker._rollen_cache


def heeft_rol(gebruiker, *rollen: str) -> bool:
    return bool(rollen_van(gebruiker).intersection(rollen))


def heeft_recht(gebruiker, recht: str) -> bool:
    """`gebruiker.has_perm(recht)` for one right in one query, cached on the user for the request.

    has_perm loads every permission of the person and of all their groups (two queries and a set of
    every 'app.codename'); the werkvoorraad asks for one right on every request, and that was a tenth of
    its time (docs/prestaties.md). The rules are Django's ModelBackend's: an inactive account has no
    rights, a superuser has all, and a right counts whether given to the person or to a group of theirs.
    """
    if not gebruiker.is_active:
        return False
    if gebruiker.is_superuser:
        return True
    bewaard = gebruiker.__dict__.setdefault("_rechten_cache", {})
    if recht not in bewaard:
        app_label, codename = recht.split(".", 1)
        bewaard[recht] = Permission.objects.filter(
            Q(user=gebruiker) | Q(group__user=gebruiker), content_type__app_label=app_label, codename=codename
        ).exists()
    return bewaard[recht]


# Rights given per person on top of a role, only to OIF analysts ('app_label.codename' -> label).
MELDER_IDENTITEIT_INZIEN = "meldingen.melder_identiteit_inzien"
MELDING_HEROPENEN = "meldingen.melding_heropenen"
AFGESCHERMDE_MELDINGEN_INZIEN = "meldingen.afgeschermde_meldingen_inzien"
BIJZONDERE_RECHTEN = {
    MELDER_IDENTITEIT_INZIEN: "Identiteit van de melder inzien",
    MELDING_HEROPENEN: "Afgedane melding heropenen",
    AFGESCHERMDE_MELDINGEN_INZIEN: "Afgeschermde meldingen inzien (teamleider)",
}
