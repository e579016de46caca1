import django.contrib.postgres.indexes
import django.contrib.postgres.operations
import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from finintegriteit.kern.migraties import AddIndexAlleenPostgres

# Part of a case number (always upper case), through a trigram index. Name search without case or
# accents, through a trigram index as well. unaccent() itself may not be used in an
# index (it is not declared immutable, its dictionary could change); this wrapper names the dictionary
# and is, which is the documented way to index it. On SQLite the application registers a Python
# function of the same name (meldingen/zoeken.py).
NAAM_INDEX = """
CREATE OR REPLACE FUNCTION ongeaccentueerd(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, lower($1)) $$;
CREATE INDEX betrokkene_naam_zoeken ON meldingen_betrokkene USING gin (ongeaccentueerd(naam) gin_trgm_ops);
CREATE INDEX melding_nummer_zoeken ON meldingen_melding USING gin (nummer gin_trgm_ops);
"""
NAAM_INDEX_TERUG = """
DROP INDEX IF EXISTS melding_nummer_zoeken;
DROP INDEX IF EXISTS betrokkene_naam_zoeken;
DROP FUNCTION IF EXISTS ongeaccentueerd(text);
"""


def naam_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NAAM_INDEX)


def naam_index_terug(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NAAM_INDEX_TERUG)


class Migration(migrations.Migration):

    dependencies = [
        ('meldingen', '0007_audittrail_keten'),
        ('referentie', '0002_taxonomie_2024'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Accent-insensitive name search (meldingen/zoeken.py); skipped on SQLite.
        django.contrib.postgres.operations.UnaccentExtension(),
        django.contrib.postgres.operations.TrigramExtension(),
        migrations.RunPython(naam_index, naam_index_terug),
        migrations.CreateModel(
            name='Aantekening',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tekst', models.TextField(verbose_name='aantekening')),
                ('op', models.DateTimeField(auto_now_add=True, verbose_name='op')),
            ],
            options={
                'verbose_name': 'aantekening',
                'verbose_name_plural': 'aantekeningen',
                'ordering': ['melding', 'op', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='betrokkene',
            index=models.Index(fields=['personeelsnummer'], name='betrokkene_personeelsnummer'),
        ),
        AddIndexAlleenPostgres(
            model_name='melding',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.SearchVector('omschrijving', config='dutch'), name='melding_zoeken'),
        ),
        migrations.AddField(
            model_name='aantekening',
            name='corrigeert',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='correcties', to='meldingen.aantekening', verbose_name='corrigeert'),
        ),
        migrations.AddField(
            model_name='aantekening',
            name='door',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='door'),
        ),
        migrations.AddField(
            model_name='aantekening',
            name='melding',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='aantekeningen', to='meldingen.melding', verbose_name='melding'),
        ),
        AddIndexAlleenPostgres(
            model_name='aantekening',
            index=django.contrib.postgres.indexes.GinIndex(django.contrib.postgres.search.SearchVector('tekst', config='dutch'), name='aantekening_zoeken'),
        ),
    ]
