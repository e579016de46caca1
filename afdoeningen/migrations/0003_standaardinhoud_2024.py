"""Seeds the standard phrases of 'Inhoud (vermoedelijke) schending' from Bijlage 2 of the 2024 report.

The JSON file is frozen with this migration; later phrases are added by the functioneel beheerder.
"""

import json
from pathlib import Path

from django.db import migrations

from finintegriteit.kern.migrations._rechten import ken_rechten_toe

BESTAND = Path(__file__).resolve().parent.parent / "data" / "standaardinhoud_2024.json"


def laad(apps, schema_editor):
    StandaardInhoud = apps.get_model("afdoeningen", "StandaardInhoud")
    teksten = json.loads(BESTAND.read_text(encoding="utf-8"))["teksten"]
    for volgorde, tekst in enumerate(teksten, start=1):
        StandaardInhoud.objects.update_or_create(tekst=tekst, defaults={"volgorde": volgorde * 10})


def rechten(apps, schema_editor):
    ken_rechten_toe(
        apps,
        {
            "Functioneel beheerder": [
                f"afdoeningen.{actie}_standaardinhoud" for actie in ("view", "add", "change", "delete")
            ],
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("afdoeningen", "0002_standaardinhoud_registerimport"),
        ("kern", "0002_rollen"),
    ]

    operations = [
        migrations.RunPython(laad, migrations.RunPython.noop),
        migrations.RunPython(rechten, migrations.RunPython.noop),
    ]
