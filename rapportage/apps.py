from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = "Rapportage"

    def ready(self):
        # Cache invalidation only (rapportage/cijfercache.py); no business rule hangs on this.
        from .cijfercache import wijzigingen_volgen

        wijzigingen_volgen()
