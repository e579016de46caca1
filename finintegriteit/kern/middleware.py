import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from .importeren import berichten
from .meldkanaalpad import in_meldkanaal
from .toegang import PUBLIEK, toegang_van
from .tweestaps import tweestaps_vereist

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class MeldkanaalZonderSessieMiddleware:
    """The meldkanaal never loads nor saves a session. Before SessionMiddleware, and for '/melden' without
    the slash too: CommonMiddleware's redirect comes after the session was loaded.

    A staff member who is logged in and reports anonymously in the same browser sends their session
    cookie along. Loaded, that session would be saved again by the report (SESSION_SAVE_EVERY_REQUEST):
    a new expire_date and row version in the same minute as the melding, in a row naming the user. So
    the cookie is taken out of this request before the session is looked up: the channel sees an
    anonymous visitor, and the session row and the browser's cookie stay exactly as they were. Nothing
    in the channel needs the session: its forms use the CSRF cookie, and the melder's way back is a
    signed cookie of its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        naam = settings.SESSION_COOKIE_NAME
        if naam in request.COOKIES and in_meldkanaal(request):
            request.COOKIES = {k: v for k, v in request.COOKIES.items() if k != naam}
        return self.get_response(request)


class LoginVereistMiddleware:
    """Every page except the ones marked `publiek` requires a logged-in user.

    The admin keeps its own login page, so it is left to the admin site.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.user.is_authenticated or toegang_van(view_func) == PUBLIEK:
            return None
        if request.path.startswith("/beheer/") or request.path.startswith(settings.STATIC_URL):
            return None
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)


SESSIE_BEGIN = "kern_sessie_begin"
STARTWACHTWOORD = "kern_startwachtwoord"
SESSIE_VERLOPEN = "Uw sessie duurde langer dan {uur} uur. Log opnieuw in."


class SessieMaximumMiddleware:
    """An absolute session lifetime (SESSIE_MAX_UUR) besides the idle timeout.

    The idle timeout alone lets a session that is used now and then live forever; a stolen session
    cookie would too. The start is written on the first request after login (also after a password
    login whose second step is not yet done) and survives the new key of the second step.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            begin = request.session.get(SESSIE_BEGIN)
            nu = time.time()
            if begin is None:
                request.session[SESSIE_BEGIN] = nu
            elif nu - begin > settings.SESSIE_MAX_UUR * 3600:
                # Only this session: the user's other browsers have their own start.
                logout(request)
                messages.info(request, SESSIE_VERLOPEN.format(uur=settings.SESSIE_MAX_UUR))
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return self.get_response(request)


class TweestapsMiddleware:
    """Users who need the second login step see nothing but that step until they pass it.

    Only the login, the two pages of the second step and logout are let through; everything
    else, the admin included, answers with a redirect to the second step.
    """

    VRIJ = frozenset({"kern:login", "kern:tweestaps", "kern:tweestaps_koppelen", "kern:logout"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        gebruiker = request.user
        if not gebruiker.is_authenticated or request.resolver_match.view_name in self.VRIJ:
            return None
        if request.path.startswith(settings.STATIC_URL) or not tweestaps_vereist(gebruiker):
            return None
        if gebruiker.is_verified():
            return self._startwachtwoord_vervangen(request)
        doel = f"{reverse('kern:tweestaps')}?{urlencode({'next': request.get_full_path()})}"
        if request.headers.get("HX-Request"):
            # htmx would swap the code page into a fragment; let it load the whole page instead.
            antwoord = HttpResponse(status=204)
            antwoord["HX-Redirect"] = doel
            return antwoord
        return redirect(doel)

    @staticmethod
    def _startwachtwoord_vervangen(request):
        """Until the start password the beheerder saw is replaced, only the password page opens.

        The second step notes it in the session (views/inloggen.py), so no page pays a query for it.
        """
        if (
            not request.session.get(STARTWACHTWOORD)
            or request.resolver_match.view_name == "kern:wachtwoord_wijzigen"
        ):
            return None
        return redirect("kern:wachtwoord_wijzigen")


class BeveiligingsheadersMiddleware:
    """Content-Security-Policy without inline script, and no caching of pages with personal data or of
    the meldkanaal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        # An error page first: it must not be stored, and asking for the user may need the database
        # that just went away. The meldkanaal never knows the user (MeldkanaalZonderSessieMiddleware),
        # so its pages are never stored for anyone: a shared computer keeps no trace of a visit.
        if (
            response.status_code >= 500
            or in_meldkanaal(request)
            or (request.user.is_authenticated and not request.path.startswith(settings.STATIC_URL))
        ):
            response["Cache-Control"] = "no-store"
        return response


class VerzoekgrootteMiddleware:
    """Refuse a request body larger than the limit from its Content-Length, before anything reads it.

    Anonymous visitors can only send the login form, so they get a small limit, except in the meldkanaal
    (/melden/), where an employee without an account sends files; there, and for logged-in users, the
    upload limit plus room for the form around it. A body without Content-Length is not read by
    Django at all (it reads exactly Content-Length bytes), so it cannot get around this. Either way the
    visitor gets a page that says what to do (413.html), also for text fields too long to read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(
                "Ongeldige Content-Length.", status=400, content_type="text/plain; charset=utf-8"
            )
        if lengte > settings.MAX_VERZOEK_ANONIEM_BYTES:
            ingelogd = getattr(request, "user", None) is not None and request.user.is_authenticated
            ruim = ingelogd or in_meldkanaal(request)
            maximum = settings.MAX_VERZOEK_BYTES if ruim else settings.MAX_VERZOEK_ANONIEM_BYTES
            if lengte > maximum:
                if ruim:
                    bestanden = settings.DOCUMENT_MAX_BYTES
                    if ingelogd:
                        bestanden = max(bestanden, settings.MAX_UPLOAD_BYTES)
                    tekst = berichten.BESTANDEN_TE_GROOT.format(
                        grootte=berichten.mb(lengte), maximum=berichten.mb(bestanden)
                    )
                else:
                    tekst = berichten.VERZOEK_TE_GROOT.format(
                        grootte=berichten.mb(lengte), maximum=berichten.mb(maximum)
                    )
                return _te_groot(request, tekst, met_bestanden=True)
        if request.method == "POST":
            # Read the form now, as CsrfViewMiddleware would a moment later: text fields beyond
            # DATA_UPLOAD_MAX_MEMORY_SIZE would get Django's bare 400 there.
            try:
                request.POST  # noqa: B018
            except RequestDataTooBig:
                tekst = berichten.TEKST_TE_GROOT.format(
                    maximum=berichten.mb(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
                )
                return _te_groot(request, tekst, met_bestanden=False)
        return self.get_response(request)


def _te_groot(request, tekst: str, *, met_bestanden: bool):
    """A page like the others, not bare text: a melder with five phone photos must know what to do next
    (her text is usually still there behind the browser's Back button)."""
    context = {
        "melding": tekst,
        "met_bestanden": met_bestanden,
        "in_meldkanaal": in_meldkanaal(request),
        "terug": request.path,
    }
    return render(request, "413.html", context, status=413)
