from .activeren import activeringscode_uitgeven, activeringscodes
from .gebruikers import (
    gebruiker,
    gebruiker_activeringscode,
    gebruiker_deactiveren,
    gebruiker_nieuw,
    gebruikers,
    mijn_account,
)
from .inloggen import (
    geblokkeerd,
    inloggen,
    start,
    tweestaps_koppelen,
    tweestaps_verifieren,
    uitloggen,
    wachtwoord_wijzigen,
)

__all__ = [
    "activeringscode_uitgeven",
    "activeringscodes",
    "geblokkeerd",
    "gebruiker",
    "gebruiker_activeringscode",
    "gebruiker_deactiveren",
    "gebruiker_nieuw",
    "gebruikers",
    "inloggen",
    "mijn_account",
    "start",
    "tweestaps_koppelen",
    "tweestaps_verifieren",
    "uitloggen",
    "wachtwoord_wijzigen",
]
