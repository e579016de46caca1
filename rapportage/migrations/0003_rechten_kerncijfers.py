from django.db import migrations

from finintegriteit.kern.migrations._rechten import ken_rechten_toe

REGELS = (
    "medewerkersperonderdeel",
    "nevenwerkzaamheden",
    "klachtonderwerp",
    "klachtuitkomst",
    "cifcategorie",
)


def rechten(apps, schema_editor):
    # A year's kerncijfers are corrected, never removed; their rows may be removed to fix a mistake.
    ken_rechten_toe(
        apps,
        {
            "Functioneel beheerder": [
                *[f"rapportage.{actie}_kerncijfers" for actie in ("view", "add", "change")],
                *[
                    f"rapportage.{actie}_{model}"
                    for model in REGELS
                    for actie in ("view", "add", "change", "delete")
                ],
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0002_kerncijfers"),
        ("kern", "0002_rollen"),
    ]

    operations = [migrations.RunPython(rechten, migrations.RunPython.noop)]
