"""The analist sends a message to the melder from the case page."""

from django.views.decorators.http import require_POST

from ..meldkanaal.forms import BerichtForm
from ..services.berichten import bericht_aan_melder_sturen
from .gemeen import analist_view
from .zaakstukken import _toevoegen


@analist_view()
@require_POST
def bericht(request, pk):
    return _toevoegen(
        request,
        pk,
        maak_form=lambda melding: BerichtForm(request.POST),
        opslaan=lambda melding, gegevens: bericht_aan_melder_sturen(
            melding=melding, door=request.user, **gegevens
        ),
        gelukt="Het bericht staat klaar voor de melder.",
        anker="kop-gesprek",
        formnaam="bericht_form",
    )
