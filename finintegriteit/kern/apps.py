import logging

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate

logger = logging.getLogger("finintegriteit")


class KernConfig(AppConfig):
    name = "finintegriteit.kern"
    label = "kern"
    verbose_name = "Kern: rollen en toegang"

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.admin.models import LogEntry
        from django.contrib.auth.signals import user_logged_in, user_login_failed
        from django.db.models.signals import post_save

        from . import auditsignalen, beheertaal, checks  # noqa: F401  (checks registers the system checks)
        from .databaserollen import na_migratie
        from .selectors import ledenlijsten_volgen

        # Logins and changes in /beheer/ are seen only by the framework; the receivers write them to
        # the audit trail like any other event.
        user_logged_in.connect(auditsignalen.ingelogd, dispatch_uid="kern.audit.ingelogd")
        user_login_failed.connect(auditsignalen.inloggen_mislukt, dispatch_uid="kern.audit.mislukt")
        user_locked_out.connect(auditsignalen.geblokkeerd, dispatch_uid="kern.audit.geblokkeerd")
        post_save.connect(auditsignalen.beheerwijziging, sender=LogEntry, dispatch_uid="kern.audit.beheer")

        beheertaal.toepassen()
        # Cache invalidation only (kern/proceslijsten.py): a write to the accounts renews their lists.
        ledenlijsten_volgen()
        # Once per migrate run, after every app's tables exist.
        post_migrate.connect(na_migratie, sender=self, dispatch_uid="kern.databaserollen")

        if settings.CELERY_TASK_ALWAYS_EAGER:
            # On stderr through logging, never stdout: commands such as exporteer_cijfers print pure JSON.
            logger.warning("REDIS_URL is niet gezet: achtergrondtaken draaien direct in dit proces (eager).")
