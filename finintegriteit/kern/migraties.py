"""Migration operations shared by the apps."""

from django.db import migrations


class AddIndexAlleenPostgres(migrations.AddIndex):
    """An index that only PostgreSQL can build (full-text GIN); on SQLite the state changes, the schema not.

    The queries that use it have a plain fallback on SQLite (meldingen/zoeken.py), which needs no index.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
