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


def ken_rechten_toe(apps, rechten_per_rol: dict[str, list[str]]) -> None:
    """Grant permissions ('app_label.codename') to role groups; for use in data migrations.

    Permissions are normally created after migrate; creating them here lets a migration grant
    a permission of a model that the same migrate run just made.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for rol, rechten in rechten_per_rol.items():
        groep, _ = Group.objects.get_or_create(name=rol)
        for recht in rechten:
            app_label, codename = recht.split(".", 1)
            groep.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


# Rights given per person on top of a role, only to OIF analysts ('app_label.codename' -> label).
MELDER_IDENTITEIT_INZIEN = "meldingen.melder_identiteit_inzien"
MELDING_HEROPENEN = "meldingen.melding_heropenen"
BIJZONDERE_RECHTEN = {
    MELDER_IDENTITEIT_INZIEN: "Identiteit van de melder inzien",
    MELDING_HEROPENEN: "Afgedane melding heropenen",
}
