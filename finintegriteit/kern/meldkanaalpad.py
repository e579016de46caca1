"""Where the meldkanaal is: the one definition the URL configuration and the middleware share
(docs/beveiliging.md, 'Meldkanaal', 'Geen spoor van de melder').

The URL configuration mounts the channel at MELDKANAAL (finintegriteit/urls.py). '/melden' without
the slash counts too: CommonMiddleware answers it with a redirect, after the session was loaded.

No Django import at module level: code that runs before Django is set up may use it.
"""

MELDKANAAL = "/melden/"


def pad_in_meldkanaal(pad: str) -> bool:
    """'/melden' and everything under '/melden/'; not '/meldenlijst' or any other neighbour."""
    return pad == MELDKANAAL.rstrip("/") or pad.startswith(MELDKANAAL)


def in_meldkanaal(request) -> bool:
    return pad_in_meldkanaal(request.path_info)
