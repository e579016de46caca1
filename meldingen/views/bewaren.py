"""The retention hold of a case: 'niet vernietigen' with a reason, also after the case is closed."""

from .. import selectors
from ..forms import BewarenForm
from ..services import bewaartermijn
from .gemeen import analist_view, wijzigformulier


@analist_view()
def bewaren(request, pk):
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    initial = {
        "niet_vernietigen": melding.niet_vernietigen,
        "reden": melding.niet_vernietigen_reden,
        "versie": melding.versie,
    }
    return wijzigformulier(
        request,
        form=BewarenForm(request.POST or None, initial=initial),
        opslaan=lambda gegevens: bewaartermijn.bewaarplicht_vastleggen(
            melding=melding, door=request.user, **gegevens
        ),
        gelukt=lambda: (
            "De zaak staat op niet vernietigen."
            if melding.niet_vernietigen
            else "Niet vernietigen is opgeheven; de bewaartermijn geldt weer."
        ),
        terug_naar=melding.get_absolute_url(),
        template="meldingen/bewaren_form.html",
        context={
            "melding": melding,
            "wissen_vanaf": bewaartermijn.wissen_vanaf(melding=melding),
            "jaren": bewaartermijn.bewaartermijn_jaren(),
        },
        bekeken=[melding],
    )
