from django.db import migrations

from finintegriteit.kern.migrations._rechten import ken_rechten_toe

# Not granted to the OIF-analist role as a whole: the Wet bescherming klokkenluiders limits the melder's
# identity to those who need it, and reopening a closed case is an exception. A user gets either right by
# being added to one of these groups (in /beheer/, by a superuser).
GROEP_IDENTITEIT = "OIF: identiteit melder inzien"
GROEP_HEROPENEN = "OIF: afgedane melding heropenen"


def rechten(apps, schema_editor):
    ken_rechten_toe(
        apps,
        {
            GROEP_IDENTITEIT: ["meldingen.melder_identiteit_inzien"],
            GROEP_HEROPENEN: ["meldingen.melding_heropenen"],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0003_statusovergang_identiteit_termijnen"),
        ("kern", "0002_rollen"),
    ]

    operations = [migrations.RunPython(rechten, migrations.RunPython.noop)]
