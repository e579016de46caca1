from django.apps import AppConfig


class ReferentieConfig(AppConfig):
    name = "finintegriteit.referentie"
    label = "referentie"
    verbose_name = "Referentiegegevens (taxonomieën)"
