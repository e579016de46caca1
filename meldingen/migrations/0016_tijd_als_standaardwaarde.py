"""The creation times of Melding, StatusOvergang and Document become a default instead of auto_now_add.

auto_now_add overwrites any value given, so the meldkanaal could only insert the exact time and update it
to the day afterwards, which leaves the time in the dead row version and the WAL. With a default the
meldkanaal inserts the day directly. Only Django's state changes; the columns stay as they are (no SQL).
Refers to Django's own timezone.now, no project code.
"""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0015_omschrijving_zoekvector"),
    ]

    operations = [
        migrations.AlterField(
            model_name="document",
            name="op",
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name="op"),
        ),
        migrations.AlterField(
            model_name="melding",
            name="aangemaakt_op",
            field=models.DateTimeField(
                default=django.utils.timezone.now, editable=False, verbose_name="aangemaakt op"
            ),
        ),
        migrations.AlterField(
            model_name="statusovergang",
            name="op",
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name="op"),
        ),
    ]
