from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "meldingen"
    verbose_name = "OIF-meldingen"

    def ready(self):
        from finintegriteit.kern.signalen import audit_gebeurtenis

        from .audit import gebeurtenis_vastleggen

        audit_gebeurtenis.connect(gebeurtenis_vastleggen, dispatch_uid="meldingen.audit")
