from django.db import migrations

from finintegriteit.kern.migrations._rechten import ken_rechten_toe


def rechten(apps, schema_editor):
    # The beheerder reads the durable logs of failed and successful logins. Unlinking an authenticator
    # app is no longer a right: only a new activation code replaces an app.
    ken_rechten_toe(
        apps,
        {"Functioneel beheerder": ["axes.view_accesslog", "axes.view_accessfailurelog"]},
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Functioneel beheerder").permissions.remove(
        *Permission.objects.filter(content_type__app_label="otp_totp", codename="delete_totpdevice")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kern", "0004_activeringscode"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(rechten, migrations.RunPython.noop)]
