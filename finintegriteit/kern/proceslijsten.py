"""Small lists read from the database and kept in the process until one of their tables is written.

Pages that show the same short lists on every request (the options of a taxonomy, the analists a case
can be given to) would otherwise ask the database for them each time, for tables that change a few
times a year. A list is kept under a token in the shared cache (finintegriteit/kern/cacheversie.py);
every write that Django sends to one of the followed tables replaces the token (seen on the connection
itself, finintegriteit/kern/schrijfacties.py: .save(), queryset .update(), bulk_create, raw SQL and
the admin alike), and so does `migrate`. At once, so the writing transaction itself (and a test) sees
its change, and again after the commit, so another process that read the old rows in between does not
keep them. Other processes see a new token within a second. Without a shared cache (no Redis) each
process has its own token; `bewaartijd` (seconds) bounds how long another process shows an old list,
and so it does for a write made outside Django (psql, a restore).

What is kept is for showing only: a form still checks a submitted choice against the database.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.db.models.signals import post_migrate
from redis.exceptions import RedisError

from . import schrijfacties
from .cacheversie import CacheVersie

logger = logging.getLogger(__name__)


class Proceslijsten:
    def __init__(self, sleutel: str, *, wat: str, tabellen: Callable[[], frozenset[str]], bewaartijd):
        # The token is asked of the shared cache at most once a second per process: a form shows up to
        # eight lists, and a round trip per list would cost more than the lists themselves.
        self._versie = CacheVersie(sleutel, wat=wat, opnieuw_lezen_na=1.0)
        self._wat = wat
        self._tabellen = tabellen
        self._bewaartijd = bewaartijd  # a callable, so that a test's settings apply
        # (token, name) -> (valid until, value). Values of an old token are dropped on the next miss.
        self._bewaard: dict[tuple[str, str], tuple[float, Any]] = {}

    def lezen(self, naam: str, laden: Callable[[], Any]) -> Any:
        """The value kept under `naam`, or `laden()` when there is none yet or a table changed since.
        Shared between requests, so treat it as read-only."""
        try:
            huidig = self._versie.lezen()
        except RedisError:
            logger.warning("Cache onbereikbaar: %s komen uit de database.", self._wat, exc_info=True)
            return laden()
        sleutel = (huidig, naam)
        nu = time.monotonic()
        bewaard = self._bewaard.get(sleutel)
        if bewaard is not None and bewaard[0] > nu:
            return bewaard[1]
        waarde = laden()
        # list() copies the keys in one step: a threaded server may add a list meanwhile.
        for oud in [s for s in list(self._bewaard) if s[0] != huidig]:
            self._bewaard.pop(oud, None)
        self._bewaard[sleutel] = (nu + self._bewaartijd(), waarde)
        return waarde

    def vergeten(self) -> None:
        """Every process reads the lists afresh (this one at its next request, others within a second)."""
        self._versie.vervangen()

    def _bij_wijziging(self, *args, **kwargs) -> None:
        self._versie.vervangen()
        self._versie.na_commit_vervangen()

    def wijzigingen_volgen(self) -> None:
        """Renew the lists on every write to the tables and after `migrate` (from an AppConfig.ready)."""
        schrijfacties.volgen(self._tabellen, bij_schrijven=self._bij_wijziging)
        post_migrate.connect(self._bij_wijziging, dispatch_uid=f"proceslijsten-{id(self)}", weak=False)
