"""'Gebruikers en rollen' for the functioneel beheerder, and 'Mijn account' for everyone."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from .. import rollen as r
from .. import selectors, services, teksten
from ..auditspoor import accountgebeurtenissen_van
from ..gebruikersforms import GebruikerForm
from ..toegang import ingelogd_vereist, rol_vereist

AANGEMAAKT = "Account {naam} is aangemaakt."
OPGESLAGEN = "De wijzigingen voor {naam} zijn opgeslagen."
GEDEACTIVEERD = "Account {naam} is gedeactiveerd; open sessies zijn beëindigd."
GEACTIVEERD = "Account {naam} is weer actief."


@rol_vereist(r.BEHEERDER)
def gebruikers(request):
    rijen = []
    for gebruiker in selectors.gebruikers_overzicht():
        huidig = selectors.rollen_en_rechten(gebruiker)
        # Who the beheerder sends the person to for the code, while the app is not linked.
        rijen.append((gebruiker, huidig, _wie_activeert(huidig["rollen"])))
    return render(request, "kern/gebruikers.html", {"rijen": rijen})


def _wie_activeert(rollen) -> str | None:
    """Who hands over the code of an account with these roles; None where the beheerder does."""
    eigen = set(rollen).intersection(r.EIGEN_ACTIVERING)
    return teksten.wie_activeert(eigen) if eigen else None


def _gegevens(form) -> dict:
    data = form.cleaned_data
    return {
        "voornaam": data["voornaam"],
        "achternaam": data["achternaam"],
        "email": data["email"],
        "rollen": set(data["rollen"]),
        "rechten": set(data["rechten"]),
        "onderdeel": data["onderdeel"],
    }


@rol_vereist(r.BEHEERDER)
@never_cache
@require_http_methods(["GET", "POST"])
def gebruiker_nieuw(request):
    form = GebruikerForm(request.POST or None, nieuw=True)
    if request.method == "POST" and form.is_valid():
        try:
            gebruiker, wachtwoord = services.gebruiker_aanmaken(
                door=request.user, gebruikersnaam=form.cleaned_data["gebruikersnaam"], **_gegevens(form)
            )
        except services.Toekenningsfout as fout:
            for melding in fout.meldingen:
                form.add_error(None, melding)
        else:
            messages.success(request, AANGEMAAKT.format(naam=gebruiker.username))
            wie = _wie_activeert(selectors.rollen_met_eigen_activering(gebruiker=gebruiker))
            if wie:
                # Not the beheerder's to hand over: he holds the start password already.
                return eenmalig(request, gebruiker, wachtwoord=wachtwoord, wie_activeert=wie)
            code = services.activeringscode_uitgeven(door=request.user, gebruiker=gebruiker)
            return eenmalig(request, gebruiker, code=code, wachtwoord=wachtwoord)
    return render(request, "kern/gebruiker_form.html", {"form": form, "gebruiker": None})


def eenmalig(
    request,
    gebruiker,
    *,
    code: str | None = None,
    wachtwoord: str | None = None,
    wie_activeert: str | None = None,
    terug: str | None = None,
):
    """The page that shows a new activation code and/or start password once; never stored in clear."""
    return render(
        request,
        "kern/gebruiker_eenmalig.html",
        {
            "gebruiker": gebruiker,
            "code": code,
            "wachtwoord": wachtwoord,
            "wie_activeert": wie_activeert,
            "terug": terug or reverse("kern:gebruiker", args=[gebruiker.pk]),
            "geldig_uur": settings.ACTIVERINGSCODE_GELDIG_UUR,
        },
    )


@rol_vereist(r.BEHEERDER)
@never_cache
@require_http_methods(["GET", "POST"])
def gebruiker(request, pk: int):
    gebruiker = selectors.beheerbare_gebruiker(pk)
    huidig = selectors.rollen_en_rechten(gebruiker)
    begin = {
        "voornaam": gebruiker.first_name,
        "achternaam": gebruiker.last_name,
        "email": gebruiker.email,
        "rollen": huidig["rollen"],
        "rechten": sorted(selectors.rechten_van(gebruiker)),
        "onderdeel": huidig["onderdeel"],
    }
    form = GebruikerForm(request.POST or None, initial=begin, nieuw=False)
    if request.method == "POST" and form.is_valid():
        try:
            services.gebruiker_bijwerken(door=request.user, gebruiker=gebruiker, **_gegevens(form))
        except services.Toekenningsfout as fout:
            for melding in fout.meldingen:
                form.add_error(None, melding)
        else:
            messages.success(request, OPGESLAGEN.format(naam=gebruiker.username))
            return redirect("kern:gebruiker", pk=gebruiker.pk)
    context = {
        "form": form,
        "gebruiker": gebruiker,
        "gebeurtenissen": accountgebeurtenissen_van(gebruiker=gebruiker, aantal=20),
        "eigen_account": gebruiker.pk == request.user.pk,
        "wie_activeert": _wie_activeert(selectors.rollen_met_eigen_activering(gebruiker=gebruiker)),
    }
    return render(request, "kern/gebruiker_form.html", context)


@rol_vereist(r.BEHEERDER)
@never_cache
@require_POST
def gebruiker_activeringscode(request, pk: int):
    gebruiker = selectors.beheerbare_gebruiker(pk)
    try:
        code = services.activeringscode_uitgeven(door=request.user, gebruiker=gebruiker)
    except services.ActiveringsFout as fout:
        messages.error(request, str(fout))
        return redirect("kern:gebruiker", pk=gebruiker.pk)
    return eenmalig(request, gebruiker, code=code)


@rol_vereist(r.BEHEERDER)
@require_http_methods(["GET", "POST"])
def gebruiker_deactiveren(request, pk: int):
    """GET asks for confirmation; POST switches the account off (or on again)."""
    gebruiker = selectors.beheerbare_gebruiker(pk)
    if request.method == "POST":
        try:
            if gebruiker.is_active:
                services.gebruiker_deactiveren(door=request.user, gebruiker=gebruiker)
                messages.success(request, GEDEACTIVEERD.format(naam=gebruiker.username))
            else:
                services.gebruiker_activeren(door=request.user, gebruiker=gebruiker)
                messages.success(request, GEACTIVEERD.format(naam=gebruiker.username))
        except services.Toekenningsfout as fout:
            for melding in fout.meldingen:
                messages.error(request, melding)
        return redirect("kern:gebruiker", pk=gebruiker.pk)
    return render(request, "kern/gebruiker_deactiveren.html", {"gebruiker": gebruiker})


@ingelogd_vereist
def mijn_account(request):
    gebruiker = selectors.eigen_account(request.user)
    context = {
        "gebruiker": gebruiker,
        "huidig": selectors.rollen_en_rechten(gebruiker),
        "gebeurtenissen": accountgebeurtenissen_van(gebruiker=gebruiker),
    }
    return render(request, "kern/mijn_account.html", context)
