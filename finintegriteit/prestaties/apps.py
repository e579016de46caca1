from django.apps import AppConfig


class PrestatiesConfig(AppConfig):
    """Synthetic data and benchmarks (see README, 'Prestaties'). No models, no URLs."""

    name = "finintegriteit.prestaties"
    label = "prestaties"
    verbose_name = "Prestaties en benchmarks"
