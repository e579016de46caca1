"""How values go into Redis and come back: JSON, never pickle.

Django's Redis cache pickles by default, and unpickling runs whatever the bytes say: whoever can write
to Redis could then run code in every web process, or hand back an object a template trusts as HTML.
This project keeps only plain data in the cache (tokens, counters, figures as JSON text), so JSON
carries all of it; what does not parse is read as a miss.
"""

import json
import logging

logger = logging.getLogger(__name__)


class JsonSerialisatie:
    """The `serializer` option of django.core.cache.backends.redis.RedisCache (settings.CACHES)."""

    def dumps(self, waarde):
        # Integers unencoded, as Django's own serializer does, so incr() works in Redis itself.
        if type(waarde) is int:
            return waarde
        return json.dumps(waarde, ensure_ascii=False).encode()

    def loads(self, gegevens):
        try:
            return int(gegevens)
        except ValueError:
            pass
        try:
            return json.loads(gegevens)
        except ValueError:
            logger.warning("Cachewaarde die geen JSON is genegeerd.")
            return None
