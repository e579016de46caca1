from django.db import migrations

# PostgreSQL only: SQLite (development) has no stored procedures worth the trouble, and the
# application itself offers no way to change or delete audit rows on any database.
# TRUNCATE stays possible: that is a database administrator's act, and the test runner flushes with it.
TRIGGER_AAN = """
CREATE OR REPLACE FUNCTION meldingen_auditregel_onveranderlijk() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING
        MESSAGE = 'De audittrail is alleen aan te vullen: ' || TG_OP || ' is niet toegestaan.',
        ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER meldingen_auditregel_onveranderlijk
    BEFORE UPDATE OR DELETE ON meldingen_auditregel
    FOR EACH ROW EXECUTE FUNCTION meldingen_auditregel_onveranderlijk();
"""

TRIGGER_UIT = """
DROP TRIGGER IF EXISTS meldingen_auditregel_onveranderlijk ON meldingen_auditregel;
DROP FUNCTION IF EXISTS meldingen_auditregel_onveranderlijk();
"""


def aan(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER_AAN)


def uit(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER_UIT)


class Migration(migrations.Migration):
    dependencies = [("meldingen", "0004_rechten_identiteit_heropenen")]

    operations = [migrations.RunPython(aan, uit)]
