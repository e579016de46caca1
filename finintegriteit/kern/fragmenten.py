"""Parts of a page kept in the cache as rendered HTML, for parts that cost more to render than to fetch.

The key holds everything the part depends on, so an entry is never wrong, only unused: nothing needs to
be invalidated. The part must not depend on the user or the session (no CSRF token, no name).

Nothing read back from the cache is trusted as HTML on its own: an entry is signed with SECRET_KEY when
stored, and one whose signature does not verify (written by whoever could reach Redis) is ignored and
the part rendered afresh.
"""

import hashlib
import logging
from collections.abc import Callable

from django.core import signing
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_ONDERTEKENAAR = signing.Signer(salt="finintegriteit.kern.fragmenten")


def ondertekend(html: str) -> str:
    """`html` as it may be stored in the cache."""
    return _ONDERTEKENAAR.sign(html)


def geverifieerd(opgeslagen) -> SafeString | None:
    """The HTML of a cache entry made by `ondertekend`, or None when it is not one (tampered with)."""
    if not isinstance(opgeslagen, str):
        return None
    try:
        html = _ONDERTEKENAAR.unsign(opgeslagen)
    except signing.BadSignature:
        logger.warning("Cache-regel met ongeldige handtekening genegeerd.")
        return None
    # Signed with SECRET_KEY when our own template rendered it.
    return mark_safe(html)  # noqa: S308


def fragment(
    naam: str, *, afhankelijk_van: Callable[[], tuple], maken: Callable[[], str], seconden: int
) -> SafeString:
    """The HTML `maken()` renders, from the cache when nothing in `afhankelijk_van()` changed."""
    try:
        delen = repr(afhankelijk_van()).encode()
        sleutel = f"fragment:{naam}:{hashlib.sha256(delen).hexdigest()}"
        bewaard = geverifieerd(cache.get(sleutel))
    except RedisError:
        logger.warning("Cache onbereikbaar: %s wordt zonder cache gerenderd.", naam, exc_info=True)
        return mark_safe(maken())  # noqa: S308 - our own template's output
    if bewaard is not None:
        return bewaard
    html = maken()
    try:
        cache.set(sleutel, ondertekend(html), timeout=seconden)
    except RedisError:
        logger.warning("Cache onbereikbaar: %s niet bewaard.", naam, exc_info=True)
    return mark_safe(html)  # noqa: S308 - our own template's output
