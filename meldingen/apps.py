from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "meldingen"
    verbose_name = "OIF-meldingen"

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.admin.models import LogEntry
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from django.db.models.signals import post_save

        from finintegriteit.kern.signalen import audit_gebeurtenis

        # Imported here, not by whoever first searches: it registers the SQLite stand-in of the search
        # function on each new connection, which must happen before the first connection opens.
        from . import auditsignalen, zoeken  # noqa: F401
        from .audit import gebeurtenis_vastleggen

        audit_gebeurtenis.connect(gebeurtenis_vastleggen, dispatch_uid="meldingen.audit")
        user_logged_in.connect(auditsignalen.ingelogd, dispatch_uid="meldingen.audit.ingelogd")
        user_login_failed.connect(auditsignalen.inloggen_mislukt, dispatch_uid="meldingen.audit.mislukt")
        user_locked_out.connect(auditsignalen.geblokkeerd, dispatch_uid="meldingen.audit.geblokkeerd")
        post_save.connect(
            auditsignalen.beheerwijziging, sender=LogEntry, dispatch_uid="meldingen.audit.beheer"
        )
