"""What the meldingen views share: the role check, the audit of refusals, and handling service errors."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from finintegriteit.kern import rollen as r
from finintegriteit.kern.services.audit import audit_bekeken_vastleggen, weigering_vastleggen
from finintegriteit.kern.toegang import rol_vereist

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


def formulier_opslaan(
    request,
    *,
    form,
    opslaan: Callable[[dict], object],
    gelukt: Callable[[], str],
    terug_naar: str,
    tonen: Callable[[bool], HttpResponse],
) -> HttpResponse:
    """A posted form through one service: valid and saved, the success message and back to `terug_naar`;
    otherwise `tonen(conflict)` shows the page again, the service's refusal in the form, and `conflict`
    says whether someone else saved first."""
    conflict = False
    if form.is_valid():
        try:
            opslaan(form.cleaned_data)
        except ValidationError as fout:
            conflict = verwerk_fout(form, fout)
        else:
            messages.success(request, gelukt())
            return redirect(terug_naar)
    return tonen(conflict)


def beginwaarden(obj, velden) -> dict:
    """A change form starts from the object's `velden` and the version it was read at (the service
    refuses the save when someone else saved in between)."""
    return {veld: getattr(obj, veld) for veld in velden} | {"versie": obj.versie}


def velden_opslaan(wijzigen: Callable[..., object], velden, **doel) -> Callable[[dict], object]:
    """wijzigformulier's `opslaan` for a change service taking `versie` and `gegevens` (the changed
    `velden`) besides `doel`: the form's cleaned data split into those two."""
    return lambda gegevens: wijzigen(
        **doel, versie=gegevens["versie"], gegevens={veld: gegevens[veld] for veld in velden}
    )


def wijzigformulier(request, *, form, template: str, context: dict, bekeken: list, **opslag):
    """The change pages' shared flow: GET shows the form; a valid POST saves and goes back; a service
    error shows in the form, a version conflict with 409. Every time the page is shown, also again after
    a refused POST, is an audited read of `bekeken`; a save is audited by its service. `opslag` holds
    formulier_opslaan's opslaan, gelukt and terug_naar.
    """

    def tonen(conflict: bool = False):
        # The one place the page is rendered with the data, so no path past it shows them unaudited.
        audit_bekeken_vastleggen(gebruiker=request.user, objecten=bekeken)
        inhoud = {**context, "form": form, "conflict": conflict}
        return render(request, template, inhoud, status=409 if conflict else 200)

    if request.method != "POST":
        return tonen()
    return formulier_opslaan(request, form=form, tonen=tonen, **opslag)


def correctiepagina(request, *, melding, titel: str, uitleg: str, knop: str, **formulier):
    """A correction of a case on the one page made for it (meldingen/correctie.html): a title, what the
    correction does, the form and one button; afterwards back to the case. `formulier` holds
    wijzigformulier's form, opslaan, gelukt and bekeken.
    """
    return wijzigformulier(
        request,
        terug_naar=melding.get_absolute_url(),
        template="meldingen/correctie.html",
        context={"melding": melding, "titel": titel, "uitleg": uitleg, "knop": knop},
        **formulier,
    )
