"""Pages of the meldkanaal. Public: an employee needs no account, and none of these pages sets a cookie
other than the CSRF token of a form."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from finintegriteit.kern.inlogbeveiliging import client_adres
from finintegriteit.kern.toegang import publiek

from ..services import meldkanaal as diensten
from .forms import CodeForm, MeldkanaalForm

ONBEKEND = "Met deze code vinden we geen melding. Controleer de code en probeer het opnieuw."
TE_VAAK = "Er is te vaak een code geprobeerd. Probeer het over een kwartier opnieuw."


@publiek
@require_http_methods(["GET"])
def loket(request):
    return render(request, "meldingen/meldkanaal/loket.html")


@publiek
@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def melden(request):
    form = MeldkanaalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        g = form.cleaned_data
        melding, code = diensten.melding_via_meldkanaal(
            onderwerp=g["onderwerp"],
            omschrijving=g["omschrijving"],
            dienstonderdeel=g["dienstonderdeel"],
            betrokkenen=g["betrokkenen"],
            naam=g["naam"],
            contact=g["contact"],
        )
        # Shown in this answer only: no redirect, so the code never travels in a URL or a session.
        return render(
            request, "meldingen/meldkanaal/ontvangen.html", {"code": code, "met_naam": bool(g["naam"])}
        )
    return render(request, "meldingen/meldkanaal/melden.html", {"form": form})


@publiek
@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def terug(request):
    form = CodeForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "meldingen/meldkanaal/terug.html", {"form": form})
    if not diensten.poging_toegestaan(adres=client_adres(request) or ""):
        return _terug_antwoord(request, fout=TE_VAAK, status=429)
    terugkeer = diensten.melding_met_code(code=form.cleaned_data["code"])
    return _terug_antwoord(request, terugkeer=terugkeer, fout="" if terugkeer else ONBEKEND)


def _terug_antwoord(request, *, terugkeer=None, fout="", status=200):
    # An empty form: the code typed is never echoed back, so every wrong code gets the same page.
    context = {"form": CodeForm(), "terugkeer": terugkeer, "fout": fout}
    return render(request, "meldingen/meldkanaal/terug.html", context, status=status)
