"""Year totals per publication of the Tellijst, filled for the publications made before them.

Only publications whose detailed counts still exist can be filled: the older ones lost theirs
(BEWAARDE_PUBLICATIES) and stay without totals, which the current-year view reads as unknown, not
as 0. A publication without any counts is known to have been empty only if it is one of the latest
two (whose counts are never removed).
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Sum
from django.utils import timezone

BEWAARDE_PUBLICATIES = 2  # as rapportage.services.publicatie when this migration was written


def jaartotalen_vullen(apps, schema_editor):
    Publicatie = apps.get_model("rapportage", "Publicatie")
    GepubliceerdeTelling = apps.get_model("rapportage", "GepubliceerdeTelling")
    GepubliceerdJaartotaal = apps.get_model("rapportage", "GepubliceerdJaartotaal")
    laatste = set(
        Publicatie.objects.order_by("-gepubliceerd_op", "-pk").values_list("pk", flat=True)[
            :BEWAARDE_PUBLICATIES
        ]
    )
    per_publicatie = {}
    for rij in GepubliceerdeTelling.objects.values("publicatie", "jaar").annotate(n=Sum("aantal")):
        per_publicatie.setdefault(rij["publicatie"], {})[rij["jaar"]] = rij["n"]
    nieuw = []
    for publicatie in Publicatie.objects.filter(pk__in=laatste | set(per_publicatie)):
        totalen = per_publicatie.get(publicatie.pk, {})
        totalen.setdefault(timezone.localdate(publicatie.gepubliceerd_op).year, 0)
        nieuw += [
            GepubliceerdJaartotaal(publicatie=publicatie, jaar=jaar, aantal=aantal)
            for jaar, aantal in totalen.items()
        ]
    GepubliceerdJaartotaal.objects.bulk_create(nieuw)


class Migration(migrations.Migration):

    dependencies = [
        ('rapportage', '0011_reeks_en_vaststelling_als_taak'),
    ]

    operations = [
        migrations.CreateModel(
            name='GepubliceerdJaartotaal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('jaar', models.PositiveSmallIntegerField(verbose_name='jaar')),
                ('aantal', models.PositiveIntegerField(help_text='Rijen van dit jaar in de publicatie.', verbose_name='aantal rijen')),
                ('publicatie', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='jaartotalen', to='rapportage.publicatie')),
            ],
            options={
                'verbose_name': 'gepubliceerd jaartotaal van de Tellijst',
                'verbose_name_plural': 'gepubliceerde jaartotalen van de Tellijst',
                'constraints': [models.UniqueConstraint(fields=('publicatie', 'jaar'), name='jaartotaal_een_per_jaar'), models.CheckConstraint(condition=models.Q(('aantal__gte', 0)), name='jaartotaal_niet_negatief')],
            },
        ),
        migrations.RunPython(jaartotalen_vullen, migrations.RunPython.noop),
    ]
