from django.apps import AppConfig


class AfdoeningenConfig(AppConfig):
    name = "afdoeningen"
    verbose_name = "Afdoeningen"
