"""The register of vertrouwenspersonen, kept by the functioneel beheerder. It never shows Tellijst rows."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finintegriteit.kern.rollen import BEHEERDER
from finintegriteit.kern.toegang import rol_vereist
from finintegriteit.kern.vergrendeling import VersieConflict

from ..datums import VERLOOPT_BINNEN_MAANDEN, certificering_verloopt_op
from ..forms import NieuwProfielForm, PeildatumForm, ProfielForm, StatusForm
from ..models import Certificeringsstatus, VertrouwenspersoonProfiel
from ..selectors import register_lijst, register_telling, verlopende_certificeringen
from ..services import (
    certificeringsstatus_vastleggen,
    certificeringsstatus_verwijderen,
    vertrouwenspersoon_registreren,
    vertrouwenspersoon_wijzigen,
)

beheerder_vereist = rol_vereist(BEHEERDER)

TOEGEVOEGD = "{naam} is aan het register toegevoegd."
OPGESLAGEN = "De gegevens van {naam} zijn opgeslagen."
STATUS_VASTGELEGD = "Status '{status}' vanaf {vanaf:%d-%m-%Y} vastgelegd."
STATUS_VERWIJDERD = "Status verwijderd."


def _fouten_in_form(form, fout: ValidationError) -> None:
    for veld, meldingen in (
        fout.message_dict.items() if hasattr(fout, "error_dict") else [(None, fout.messages)]
    ):
        form.add_error(veld if veld in form.fields else None, meldingen)


@beheerder_vereist
@require_GET
def register(request):
    vandaag = timezone.localdate()
    form = PeildatumForm(request.GET or None, initial={"peildatum": vandaag})
    peildatum = form.cleaned_data["peildatum"] if form.is_valid() else vandaag
    return render(
        request,
        "vertrouwenspersonen/register.html",
        {
            "form": form,
            "peildatum": peildatum,
            "telling": register_telling(peildatum=peildatum),
            "verlopend": verlopende_certificeringen(peildatum=peildatum),
            "maanden": VERLOOPT_BINNEN_MAANDEN,
            "profielen": register_lijst(peildatum=peildatum),
        },
    )


@beheerder_vereist
@require_http_methods(["GET", "POST"])
def register_nieuw(request):
    form = NieuwProfielForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            profiel = vertrouwenspersoon_registreren(**form.cleaned_data)
        except ValidationError as fout:
            _fouten_in_form(form, fout)
        else:
            messages.success(request, TOEGEVOEGD.format(naam=profiel.naam))
            return redirect("vertrouwenspersonen:register_profiel", pk=profiel.pk)
    return render(request, "vertrouwenspersonen/register_nieuw.html", {"form": form})


def _profielpagina(request, profiel, *, form=None, statusform=None, conflict=False):
    statussen = list(profiel.statussen.order_by("-vanaf"))
    for status in statussen:
        status.verloopt_op = (
            certificering_verloopt_op(status.vanaf)
            if status.status == Certificeringsstatus.Status.LVV_REGISTER
            else None
        )
    return render(
        request,
        "vertrouwenspersonen/register_profiel.html",
        {
            "profiel": profiel,
            "form": form or ProfielForm(instance=profiel),
            "statusform": statusform or StatusForm(initial={"vanaf": timezone.localdate()}),
            "statussen": statussen,
            "conflict": conflict,
        },
    )


@beheerder_vereist
@require_http_methods(["GET", "POST"])
def register_profiel(request, pk: int):
    profiel = get_object_or_404(
        VertrouwenspersoonProfiel.objects.select_related("gebruiker", "onderdeel"), pk=pk
    )
    if request.method == "GET":
        return _profielpagina(request, profiel)
    form = ProfielForm(request.POST, instance=get_object_or_404(VertrouwenspersoonProfiel, pk=pk))
    conflict = False
    if form.is_valid():
        gegevens = dict(form.cleaned_data)
        try:
            profiel = vertrouwenspersoon_wijzigen(profiel=profiel, versie=gegevens.pop("versie"), **gegevens)
        except VersieConflict as fout:
            _fouten_in_form(form, fout)
            conflict = True
        except ValidationError as fout:
            _fouten_in_form(form, fout)
        else:
            messages.success(request, OPGESLAGEN.format(naam=profiel.naam))
            return redirect("vertrouwenspersonen:register_profiel", pk=profiel.pk)
    return _profielpagina(request, profiel, form=form, conflict=conflict)


@beheerder_vereist
@require_POST
def register_status_toevoegen(request, pk: int):
    profiel = get_object_or_404(VertrouwenspersoonProfiel, pk=pk)
    statusform = StatusForm(request.POST)
    if statusform.is_valid():
        try:
            status = certificeringsstatus_vastleggen(profiel=profiel, **statusform.cleaned_data)
        except ValidationError as fout:
            _fouten_in_form(statusform, fout)
        else:
            messages.success(
                request, STATUS_VASTGELEGD.format(status=status.get_status_display(), vanaf=status.vanaf)
            )
            return redirect("vertrouwenspersonen:register_profiel", pk=profiel.pk)
    return _profielpagina(request, profiel, statusform=statusform)


@beheerder_vereist
@require_http_methods(["GET", "POST"])
def register_status_verwijderen(request, pk: int, status_pk: int):
    """GET asks for confirmation (a page, so it works without JavaScript); POST removes the status."""
    status = get_object_or_404(
        Certificeringsstatus.objects.select_related("vertrouwenspersoon"),
        pk=status_pk,
        vertrouwenspersoon_id=pk,
    )
    if request.method == "GET":
        return render(
            request,
            "vertrouwenspersonen/register_status_verwijderen.html",
            {"status": status, "profiel": status.vertrouwenspersoon},
        )
    try:
        certificeringsstatus_verwijderen(status=status)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, STATUS_VERWIJDERD)
    return redirect("vertrouwenspersonen:register_profiel", pk=pk)
