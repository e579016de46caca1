"""The retention hold of a case: 'niet vernietigen' with a reason, also after the case is closed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from .. import selectors
from ..audit import audit_bekeken_vastleggen
from ..forms import BewarenForm
from ..services import bewaartermijn
from .gemeen import analist_view, verwerk_fout


@analist_view()
def bewaren(request, pk):
    melding = selectors.melding_voor_gebruiker(request.user, pk)
    initial = {
        "niet_vernietigen": melding.niet_vernietigen,
        "reden": melding.niet_vernietigen_reden,
        "versie": melding.versie,
    }
    form = BewarenForm(request.POST or None, initial=initial)
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            bewaartermijn.bewaarplicht_vastleggen(melding=melding, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            conflict = verwerk_fout(form, fout)
        else:
            if melding.niet_vernietigen:
                messages.success(request, "De zaak staat op niet vernietigen.")
            else:
                messages.success(request, "Niet vernietigen is opgeheven; de bewaartermijn geldt weer.")
            return redirect("meldingen:detail", pk=melding.pk)
    elif request.method != "POST":
        audit_bekeken_vastleggen(gebruiker=request.user, objecten=[melding])
    context = {
        "form": form,
        "melding": melding,
        "conflict": conflict,
        "wissen_vanaf": bewaartermijn.wissen_vanaf(melding=melding),
        "jaren": bewaartermijn.bewaartermijn_jaren(),
    }
    return render(request, "meldingen/bewaren_form.html", context, status=409 if conflict else 200)
