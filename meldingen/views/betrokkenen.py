"""Betrokkenen of a melding and the melder's identity."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from .. import selectors, services
from ..forms import BetrokkeneForm, BetrokkeneWijzigenForm, IdentiteitForm, IdentiteitInzienForm
from ..services.registratie import BETROKKENE_VELDEN, RECHT_IDENTITEIT
from .gemeen import (
    analist_view,
    beginwaarden,
    terug_als_afgedaan,
    velden_opslaan,
    verwerk_fout,
    wijzigformulier,
)


@analist_view()
def betrokkene_toevoegen(request, pk):
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if terug := terug_als_afgedaan(request, melding):
        return terug
    form = BetrokkeneForm(
        request.POST or None, jaar=melding.jaar, initial={"dienstonderdeel": melding.dienstonderdeel}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.betrokkene_toevoegen(melding=melding, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            verwerk_fout(form, fout)
        else:
            messages.success(request, "De betrokkene is toegevoegd.")
            return redirect("meldingen:detail", pk=melding.pk)
    return render(request, "meldingen/betrokkene_form.html", {"form": form, "melding": melding})


@analist_view("betrokkene")
def betrokkene_wijzigen(request, pk):
    betrokkene = selectors.betrokkene_voor_gebruiker(gebruiker=request.user, pk=pk)
    melding = betrokkene.melding
    if terug := terug_als_afgedaan(request, melding):
        return terug
    initial = beginwaarden(betrokkene, BETROKKENE_VELDEN)
    form = BetrokkeneWijzigenForm(
        request.POST or None, initial=initial, jaar=melding.jaar, huidig=betrokkene.dienstonderdeel
    )
    return wijzigformulier(
        request,
        form=form,
        opslaan=velden_opslaan(
            services.betrokkene_wijzigen, BETROKKENE_VELDEN, betrokkene=betrokkene, door=request.user
        ),
        gelukt=lambda: "De betrokkene is opgeslagen.",
        terug_naar=melding.get_absolute_url(),
        template="meldingen/betrokkene_form.html",
        context={"melding": melding, "betrokkene": betrokkene},
        bekeken=[betrokkene],
    )


@analist_view()
def melder(request, pk):
    """The melder's identity: first a reason (audited), then the data, which can be changed from there."""
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if not request.user.has_perm(RECHT_IDENTITEIT):
        raise PermissionDenied("Geen recht om de identiteit van de melder in te zien.")
    inzien_form = IdentiteitInzienForm(request.POST if request.POST.get("stap") == "inzien" else None)
    identiteit_form = None
    identiteit = None
    geopend = False
    conflict = False
    if request.POST.get("stap") == "inzien" and inzien_form.is_valid():
        reden = inzien_form.cleaned_data["reden"]
        identiteit = services.melder_identiteit_openen(melding=melding, door=request.user, reden=reden)
        geopend = True
        identiteit_form = IdentiteitForm(
            initial={
                "reden": reden,
                "kanaal": identiteit.kanaal if identiteit else "",
                "naam": identiteit.naam if identiteit else "",
                "contact": identiteit.contact if identiteit else "",
                "versie": identiteit.versie if identiteit else None,
            }
        )
    elif request.POST.get("stap") == "vastleggen":
        identiteit_form = IdentiteitForm(request.POST)
        geopend = True
        if identiteit_form.is_valid():
            gegevens = identiteit_form.cleaned_data
            try:
                services.melder_identiteit_vastleggen(melding=melding, door=request.user, **gegevens)
            except ValidationError as fout:
                conflict = verwerk_fout(identiteit_form, fout)
            else:
                messages.success(request, "De gegevens van de melder zijn opgeslagen.")
                return redirect("meldingen:detail", pk=melding.pk)
    context = {
        "melding": melding,
        "inzien_form": inzien_form,
        "identiteit_form": identiteit_form,
        "identiteit": identiteit,
        "geopend": geopend,
        "conflict": conflict,
        # Only after this user stated a reason: the earlier reasons are as protected as the identity.
        "inzagen": selectors.identiteit_inzagen(melding=melding) if geopend else [],
    }
    return render(request, "meldingen/melder.html", context, status=409 if conflict else 200)
