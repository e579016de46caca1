"""What an analist adds to a case from its page (notes, documents), and the download of a document."""

from collections.abc import Callable

from django.http import FileResponse, Http404
from django.views.decorators.http import require_POST, require_safe

from .. import selectors
from ..forms import AantekeningForm, DocumentForm
from ..services.aantekeningen import aantekening_toevoegen
from ..services.documenten import document_openen, document_toevoegen
from .gemeen import analist_view, formulier_opslaan, terug_als_afgedaan
from .meldingen import _detail


def _toevoegen(
    request, pk, *, maak_form: Callable, opslaan: Callable, gelukt: str, anker: str, formnaam: str
):
    """POST from the case page: saved, back to the section; refused, the case page with the form's errors."""
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if terug := terug_als_afgedaan(request, melding):
        return terug
    form = maak_form(melding)
    return formulier_opslaan(
        request,
        form=form,
        opslaan=lambda gegevens: opslaan(melding, gegevens),
        gelukt=lambda: gelukt,
        terug_naar=f"{melding.get_absolute_url()}#{anker}",
        tonen=lambda conflict: _detail(request, melding, status=400, **{formnaam: form}),
    )


@analist_view()
@require_POST
def aantekening(request, pk):
    return _toevoegen(
        request,
        pk,
        maak_form=lambda melding: AantekeningForm(request.POST, melding=melding),
        opslaan=lambda melding, gegevens: aantekening_toevoegen(
            melding=melding, door=request.user, **gegevens
        ),
        gelukt="De aantekening is toegevoegd.",
        anker="kop-aantekeningen",
        formnaam="aantekening_form",
    )


@analist_view()
@require_POST
def document(request, pk):
    return _toevoegen(
        request,
        pk,
        maak_form=lambda melding: DocumentForm(request.POST, request.FILES),
        opslaan=lambda melding, gegevens: document_toevoegen(
            melding=melding, door=request.user, bestand=gegevens["bestand"]
        ),
        gelukt="Het document is toegevoegd.",
        anker="kop-documenten",
        formnaam="document_form",
    )


@analist_view(object_type="document")
@require_safe
def downloaden(request, pk):
    document = selectors.document_voor_gebruiker(gebruiker=request.user, pk=pk)
    bestand = document_openen(document=document, door=request.user)
    if bestand is None:
        raise Http404("Dit document is gewist.")
    # Always a download with the type found in the content: the browser never renders it in our origin.
    return FileResponse(
        bestand, as_attachment=True, filename=document.bestandsnaam, content_type=document.content_type
    )
