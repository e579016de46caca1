"""The four roles of the system. A role is a Django group; its permissions are granted by migration."""

OIF_ANALIST = "OIF-analist"
VERTROUWENSPERSOON = "Vertrouwenspersoon"
COORDINATOR = "Integriteitscoördinator"
BEHEERDER = "Functioneel beheerder"

ALLE_ROLLEN = (OIF_ANALIST, VERTROUWENSPERSOON, COORDINATOR, BEHEERDER)


def rollen_van(gebruiker) -> frozenset[str]:
    """The role names of a user, cached on the user object for the rest of the request."""
    if not gebruiker.is_authenticated:
        return frozenset()
    if not hasattr(gebruiker, "_rollen_cache"):
        gebruiker._rollen_cache = frozenset(gebruiker.groups.values_list("name", flat=True))
    return gebruiker._rollen_cache


def heeft_rol(gebruiker, *rollen: str) -> bool:
    return bool(rollen_van(gebruiker).intersection(rollen))


# Rights given per person on top of a role, only to OIF analysts ('app_label.codename' -> label).
MELDER_IDENTITEIT_INZIEN = "meldingen.melder_identiteit_inzien"
MELDING_HEROPENEN = "meldingen.melding_heropenen"
AFGESCHERMDE_MELDINGEN_INZIEN = "meldingen.afgeschermde_meldingen_inzien"
BIJZONDERE_RECHTEN = {
    MELDER_IDENTITEIT_INZIEN: "Identiteit van de melder inzien",
    MELDING_HEROPENEN: "Afgedane melding heropenen",
    AFGESCHERMDE_MELDINGEN_INZIEN: "Afgeschermde meldingen inzien (teamleider)",
}
