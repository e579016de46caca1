from django.db import migrations

from finintegriteit.kern.migrations._rechten import ken_rechten_toe


def rechten(apps, schema_editor):
    register = [
        f"vertrouwenspersonen.{actie}_{model}"
        for model in ("vertrouwenspersoonprofiel", "certificeringsstatus")
        for actie in ("view", "add", "change", "delete")
    ]
    ken_rechten_toe(
        apps,
        {
            # Only the vertrouwenspersoon touches Tellijst rows, and only their own (scoped in selectors).
            "Vertrouwenspersoon": [
                "vertrouwenspersonen.view_adviesvraag",
                "vertrouwenspersonen.tellijst_importeren",
            ],
            # The register is administration; the beheerder gets no right on Tellijst rows.
            "Functioneel beheerder": register,
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("vertrouwenspersonen", "0002_register"),
        ("kern", "0002_rollen"),
    ]

    operations = [migrations.RunPython(rechten, migrations.RunPython.noop)]
