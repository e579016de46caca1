"""The hash chain of the audit trail, as plain functions of a row's values. Migration 0007 of meldingen
holds a frozen copy of this serialization; changing it here needs a migration that re-chains every row.

Each row's hash covers the previous row's hash and the row's own fields in a fixed serialization, so
changing, removing or inserting a row anywhere breaks the chain from that row on. A free-text reason
is case content that the bewaartermijn erases: the chain covers a salted digest of it, never the text,
so the text can go while the chain stays verifiable, and without the salt (erased with the text) the
digest cannot be matched against guessed texts.
"""

import datetime
import hashlib
import json
import secrets

BEGIN = ""


def nieuw_zout() -> str:
    return secrets.token_hex(16)


def reden_hash(*, tekst: str, zout: str) -> str:
    return hashlib.sha256(f"{zout}:{tekst}".encode()).hexdigest()


def regel_hash(
    *,
    vorige: str,
    op: datetime.datetime,
    gebruiker_id: int | None,
    actie: str,
    object_type: str,
    object_id: str,
    velden: list,
    reden_hash: str,
) -> str:
    tijd = op.astimezone(datetime.UTC).isoformat(timespec="microseconds")
    inhoud = [vorige, tijd, gebruiker_id, actie, object_type, object_id, velden, reden_hash]
    tekst = json.dumps(inhoud, ensure_ascii=True, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(tekst.encode()).hexdigest()


def hash_van_regel(*, vorige: str, regel) -> str:
    """`regel_hash` of an AuditRegel (or the migration's historical model of it)."""
    return regel_hash(
        vorige=vorige,
        op=regel.op,
        gebruiker_id=regel.gebruiker_id,
        actie=regel.actie,
        object_type=regel.object_type,
        object_id=regel.object_id,
        velden=regel.velden,
        reden_hash=regel.reden_hash,
    )
