from django.db import migrations, models


def wachtende_markeren(apps, schema_editor):
    """A melder's file is now cleaned before it is stored, so nothing waits any more. A row still waiting
    here is one whose worker never ran: its file is the original, and it is marked as such, which the
    analist and the melder both see next to the file."""
    apps.get_model("meldingen", "Document").objects.filter(opschoning="wachtrij").update(
        opschoning="niet_mogelijk"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0017_melder_versleuteld"),
    ]

    operations = [
        migrations.RunPython(wachtende_markeren, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="document",
            name="opschoning",
            field=models.CharField(
                blank=True,
                choices=[("verwijderd", "Metadata verwijderd"), ("niet_mogelijk", "Metadata niet verwijderd")],
                help_text="Alleen bij bijlagen van de melder: zijn de metadata (auteur, camera, plaats) verwijderd?",
                max_length=20,
                verbose_name="metadata",
            ),
        ),
    ]
