from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = "Rapportage"

    def ready(self):
        # Cache invalidation only (rapportage/cijfercache.py); no business rule hangs on these signals.
        from .cijfercache import signalen_koppelen

        signalen_koppelen()
