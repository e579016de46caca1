from django.apps import AppConfig


class AfdoeningenConfig(AppConfig):
    name = "afdoeningen"
    verbose_name = "Afdoeningen"

    def ready(self):
        # meldingen does not import afdoeningen (it sits below); closing a melding asks this check.
        from meldingen.afsluiten import afsluitcontrole_registreren

        from .selectors import afsluiten_controleren

        afsluitcontrole_registreren(afsluiten_controleren)

        from finintegriteit.kern.importeren import registreren

        from .importeren import REGISTERIMPORT

        registreren(REGISTERIMPORT)
