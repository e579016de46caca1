"""Coordinator pages for the report's structure and texts of a year.

Every coordinator may read them; only a coordinator of the whole ministry changes them (the texts are
the ministry's report). The preview of the whole report is `rapportage:voorbeeld`: the HTML the PDF
renderer gets.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finintegriteit.kern.rollen import COORDINATOR
from finintegriteit.kern.toegang import rol_vereist

from ..forms import JaarForm
from ..models import Rapportdeel
from ..toegang import mag_teksten_wijzigen
from . import markdown, selectors, services
from .forms import GepubliceerdCijferForm, RapportdeelForm

AANGEMAAKT = "Het rapport over {jaar} heeft nu een eigen indeling ({aantal} delen)."
OPGESLAGEN = "‘{titel}’ is opgeslagen."
EERST_AANMAKEN = "Maak eerst de indeling van {jaar} aan."


def _wijzigrecht(request) -> None:
    if not mag_teksten_wijzigen(request.user):
        raise PermissionDenied(services.FOUT_GEEN_RECHT)


def _naar_lijst(jaar: int):
    return redirect(f"{reverse('rapportage:teksten')}?jaar={jaar}")


@rol_vereist(COORDINATOR)
@require_GET
def teksten(request):
    form = JaarForm(request.GET or None)
    jaar = form.gekozen_jaar()
    return render(
        request,
        "rapportage/teksten.html",
        {
            "form": form,
            "jaar": jaar,
            "delen": selectors.rapportdelen(jaar=jaar),
            "eigen": selectors.heeft_eigen_structuur(jaar=jaar),
            "mag_wijzigen": mag_teksten_wijzigen(request.user),
        },
    )


@rol_vereist(COORDINATOR)
@require_POST
def teksten_aanmaken(request):
    _wijzigrecht(request)
    form = JaarForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("jaar", [])))
        return redirect("rapportage:teksten")
    jaar = form.cleaned_data["jaar"]
    try:
        delen = services.structuur_aanmaken(jaar=jaar, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, AANGEMAAKT.format(jaar=jaar, aantal=len(delen)))
    return _naar_lijst(jaar)


def _bewerken(request, deel: Rapportdeel, *, nieuw: bool):
    form = RapportdeelForm(request.POST or None, instance=deel)
    waarden = selectors.waarden_van_jaar(jaar=deel.jaar)
    if request.method == "POST" and form.is_valid():
        try:
            services.rapportdeel_opslaan(
                deel=deel,
                door=request.user,
                waarden=waarden,
                **{k: form.cleaned_data[k] for k in form.fields},
            )
        except ValidationError as fout:
            for veld, fouten in fout.message_dict.items():
                for tekst in fouten:
                    form.add_error(veld if veld in form.fields else None, tekst)
        else:
            messages.success(request, OPGESLAGEN.format(titel=deel.titel))
            return redirect("rapportage:deel_wijzigen", pk=deel.pk)
    tekst = form.data.get("tekst", deel.tekst) if form.is_bound else deel.tekst
    return render(
        request,
        "rapportage/rapportdeel.html",
        {
            "form": form,
            "deel": deel,
            "nieuw": nieuw,
            # The same conversion the PDF gets (without an onderdeel's threshold).
            "voorbeeld_html": markdown.naar_html(tekst, waarden) if tekst else "",
            "cijfers": markdown.alle_cijfers(waarden),
        },
    )


@rol_vereist(COORDINATOR)
@require_http_methods(["GET", "POST"])
def deel_wijzigen(request, pk: int):
    _wijzigrecht(request)
    return _bewerken(request, get_object_or_404(Rapportdeel, pk=pk), nieuw=False)


@rol_vereist(COORDINATOR)
@require_http_methods(["GET", "POST"])
def deel_nieuw(request):
    _wijzigrecht(request)
    form = JaarForm(request.GET or None)
    jaar = form.gekozen_jaar()
    if not selectors.heeft_eigen_structuur(jaar=jaar):
        messages.error(request, EERST_AANMAKEN.format(jaar=jaar))
        return _naar_lijst(jaar)
    laatste = selectors.rapportdelen_van(jaar=jaar).last()
    deel = Rapportdeel(jaar=jaar, volgorde=(laatste.volgorde if laatste else 0) + 10)
    return _bewerken(request, deel, nieuw=True)


VASTGELEGD = (
    "Het gepubliceerde cijfer ‘{omschrijving}’ ({jaar}) is vastgelegd; het rapport noemt het in een voetnoot."
)


@rol_vereist(COORDINATOR)
@require_http_methods(["GET", "POST"])
def gepubliceerde_cijfers(request):
    """The printed figures of a year that differ from the system's; a ministry coordinator adds one."""
    jaarform = JaarForm(request.GET or None)
    jaar = jaarform.gekozen_jaar()
    form = GepubliceerdCijferForm(request.POST or None, initial={"jaar": jaar})
    if request.method == "POST":
        _wijzigrecht(request)
        if form.is_valid():
            try:
                cijfer = services.gepubliceerd_cijfer_vastleggen(door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                for veld, fouten in fout.message_dict.items():
                    for tekst in fouten:
                        form.add_error(veld if veld in form.fields else None, tekst)
            else:
                messages.success(
                    request, VASTGELEGD.format(omschrijving=cijfer.omschrijving, jaar=cijfer.jaar)
                )
                return redirect(f"{reverse('rapportage:gepubliceerde_cijfers')}?jaar={cijfer.jaar}")
    return render(
        request,
        "rapportage/gepubliceerde_cijfers.html",
        {
            "form": form,
            "jaarform": jaarform,
            "jaar": jaar,
            "cijfers": selectors.gepubliceerde_cijfers(jaar=jaar),
            "mag_wijzigen": mag_teksten_wijzigen(request.user),
        },
    )
