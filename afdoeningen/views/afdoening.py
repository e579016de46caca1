"""The afdoening of one betrokkene: create, change, or read when the melding is afgedaan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from finintegriteit.kern.vergrendeling import VERSIE_CONFLICT, VersieConflict
from meldingen.forms import VerwijderenForm
from meldingen.services.registratie import RECHT_IDENTITEIT
from meldingen.views.gemeen import analist_view, correctiepagina

from .. import selectors, services
from ..forms import DATALIST_ID, AfdoeningForm


@analist_view("betrokkene", kwarg="betrokkene_pk")
def vastleggen(request, betrokkene_pk):
    betrokkene = selectors.betrokkene_voor_afdoening(gebruiker=request.user, pk=betrokkene_pk)
    melding = betrokkene.melding
    afdoening = getattr(betrokkene, "afdoening", None)
    context = {"betrokkene": betrokkene, "melding": melding, "afdoening": afdoening}

    if melding.is_afgedaan:
        if request.method == "POST":
            messages.error(request, services.ALLEEN_LEZEN)
            return _tonen(request, betrokkene, context | {"alleen_lezen": True}, status=403)
        return _tonen(request, betrokkene, context | {"alleen_lezen": True})

    initial = AfdoeningForm.initieel(afdoening)
    if afdoening is None:
        initial |= {"schending": melding.onderwerp_id, "datum": timezone.localdate()}
    form = AfdoeningForm(request.POST or None, initial=initial, huidige=afdoening)
    conflict = False
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            services.afdoening_vastleggen(betrokkene=betrokkene, door=request.user, **gegevens)
        except VersieConflict:
            conflict = True
        except services.AfdoeningAlleenLezen as fout:
            # Set to Afgedaan while this form was open.
            messages.error(request, str(fout))
            return redirect("afdoeningen:vastleggen", betrokkene_pk=betrokkene.pk)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, "De afdoening is opgeslagen.")
            return redirect("meldingen:detail", pk=melding.pk)
    context |= {
        "form": form,
        "conflict": conflict,
        "conflict_tekst": VERSIE_CONFLICT,
        "standaard_inhouden": selectors.standaard_inhouden(),
        "datalist_id": DATALIST_ID,
        "mag_controleren": request.user.has_perm(RECHT_IDENTITEIT),
    }
    return _tonen(request, betrokkene, context, status=409 if conflict else 200)


def _tonen(request, betrokkene, context: dict, *, status: int = 200):
    """The afdoening page with the betrokkene's data: every time it is shown (a GET, or again after a
    refused POST) is an audited read. A saved POST redirects instead; its service audits the write."""
    services.afdoening_bekeken(door=request.user, betrokkene=betrokkene)
    return render(request, "afdoeningen/afdoening.html", context, status=status)


@analist_view("betrokkene", kwarg="betrokkene_pk")
@require_POST
def controleren(request, betrokkene_pk):
    """Compare the inhoud with the melder's identity; the service refuses users without that right."""
    betrokkene = selectors.betrokkene_voor_afdoening(gebruiker=request.user, pk=betrokkene_pk)
    afdoening = getattr(betrokkene, "afdoening", None)
    if afdoening is None:
        return redirect("afdoeningen:vastleggen", betrokkene_pk=betrokkene.pk)
    try:
        services.afdoening_controleren(afdoening=afdoening, door=request.user)
    except services.AfdoeningAlleenLezen as fout:
        messages.error(request, str(fout))
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, "De omschrijving noemt de melder niet; de afdoening telt als vastgelegd.")
        return redirect("meldingen:detail", pk=betrokkene.melding_id)
    return redirect("afdoeningen:vastleggen", betrokkene_pk=betrokkene.pk)


@analist_view("betrokkene", kwarg="betrokkene_pk")
def intrekken(request, betrokkene_pk):
    """Withdraw the afdoening of a betrokkene, with a reason and a confirmation (open melding only)."""
    betrokkene = selectors.betrokkene_voor_afdoening(gebruiker=request.user, pk=betrokkene_pk)
    melding = betrokkene.melding
    afdoening = getattr(betrokkene, "afdoening", None)
    if afdoening is None or melding.is_afgedaan:
        if melding.is_afgedaan:
            messages.error(request, services.ALLEEN_LEZEN)
        return redirect("meldingen:detail", pk=melding.pk)
    return correctiepagina(
        request,
        melding=melding,
        form=VerwijderenForm(request.POST or None, initial={"versie": afdoening.versie}),
        opslaan=lambda gegevens: services.afdoening_intrekken(
            afdoening=afdoening, door=request.user, versie=gegevens["versie"], reden=gegevens["reden"]
        ),
        gelukt=lambda: "De afdoening is ingetrokken.",
        titel="Afdoening intrekken",
        uitleg=f"De afdoening ‘{afdoening.type}’ van {betrokkene.naam or 'deze betrokkene'} wordt "
        "ingetrokken; de betrokkene staat dan weer zonder afdoening. Dit kan niet ongedaan worden "
        "gemaakt.",
        knop="Afdoening intrekken",
        bekeken=[betrokkene, afdoening],
    )
