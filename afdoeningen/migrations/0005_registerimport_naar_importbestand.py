from django.db import migrations
from django.utils.crypto import salted_hmac

# Frozen copy of finintegriteit.kern.importeren.selectors.eigenaar_van at the time of this migration.
EIGENAAR_SALT = "finintegriteit.importbestand.eigenaar"


def registerimports_overzetten(apps, schema_editor):
    """Finished register imports become import rows of the shared framework, so a file imported before
    this change is still recognised. Unconfirmed previews are not carried over: they held no check
    result and would have expired within a day anyway."""
    Registerimport = apps.get_model("afdoeningen", "Registerimport")
    Importbestand = apps.get_model("kern", "Importbestand")
    for oud in Registerimport.objects.filter(status="geimporteerd"):
        Importbestand.objects.create(
            soort="oif_register",
            door_id=oud.door_id,
            eigenaar=salted_hmac(EIGENAAR_SALT, str(oud.door_id)).hexdigest(),
            bestandsnaam=oud.bestandsnaam,
            formaat=oud.soort,
            bestand=b"",
            sha256=oud.sha256,
            status="geimporteerd",
            voortgang=100,
            # One row per betrokkene: the number of data rows of the file.
            aantallen={**oud.aantallen, "rijen": oud.aantallen.get("betrokkenen", 0)},
            klaar_op=oud.geimporteerd_op,
        )


def terug(apps, schema_editor):
    """Nothing to undo: the old table comes back empty (its rows were finished imports only).

    Not RunPython.noop on purpose: this is a copy of user data, not a seed that tests re-run."""


class Migration(migrations.Migration):
    dependencies = [
        ("afdoeningen", "0004_afdoening_controle_melder"),
        ("kern", "0007_importbestand"),
    ]

    operations = [
        migrations.RunPython(registerimports_overzetten, terug),
        migrations.DeleteModel(name="Registerimport"),
    ]
