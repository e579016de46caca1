from django.apps import AppConfig


class ReferentieConfig(AppConfig):
    name = "finintegriteit.referentie"
    label = "referentie"
    verbose_name = "Referentiegegevens (taxonomieën)"

    def ready(self):
        # Cache invalidation only (keuzelijsten.py): every write to a taxonomy table renews the lists.
        from .keuzelijsten import wijzigingen_volgen

        wijzigingen_volgen()
