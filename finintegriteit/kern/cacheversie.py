"""A version token in the shared cache that derived data is keyed on.

Replacing the token retires every entry made under the old one at once: nothing has to know which
keys exist. A random token (not a counter) cannot meet an old entry again when the cache loses it.
Used by the dashboard's figures (rapportage/cijfercache.py) and the option lists of the forms
(finintegriteit/referentie/keuzelijsten.py).
"""

import logging
import time
import uuid

from django.core.cache import cache
from django.db import transaction
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class CacheVersie:
    """`opnieuw_lezen_na`: seconds a process may go on using the token it read last, without asking the
    shared cache again. Then a change made through another process is seen that much later (one made
    through this process at once); worth it where a page would otherwise ask several times.
    """

    def __init__(self, sleutel: str, *, wat: str, opnieuw_lezen_na: float = 0.0):
        self.sleutel = sleutel
        self.wat = wat  # for the log line when the cache cannot be reached
        self.opnieuw_lezen_na = opnieuw_lezen_na
        self._gelezen: tuple[float, str] | None = None  # (when, token)

    def lezen(self) -> str:
        """The current token; raises RedisError when the cache cannot be reached."""
        nu = time.monotonic()
        if self._gelezen is not None and nu - self._gelezen[0] < self.opnieuw_lezen_na:
            return self._gelezen[1]
        versie = cache.get(self.sleutel)
        if versie is None:
            # add(), not set(): two processes starting at once agree on one token.
            cache.add(self.sleutel, uuid.uuid4().hex, timeout=None)
            versie = cache.get(self.sleutel)
        self._gelezen = (nu, versie)
        return versie

    def vervangen(self) -> None:
        self._gelezen = None
        try:
            cache.set(self.sleutel, uuid.uuid4().hex, timeout=None)
        except RedisError:
            # Called after a write has committed, which must not fail now; the entries' own
            # expiry bounds how long the old ones are read.
            logger.warning("Cache onbereikbaar: %s verlopen pas na hun bewaartijd.", self.wat, exc_info=True)

    def na_commit_vervangen(self) -> None:
        """Replace the token once the current transaction commits; nothing if it is rolled back.

        Replaced earlier, a request reading in between would compute from the old data and store that
        under the new token. Once per transaction is enough: an import saving 100,000 rows one by one
        must not queue 100,000 cache writes. (A callback from a savepoint that is rolled back leaves the
        list, so a later write in the same transaction queues it again.)
        """
        verbinding = transaction.get_connection()
        # == rather than is: every attribute access makes a new bound method, equal to the last one.
        if verbinding.in_atomic_block and any(
            functie == self.vervangen for _sids, functie, _robust in verbinding.run_on_commit
        ):
            return
        transaction.on_commit(self.vervangen, robust=True)
