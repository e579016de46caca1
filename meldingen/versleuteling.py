"""Who reported, encrypted in the database: whoever has a dump or a back-up but not MELDER_SLEUTEL reads
no name and no address of a melder.

AES-256-GCM (cryptography's AESGCM) with a random nonce per value, not Fernet: a Fernet token carries the
second it was made, and what a melder does is kept to the day (kern.datums.begin_van_vandaag). The key
is derived from the setting with HKDF, so any long random string will do. During a key rotation the
previous key still opens what it closed, until `melders_hersleutelen` has re-encrypted every row.
"""

import base64
import os
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

VOORVOEGSEL = "v1:"  # what tells a sealed value from one written before encryption existed
_NONCE = 12


@cache
def _sleutel(geheim: str) -> AESGCM:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"finintegriteit melder")
    return AESGCM(hkdf.derive(geheim.encode()))


def versleutelen(tekst: str) -> str:
    """`tekst` sealed with MELDER_SLEUTEL; an empty text stays empty (nothing to hide)."""
    if not tekst:
        return tekst
    nonce = os.urandom(_NONCE)
    gesloten = _sleutel(settings.MELDER_SLEUTEL).encrypt(nonce, tekst.encode(), None)
    return VOORVOEGSEL + base64.urlsafe_b64encode(nonce + gesloten).decode()


def ontsleutelen(opgeslagen: str) -> str:
    """The text of a sealed value, with the current key or else the previous one. A value without the
    prefix was written before encryption existed and is returned as it is, until it is saved again."""
    if not opgeslagen or not opgeslagen.startswith(VOORVOEGSEL):
        return opgeslagen
    ruw = base64.urlsafe_b64decode(opgeslagen[len(VOORVOEGSEL) :])
    for geheim in (settings.MELDER_SLEUTEL, settings.MELDER_VORIGE_SLEUTEL):
        if geheim:
            try:
                return _sleutel(geheim).decrypt(ruw[:_NONCE], ruw[_NONCE:], None).decode()
            except InvalidTag:
                continue
    raise ImproperlyConfigured(
        "De gegevens van een melder gaan met MELDER_SLEUTEL niet open: is de sleutel vervangen zonder de "
        "oude in MELDER_VORIGE_SLEUTEL te zetten?"
    )


def met_huidige_sleutel(opgeslagen: str) -> bool:
    """Whether a stored value is sealed with the current key (or empty): `melders_hersleutelen` skips it."""
    if not opgeslagen:
        return True
    if not opgeslagen.startswith(VOORVOEGSEL):
        return False
    ruw = base64.urlsafe_b64decode(opgeslagen[len(VOORVOEGSEL) :])
    try:
        _sleutel(settings.MELDER_SLEUTEL).decrypt(ruw[:_NONCE], ruw[_NONCE:], None)
    except InvalidTag:
        return False
    return True


class VersleuteldeTekst(models.CharField):
    """A text the code reads and writes in plain, kept sealed (versleutelen). Its `max_length` is the
    plain text's, as forms and validation see it; the column is unbounded text, as a sealed value is
    longer. Not searchable in the database, by design."""

    def db_type(self, connection):
        return models.TextField().db_type(connection)

    def from_db_value(self, value, expression, connection):
        return value if value is None else ontsleutelen(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value is None else versleutelen(value)
