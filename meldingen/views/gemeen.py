"""What the meldingen views share: the role check, the audit of refusals, and handling service errors."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from finintegriteit.kern import rollen as r
from finintegriteit.kern.toegang import rol_vereist

from ..audit import weigering_vastleggen
from ..forms import fout_in_formulier
from ..services import VersieConflict
from ..services.fouten import MELDING_AFGEDAAN


def analist_view(object_type: str = "melding", kwarg: str = "pk"):
    """Only OIF analists; a refused attempt (403/404) by anyone is written to the audit trail."""

    def decorator(view):
        return weigering_vastleggen(object_type, kwarg)(rol_vereist(r.OIF_ANALIST)(view))

    return decorator


def verwerk_fout(form, fout: ValidationError) -> bool:
    """Show a service error in the form; True when it was a version conflict (the page offers a reload)."""
    fout_in_formulier(form, fout)
    return isinstance(fout, VersieConflict)


def terug_als_afgedaan(request, melding):
    """A change page of an afgedane melding sends the user back to the case with the reason."""
    if melding.is_afgedaan:
        messages.error(request, MELDING_AFGEDAAN)
        return redirect("meldingen:detail", pk=melding.pk)
    return None
