"""The uploaded file between preview and commit.

The content waits in a private temporary file named by a random token; only the token is in the
user's session, so the file belongs to that session alone. The session is saved on every request,
which is why the content itself (up to MAX_UPLOAD_BYTES) is not kept there. Claiming the file renames
it first: of two simultaneous 'Importeren' clicks only one gets it, so a Tellijst is never stored twice.
"""

import hashlib
import os
import secrets
import tempfile
import time
from pathlib import Path

from finintegriteit.kern.uploads import Upload

SESSIESLEUTEL = "tellijst_import"
BEWAARTIJD_SECONDEN = 6 * 60 * 60


def _map() -> Path:
    map_ = Path(tempfile.gettempdir()) / "finintegriteit-tellijst"
    map_.mkdir(mode=0o700, exist_ok=True)
    return map_


def _opruimen(map_: Path) -> None:
    """Previews that were never committed are removed after a while."""
    grens = time.time() - BEWAARTIJD_SECONDEN
    for pad in map_.iterdir():
        try:
            if pad.stat().st_mtime < grens:
                pad.unlink()
        except FileNotFoundError:
            pass


def bewaar(session, upload: Upload, *, naam: str) -> None:
    vergeet(session)
    map_ = _map()
    _opruimen(map_)
    token = secrets.token_urlsafe(24)
    pad = map_ / token
    descriptor = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as bestand:
        bestand.write(upload.inhoud)
    session[SESSIESLEUTEL] = {
        "token": token,
        "soort": upload.soort,
        "sha256": hashlib.sha256(upload.inhoud).hexdigest(),
        "naam": naam,
    }


def bewaarde_naam(session) -> str | None:
    gegevens = session.get(SESSIESLEUTEL)
    return gegevens["naam"] if gegevens else None


def neem(session) -> Upload | None:
    """Take the waiting file out of storage (once); None when there is none, it expired or was taken."""
    gegevens = session.pop(SESSIESLEUTEL, None)
    if not gegevens:
        return None
    pad = _map() / gegevens["token"]
    geclaimd = pad.with_name(pad.name + ".bezig")
    try:
        os.rename(pad, geclaimd)
    except FileNotFoundError:
        return None
    try:
        inhoud = geclaimd.read_bytes()
    finally:
        geclaimd.unlink(missing_ok=True)
    if hashlib.sha256(inhoud).hexdigest() != gegevens["sha256"]:
        return None
    return Upload(gegevens["soort"], inhoud)


def vergeet(session) -> None:
    gegevens = session.pop(SESSIESLEUTEL, None)
    if gegevens:
        (_map() / gegevens["token"]).unlink(missing_ok=True)
