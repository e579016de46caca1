"""The error page for an unexpected fault, with its own answer when the database went away.

Django calls `serverfout` (handler500 in finintegriteit/urls.py) for any exception that no view
handled, while that exception is still being handled, so it can look at it. A lost database
connection gets 503 and a page that says the input was not stored: every service saves in one
transaction, which the database rolls back when the connection dies, so nothing half remains.
The page is rendered without the request: the context processors would ask the database again.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader

from .middleware import CSP

DATABASE_WEG = (
    "De database is tijdelijk niet bereikbaar; uw invoer is niet opgeslagen. "
    "Probeer het over enkele ogenblikken opnieuw."
)
# Seconds a browser or script should wait before trying again.
OPNIEUW_NA = 30


def database_weg(fout: BaseException | None) -> bool:
    """The exception, or one it came from, is a lost or refused database connection."""
    gezien = set()
    while fout is not None and id(fout) not in gezien:
        if isinstance(fout, (OperationalError, InterfaceError)):
            return True
        gezien.add(id(fout))
        fout = fout.__cause__ or fout.__context__
    return False


def serverfout(request):
    if database_weg(sys.exc_info()[1]):
        antwoord = HttpResponse(loader.render_to_string("503.html", {"bericht": DATABASE_WEG}), status=503)
        antwoord["Retry-After"] = str(OPNIEUW_NA)
        # Set here too: when the session middleware itself failed, the headers middleware is skipped.
        antwoord["Cache-Control"] = "no-store"
        antwoord["Content-Security-Policy"] = CSP
        return antwoord
    return HttpResponseServerError(loader.render_to_string("500.html"))
