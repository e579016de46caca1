"""What an import says about itself; the flow in services.py does the rest.

An app registers its import in AppConfig.ready(): kern never imports the apps above it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .bestand import Upload
from .fouten import Fout


@dataclass
class Uitkomst:
    """The check of a file: counts for the preview (JSON-safe; 'rijen' is the number of data rows)."""

    aantallen: dict
    fouten: list[Fout] = field(default_factory=list)


class ImportFout(Exception):
    """The import was refused while saving (the data changed since the preview); nothing was written."""

    def __init__(self, fouten: list[Fout]):
        super().__init__(f"{len(fouten)} fout(en) in het bestand")
        self.fouten = fouten


class Voortgang:
    """How far an import is; `melden` writes it where the page can read it (see services)."""

    def __init__(self, melden: Callable[[float], None] | None = None, *, verwacht: int = 0):
        self._melden = melden
        self.verwacht = verwacht  # data rows, as counted by the preview
        self._laatste = -1

    def __call__(self, fractie: float) -> None:
        procent = int(fractie * 100)
        if self._melden is not None and procent != self._laatste:
            self._laatste = procent
            self._melden(fractie)

    def rijen(self, gedaan: int, *, van: float = 0.0, tot: float = 1.0) -> None:
        """Progress as rows done of the expected rows, mapped into the part [van, tot] of the run."""
        if self.verwacht:
            self(van + (tot - van) * min(1.0, gedaan / self.verwacht))


@dataclass(frozen=True)
class Importsoort:
    code: str
    # Reads and checks the file; writes nothing. Raises BestandFout for a file that cannot be read.
    controleren: Callable[[Upload], Uitkomst]
    # Checks again and writes everything in one transaction; returns the counts. Raises ImportFout.
    vastleggen: Callable[..., dict]  # (*, upload, door, voortgang) -> aantallen
    # How long an unconfirmed preview (and its file) is kept.
    bewaartijd: datetime.timedelta
    # True: the import record must not lead to a person (the Tellijst). A repeated file is recognised
    # among this person's own imports only; the file is stored under a neutral name; and once the run
    # ends (services._afsluiten) the record keeps no user id, no file name, its times only as the day,
    # and of its counts only `blijvende_aantallen`.
    anoniem: bool = False
    # The counts an anonymous import's own pages still read after the end (the rest is erased).
    blijvende_aantallen: tuple[str, ...] = ()
    # The owner pseudonyms of a user, the current key's first (it goes on new rows; each one finds
    # rows, so a key rotation loses nothing). None: an HMAC under SECRET_KEY. An anonymous import gives
    # its own, under the key that protects its rows: with SECRET_KEY and the few user ids, anyone
    # holding the settings could otherwise name the uploader.
    eigenaren: Callable[[Any], list[str]] | None = None


_SOORTEN: dict[str, Importsoort] = {}


def registreren(soort: Importsoort) -> None:
    _SOORTEN[soort.code] = soort


def importsoort(code: str) -> Importsoort:
    return _SOORTEN[code]
