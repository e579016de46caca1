from django.db import migrations, models


class Migration(migrations.Migration):
    """Every save rewrites the rows not yet mixed (vertrouwenspersonen/mengen.py).

    Rows that exist now count as mixed: the next nightly mix rewrites them anyway, and counted as new,
    every save until then would draw the rows it rewrites from the whole table.
    """

    dependencies = [
        ("referentie", "0004_jaar_van_vier_cijfers"),
        ("vertrouwenspersonen", "0008_hulptekst_gebruiker"),
    ]

    operations = [
        migrations.AddField(
            model_name="adviesvraag",
            name="gemengd",
            field=models.BooleanField(default=True, editable=False, verbose_name="gemengd"),
        ),
        migrations.AlterField(
            model_name="adviesvraag",
            name="gemengd",
            field=models.BooleanField(default=False, editable=False, verbose_name="gemengd"),
        ),
        migrations.AddIndex(
            model_name="adviesvraag",
            index=models.Index(
                condition=models.Q(("gemengd", False)), fields=["id"], name="adviesvraag_ongemengd"
            ),
        ),
    ]
