"""Writes of kern: the login process (second step, sessions) and the management of accounts."""

from .gebruikers import (
    Toekenningsfout,
    gebruiker_aanmaken,
    gebruiker_activeren,
    gebruiker_bijwerken,
    gebruiker_deactiveren,
)
from .sessies import SESSIE_ENGINE, sessies_beeindigen, wachtwoord_gewijzigd, wachtwoord_wijzigen
from .tweestaps import (
    APPARAATNAAM,
    ActiveringsFout,
    activeringscode_controleren,
    activeringscode_open,
    activeringscode_uitgeven,
    totp_koppeling_bevestigen,
    totp_koppeling_starten,
    tweestaps_geblokkeerd,
    tweestaps_verifieren,
)

__all__ = [
    "APPARAATNAAM",
    "SESSIE_ENGINE",
    "ActiveringsFout",
    "Toekenningsfout",
    "gebruiker_aanmaken",
    "gebruiker_activeren",
    "gebruiker_bijwerken",
    "gebruiker_deactiveren",
    "activeringscode_controleren",
    "activeringscode_open",
    "activeringscode_uitgeven",
    "sessies_beeindigen",
    "totp_koppeling_bevestigen",
    "totp_koppeling_starten",
    "tweestaps_geblokkeerd",
    "tweestaps_verifieren",
    "wachtwoord_gewijzigd",
    "wachtwoord_wijzigen",
]
