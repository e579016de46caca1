from django.apps import AppConfig


class ReferentieConfig(AppConfig):
    name = "finintegriteit.referentie"
    label = "referentie"
    verbose_name = "Referentiegegevens (taxonomieën)"

    def ready(self):
        # Cache invalidation only (keuzelijsten.py); no business rule hangs on these signals.
        from .keuzelijsten import signalen_koppelen

        signalen_koppelen()
