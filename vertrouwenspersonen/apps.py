from django.apps import AppConfig


class VertrouwenspersonenConfig(AppConfig):
    name = "vertrouwenspersonen"
    verbose_name = "Vertrouwenspersonen (Tellijst)"

    def ready(self):
        from finintegriteit.kern.importeren import registreren

        from .importeren import TELLIJSTIMPORT

        registreren(TELLIJSTIMPORT)
