from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "meldingen"
    verbose_name = "OIF-meldingen"

    def ready(self):
        # Imported here, not by whoever first searches: it registers the SQLite stand-in of the search
        # function on each new connection, which must happen before the first connection opens.
        from . import zoeken  # noqa: F401
