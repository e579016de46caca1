"""`migrate` as the owner of the tables when DATABASE_MIGRATIE_URL is set (kern/databaserollen.py).

The data migrations write through the default alias, so for the run of this command that alias
connects as the owner; the runtime role of DATABASE_URL could not create or alter a table.
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import DEFAULT_DB_ALIAS, connections


class Command(DjangoMigrate):
    def handle(self, *args, **options):
        if options["database"] != DEFAULT_DB_ALIAS or "migratie" not in settings.DATABASES:
            return super().handle(*args, **options)
        with _als_eigenaar():
            return super().handle(*args, **options)


@contextmanager
def _als_eigenaar():
    instellingen = connections[DEFAULT_DB_ALIAS].settings_dict
    runtime = {sleutel: instellingen.get(sleutel) for sleutel in ("USER", "PASSWORD")}
    connections[DEFAULT_DB_ALIAS].close()
    instellingen.update({sleutel: settings.DATABASES["migratie"].get(sleutel) for sleutel in runtime})
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        instellingen.update(runtime)
