from django.apps import AppConfig


class PrestatiesConfig(AppConfig):
    """Synthetic data and benchmarks (see README, 'Prestaties'). No models; its one URL is benchmark-only."""

    name = "finintegriteit.prestaties"
    label = "prestaties"
    verbose_name = "Prestaties en benchmarks"
