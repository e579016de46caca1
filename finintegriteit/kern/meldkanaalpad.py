"""Where the meldkanaal is: the one definition the URL configuration, the middleware and the log filters
(finintegriteit/logboek.py) share (docs/beveiliging.md, 'Meldkanaal', 'Geen spoor van de melder').

The URL configuration mounts the channel at MELDKANAAL (finintegriteit/urls.py). '/melden' without
the slash counts too: CommonMiddleware answers it with a redirect, after the session was loaded.

No Django import at module level: gunicorn's logger class, LOGGING and the Celery app load this module
(through finintegriteit/logboek.py) before Django is set up.
"""

from urllib.parse import unquote, urlsplit

MELDKANAAL = "/melden/"


def pad_in_meldkanaal(pad: str) -> bool:
    """'/melden' and everything under '/melden/'; not '/meldenlijst' or any other neighbour."""
    return pad == MELDKANAAL.rstrip("/") or pad.startswith(MELDKANAAL)


def in_meldkanaal(request) -> bool:
    return pad_in_meldkanaal(request.path_info)


def pad_van_referer(referer: str | None) -> str:
    """The decoded path of the page a Referer names, on any host; '' when there is none or it is garbage."""
    if not referer:
        return ""
    try:
        return unquote(urlsplit(referer.strip()).path)
    except ValueError:
        return ""


def verwijst_naar_meldkanaal(referer: str | None) -> bool:
    """Whether a Referer names a page of the meldkanaal. With SECURE_REFERRER_POLICY 'same-origin' a
    melder's browser sends one with every file the page loads and every link followed from it; such a
    request dates the visit as well as the page itself would."""
    return pad_in_meldkanaal(pad_van_referer(referer))


def verzoek_van_melder(pad: str, referer: str | None) -> bool:
    """A request no log may mention: a page of the meldkanaal, or anything a page of it asked for."""
    return pad_in_meldkanaal(pad) or verwijst_naar_meldkanaal(referer)
