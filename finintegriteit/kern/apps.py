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
        from . import beheertaal, checks  # noqa: F401  (checks registers the system checks)
        from .databaserollen import na_migratie

        beheertaal.toepassen()
        # Once per migrate run, after every app's tables exist.
        post_migrate.connect(na_migratie, sender=self, dispatch_uid="kern.databaserollen")

        if settings.CELERY_TASK_ALWAYS_EAGER:
            # On stderr through logging, never stdout: commands such as exporteer_cijfers print pure JSON.
            logger.warning("REDIS_URL is niet gezet: achtergrondtaken draaien direct in dit proces (eager).")
