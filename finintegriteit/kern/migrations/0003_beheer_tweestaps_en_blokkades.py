from django.db import migrations

from finintegriteit.kern.migrations._rechten import ken_rechten_toe


def rechten(apps, schema_editor):
    # The beheerder unlinks the authenticator app of someone who lost a phone and lifts a lockout.
    ken_rechten_toe(
        apps,
        {
            "Functioneel beheerder": [
                "otp_totp.view_totpdevice",
                "otp_totp.delete_totpdevice",
                "axes.view_accessattempt",
                "axes.delete_accessattempt",
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("kern", "0002_rollen"),
        ("otp_totp", "0003_add_timestamps"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(rechten, migrations.RunPython.noop)]
