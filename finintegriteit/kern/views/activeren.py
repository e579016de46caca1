"""'Activeringscodes': the teamleider of OIF and the coordinators of the whole ministry let their own
side (analists; vertrouwenspersonen and coordinators) into their accounts (docs/beveiliging.md, 'Vier
ogen'). The beheerder made the account and saw its start password; the code comes from here."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .. import rollen as r
from .. import selectors, services
from ..toegang import rol_vereist
from .gebruikers import eenmalig

GEEN_ACTIVERINGEN = (
    "Activeringscodes voor analisten geeft de teamleider van OIF, die voor vertrouwenspersonen en "
    "coördinatoren een integriteitscoördinator van het hele ministerie."
)
NIET_OP_UW_LIJST = "Dit account staat niet (meer) op uw lijst; er is geen code uitgegeven."
PER_PAGINA = 50


def _eigen_accounts(request):
    if not selectors.activeert(gebruiker=request.user):
        raise PermissionDenied(GEEN_ACTIVERINGEN)
    return selectors.te_activeren_accounts(door=request.user)


@rol_vereist(r.OIF_ANALIST, r.COORDINATOR)
def activeringscodes(request):
    pagina = Paginator(_eigen_accounts(request), PER_PAGINA).get_page(request.GET.get("pagina"))
    rijen = [(gebruiker, selectors.rollen_en_rechten(gebruiker)) for gebruiker in pagina]
    return render(request, "kern/activeringscodes.html", {"pagina": pagina, "rijen": rijen})


@rol_vereist(r.OIF_ANALIST, r.COORDINATOR)
@never_cache
@require_http_methods(["GET", "POST"])
def activeringscode_uitgeven(request, pk: int):
    """GET asks for confirmation (a new code unlinks the app in use); POST issues the code, shown once."""
    gebruiker = _eigen_accounts(request).filter(pk=pk).first()
    if gebruiker is None and request.method == "POST":
        # Usually an account that changed side after the list was opened; the same words whether or
        # not the account exists, so the answer tells nothing about other accounts.
        messages.error(request, NIET_OP_UW_LIJST)
        return redirect("kern:activeringscodes")
    if gebruiker is None:
        raise Http404(NIET_OP_UW_LIJST)
    if request.method == "POST":
        try:
            code = services.activeringscode_uitgeven(door=request.user, gebruiker=gebruiker)
        except services.ActiveringsFout as fout:
            # A role given to the account in the moment between finding it above and issuing: the
            # service decides under the account's row lock.
            messages.error(request, str(fout))
            return redirect("kern:activeringscodes")
        return eenmalig(request, gebruiker, code=code, terug=reverse("kern:activeringscodes"))
    return render(request, "kern/activeringscode_uitgeven.html", {"gebruiker": gebruiker})
