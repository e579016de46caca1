"""The one walk over the project's URL configuration that the tests share.

The access matrix (tests/beveiliging/test_toegangsmatrix.py) needs every pattern's name; the tests
that visit every page need a path with example arguments and the view. Both come from here, so a new
URL reaches every test that must know it.
"""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

VOORBEELD_ARGUMENTEN = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
    "path": "x",
}


@dataclass(frozen=True)
class UrlPatroon:
    naam: str  # 'namespace:naam', or '<patroon>' for a pattern without a name
    url: str  # the path with example arguments
    view: object


def url_patronen(patronen=None, *, namespace: str = "", voorvoegsel: str = ""):
    for patroon in get_resolver().url_patterns if patronen is None else patronen:
        route = voorvoegsel + str(patroon.pattern)
        if isinstance(patroon, URLResolver):
            ns = patroon.namespace or ""
            yield from url_patronen(
                patroon.url_patterns,
                namespace=f"{namespace}{ns}:" if ns else namespace,
                voorvoegsel=route,
            )
        elif isinstance(patroon, URLPattern):
            url = "/" + route
            for converter, voorbeeld in VOORBEELD_ARGUMENTEN.items():
                url = re.sub(rf"<{converter}:\w+>", voorbeeld, url)
            naam = f"{namespace}{patroon.name}" if patroon.name else f"{namespace}<{patroon.pattern}>"
            yield UrlPatroon(naam, url.replace("^", "").replace("$", "").replace("\\Z", ""), patroon.callback)


def alle_urls():
    """(url, view) for every pattern, with example path arguments."""
    return [(p.url, p.view) for p in url_patronen()]
