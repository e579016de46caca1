"""The beheerder sees a Profiel in /beheer/ but no longer changes it there: the coordinator's onderdeel is
set in 'Gebruikers en rollen', through the service that audits it (kern/admin.py ProfielAdmin)."""

from django.db import migrations

from finintegriteit.kern.migrations._rechten import ken_rechten_toe

BEHEERDER = "Functioneel beheerder"
INGETROKKEN = ["add_profiel", "change_profiel"]


def intrekken(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groep = Group.objects.filter(name=BEHEERDER).first()
    if groep is not None:
        groep.permissions.remove(
            *Permission.objects.filter(content_type__app_label="kern", codename__in=INGETROKKEN)
        )


def teruggeven(apps, schema_editor):
    ken_rechten_toe(apps, {BEHEERDER: [f"kern.{codename}" for codename in INGETROKKEN]})


class Migration(migrations.Migration):
    dependencies = [("kern", "0008_audittrail_naar_kern")]

    operations = [migrations.RunPython(intrekken, teruggeven)]
