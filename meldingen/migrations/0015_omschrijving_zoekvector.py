"""The words of the omschrijving as a stored column, so a word search need not analyse each text again.

A page of a word search walks the meldingen in number order and tests each against the term; with only
an expression index, PostgreSQL ran to_tsvector over every omschrijving it passed (docs/prestaties.md,
'Zoeken in de werkvoorraad'). A generated column is kept by the database itself, also when the
bewaartermijn empties the omschrijving. PostgreSQL only: SQLite searches with a plain comparison
(meldingen/zoeken.py) and has neither the column nor the index. The model does not know the column;
meldingen/zoeken.py names it (ZOEKVECTOR).
"""

from django.db import migrations

VOORUIT = """
ALTER TABLE meldingen_melding ADD COLUMN omschrijving_zoek tsvector
    GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, COALESCE(omschrijving, ''))) STORED;
CREATE INDEX melding_omschrijving_zoek ON meldingen_melding USING gin (omschrijving_zoek);
DROP INDEX IF EXISTS melding_zoeken;
"""

TERUG = """
CREATE INDEX melding_zoeken ON meldingen_melding
    USING gin (to_tsvector('dutch'::regconfig, COALESCE(omschrijving, '')));
ALTER TABLE meldingen_melding DROP COLUMN omschrijving_zoek;
"""


def _alleen_postgres(sql):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [
        ("meldingen", "0014_audittrail_naar_kern"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.RemoveIndex(model_name="melding", name="melding_zoeken")],
            database_operations=[migrations.RunPython(_alleen_postgres(VOORUIT), _alleen_postgres(TERUG))],
        ),
    ]
