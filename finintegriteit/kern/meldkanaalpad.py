"""Where the meldkanaal is: the one definition the middleware, gunicorn's access log and Django's log
records share (docs/beveiliging.md, 'Meldkanaal', 'Geen spoor van de melder').

The URL configuration mounts the channel at MELDKANAAL (finintegriteit/urls.py). '/melden' without
the slash counts too: CommonMiddleware answers it with a redirect, after the session was loaded.

No Django import at module level: gunicorn's logger class and LOGGING load this module before Django
is set up.
"""

import logging
from urllib.parse import unquote, urlsplit

MELDKANAAL = "/melden/"


def pad_in_meldkanaal(pad: str) -> bool:
    """'/melden' and everything under '/melden/'; not '/meldenlijst' or any other neighbour."""
    return pad == MELDKANAAL.rstrip("/") or pad.startswith(MELDKANAAL)


def in_meldkanaal(request) -> bool:
    return pad_in_meldkanaal(request.path_info)


def verwijst_naar_meldkanaal(referer: str | None) -> bool:
    """Whether a Referer names a page of the meldkanaal, on any host. With SECURE_REFERRER_POLICY
    'same-origin' a melder's browser sends one with every file the page loads and every link followed
    from it; such a request dates the visit as well as the page itself would."""
    if not referer:
        return False
    try:
        pad = urlsplit(referer.strip()).path
    except ValueError:
        return False
    return pad_in_meldkanaal(unquote(pad))


def verzoek_van_melder(pad: str, referer: str | None) -> bool:
    """A request no log may mention: a page of the meldkanaal, or anything a page of it asked for."""
    return pad_in_meldkanaal(pad) or verwijst_naar_meldkanaal(referer)


class MeldkanaalFilter(logging.Filter):
    """Drops Django's log records about a melder's request (django.request, django.security.*: 'Bad
    Request', 'Forbidden (CSRF cookie not set.)', 404, 413, 429), which carry the exact time a refused
    step was taken: next to the successful one, that dates it.

    A server error (status 500 and up, or an ERROR without a status) stays, because it must be seen;
    it keeps its message and traceback but loses the request object, so no handler (the admins' e-mail
    renders META) can write the melder's address, browser or cookies. Its time stays: documented.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        pad = getattr(request, "path_info", None)
        if not isinstance(pad, str):
            return True
        if not verzoek_van_melder(pad, request.META.get("HTTP_REFERER")):
            return True
        status = getattr(record, "status_code", None)
        if (status or 0) >= 500 or (status is None and record.levelno >= logging.ERROR):
            record.request = None
            return True
        return False
