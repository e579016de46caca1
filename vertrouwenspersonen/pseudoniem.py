"""The keyed pseudonym that ties a Tellijst row to its vertrouwenspersoon, for that person only.

A row stores HMAC-SHA256(TELLIJST_SLEUTEL, user id) instead of the user id. With the key (the running
application) 'Mijn adviesvragen' finds a user's rows; without it (a database dump, a copy of a
backup) the pseudonym maps to nobody: it cannot be recomputed from the user table, and the user ids
are few enough that an unkeyed hash could be. The key is a setting from the environment or a secret
file and never stored in the database.

The data migration that introduced the pseudonym keeps its own frozen copy of `_hmac`: change the
format here and existing rows no longer match (re-key them with `tellijst_hersleutelen`).
"""

import hashlib
import hmac

from django.conf import settings

# Separates these pseudonyms from any other HMAC that might one day use the same key.
_DOEL = "tellijst-eigenaar"
# The owner of a Tellijst import record (kern.Importbestand): the same key, another purpose, so a
# record's pseudonym is not its rows' pseudonym and a dump cannot join the two.
_DOEL_IMPORT = "tellijst-importeur"


def _hmac(sleutel: str, gebruiker_id: int, *, doel: str = _DOEL) -> str:
    bericht = f"{doel}:{gebruiker_id}".encode()
    return hmac.new(sleutel.encode(), bericht, hashlib.sha256).hexdigest()


def pseudoniem_van(gebruiker, *, sleutel: str | None = None) -> str:
    """The pseudonym under which this user's new rows are stored (the current key unless one is given)."""
    return _hmac(settings.TELLIJST_SLEUTEL if sleutel is None else sleutel, gebruiker.pk)


def pseudoniemen_van(gebruiker) -> list[str]:
    """Every pseudonym under which rows of this user may be stored: the current key's, and during a
    key rotation also the previous key's."""
    return [pseudoniem_van(gebruiker, sleutel=sleutel) for sleutel in _sleutels()]


def importeur_van(gebruiker, *, sleutel: str | None = None) -> str:
    """The owner pseudonym of this user's Tellijst import records (the current key unless one is given).

    Under TELLIJST_SLEUTEL, not SECRET_KEY: whoever holds the settings of the application but not the
    Tellijst key cannot try the user ids and name who imported a Tellijst.
    """
    return _hmac(settings.TELLIJST_SLEUTEL if sleutel is None else sleutel, gebruiker.pk, doel=_DOEL_IMPORT)


def importeurs_van(gebruiker) -> list[str]:
    """Every owner pseudonym of this user's import records, current key first (Importsoort.eigenaren)."""
    return [importeur_van(gebruiker, sleutel=sleutel) for sleutel in _sleutels()]


def _sleutels() -> list[str]:
    return [s for s in (settings.TELLIJST_SLEUTEL, settings.TELLIJST_VORIGE_SLEUTEL) if s]
