from django.conf import settings
from django.contrib.auth.views import redirect_to_login

from .toegang import PUBLIEK, toegang_van

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


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


class BeveiligingsheadersMiddleware:
    """Content-Security-Policy without inline script, and no caching of pages with personal data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CSP)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.user.is_authenticated and not request.path.startswith(settings.STATIC_URL):
            response["Cache-Control"] = "no-store"
        return response
