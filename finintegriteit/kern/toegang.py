"""Every view declares who may use it.

`rol_vereist` lets members of the named roles in and answers 403 to everyone else who is logged in;
`publiek` marks the few views an anonymous visitor may see. The URL-enumerating test fails for any
view that carries neither, so a new view cannot ship unguarded.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied

from .rollen import heeft_rol

PUBLIEK = "publiek"


def rol_vereist(*rollen: str):
    def decorator(view):
        @wraps(view)
        def beveiligd(request, *args, **kwargs):
            if not heeft_rol(request.user, *rollen):
                raise PermissionDenied("Deze pagina is niet voor uw rol.")
            return view(request, *args, **kwargs)

        beveiligd.toegang = frozenset(rollen)
        return beveiligd

    return decorator


def ingelogd_vereist(view):
    """Any logged-in user, whatever the role (the start page, logout, own password)."""
    view.toegang = "ingelogd"
    return view


def publiek(view):
    view.toegang = PUBLIEK
    return view


def toegang_van(view) -> object:
    """The declared access of a resolved view callback, or None when it declares nothing."""
    for kandidaat in (view, getattr(view, "view_class", None), getattr(view, "cls", None)):
        if kandidaat is not None and getattr(kandidaat, "toegang", None) is not None:
            return kandidaat.toegang
    return None
