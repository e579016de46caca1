from django.conf import settings
from django.core.checks import Error, register

from .services import SESSIE_ENGINE


@register()
def sessies_in_de_database(app_configs, **kwargs):
    """Logout and a password change end every session by deleting rows; other stores would keep them."""
    if settings.SESSION_ENGINE != SESSIE_ENGINE:
        return [
            Error(
                f"SESSION_ENGINE moet {SESSIE_ENGINE} zijn: alleen dan beëindigt uitloggen "
                "alle sessies van de gebruiker.",
                id="kern.E001",
            )
        ]
    return []
