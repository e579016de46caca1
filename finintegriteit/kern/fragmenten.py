"""Parts of a page kept in the cache as rendered HTML, for parts that cost more to render than to fetch.

The key holds everything the part depends on, so an entry is never wrong, only unused: nothing needs to
be invalidated. The part must not depend on the user or the session (no CSRF token, no name).
"""

import hashlib
import logging
from collections.abc import Callable

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def fragment(
    naam: str, *, afhankelijk_van: Callable[[], tuple], maken: Callable[[], str], seconden: int
) -> SafeString:
    """The HTML `maken()` renders, from the cache when nothing in `afhankelijk_van()` changed."""
    try:
        delen = repr(afhankelijk_van()).encode()
        sleutel = f"fragment:{naam}:{hashlib.sha256(delen).hexdigest()}"
        html = cache.get(sleutel)
    except RedisError:
        logger.warning("Cache onbereikbaar: %s wordt zonder cache gerenderd.", naam, exc_info=True)
        return mark_safe(maken())  # noqa: S308 - our own template's output
    if html is None:
        html = maken()
        try:
            cache.set(sleutel, html, timeout=seconden)
        except RedisError:
            logger.warning("Cache onbereikbaar: %s niet bewaard.", naam, exc_info=True)
    # Rendered by our own template (above, or by the request that stored it); the cache only kept it.
    return mark_safe(html)  # noqa: S308
