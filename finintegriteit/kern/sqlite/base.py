"""SQLite, the embedded default, minus the indexes only PostgreSQL can build.

Full-text search indexes (GinIndex over a SearchVector) are declared on the models so that PostgreSQL
gets them from the migrations. SQLite cannot parse them, and it rebuilds a whole table, with every
index of the model, whenever a later migration adds a field or a constraint. Leaving them out here,
in one place, keeps every migration working on SQLite without each one having to know about them;
the search has a plain fallback on SQLite that needs no index.
"""

from django.db.backends.sqlite3 import base, schema


def alleen_postgres(index) -> bool:
    return type(index).__module__.startswith("django.contrib.postgres")


class DatabaseSchemaEditor(schema.DatabaseSchemaEditor):
    def _model_indexes_sql(self, model):
        statements = super()._model_indexes_sql(model)
        overslaan = {
            str(index.create_sql(model, self)) for index in model._meta.indexes if alleen_postgres(index)
        }
        return [statement for statement in statements if str(statement) not in overslaan]

    def add_index(self, model, index):
        if not alleen_postgres(index):
            super().add_index(model, index)

    def remove_index(self, model, index):
        if not alleen_postgres(index):
            super().remove_index(model, index)


class DatabaseWrapper(base.DatabaseWrapper):
    SchemaEditorClass = DatabaseSchemaEditor
