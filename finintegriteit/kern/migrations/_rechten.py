"""Granting permissions to role groups, for the data migrations of every app.

Frozen with the migrations that use it (a leading underscore keeps Django from loading it as a
migration): a later change to the roles goes into a new migration, never into this file, so that
migrating an empty database always runs the code it ran when each migration was written.
"""


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
