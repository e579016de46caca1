"""Import of a Tellijst: upload, preview with every error, then one all-or-nothing commit."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ..forms import UploadForm
from ..importeren import controleer_bestand, opslag
from ..importeren.controle import KOLOMMEN, Opzoektabellen
from ..importeren.sjabloon import sjabloon_csv, sjabloon_xlsx, toegestane_waarden
from ..services import TellijstImportFout, tellijst_importeren
from .invoer import vertrouwenspersoon_vereist

# The preview lists this many errors; the rest are counted (the command prints them all).
FOUTEN_OP_SCHERM = 500
GEIMPORTEERD = "{aantal} adviesvragen geïmporteerd."
NIETS_TE_IMPORTEREN = "Er wacht geen gecontroleerd bestand (meer). Upload het bestand opnieuw."


def _pagina(request, *, form, controle=None, naam=None):
    jaar = timezone.localdate().year
    tabellen = Opzoektabellen.laden()
    return render(
        request,
        "vertrouwenspersonen/importeren.html",
        {
            "form": form,
            "controle": controle,
            "fouten": controle.fouten[:FOUTEN_OP_SCHERM] if controle else [],
            "meer_fouten": max(0, len(controle.fouten) - FOUTEN_OP_SCHERM) if controle else 0,
            "naam": naam,
            "kolommen": KOLOMMEN,
            "jaar": jaar,
            "toegestaan": toegestane_waarden(jaar=jaar, tabellen=tabellen),
        },
    )


@vertrouwenspersoon_vereist
@require_http_methods(["GET", "POST"])
def importeren(request):
    if request.method == "GET":
        return _pagina(request, form=UploadForm())
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        opslag.vergeet(request.session)
        return _pagina(request, form=form)
    naam = form.cleaned_data["bestand"].name
    controle = controleer_bestand(form.upload, vandaag=timezone.localdate())
    if controle.in_orde:
        opslag.bewaar(request.session, form.upload, naam=naam)
    else:
        opslag.vergeet(request.session)
    return _pagina(request, form=UploadForm(), controle=controle, naam=naam)


@vertrouwenspersoon_vereist
@require_POST
def importeren_bevestigen(request):
    naam = opslag.bewaarde_naam(request.session)
    upload = opslag.neem(request.session)
    if upload is None:
        messages.error(request, NIETS_TE_IMPORTEREN)
        return redirect("vertrouwenspersonen:importeren")
    try:
        controle = tellijst_importeren(door=request.user, upload=upload)
    except TellijstImportFout as fout:
        return _pagina(request, form=UploadForm(), controle=fout.controle, naam=naam)
    messages.success(request, GEIMPORTEERD.format(aantal=controle.aantal_in_orde))
    return redirect("vertrouwenspersonen:mijn_adviesvragen")


@vertrouwenspersoon_vereist
@require_POST
def importeren_annuleren(request):
    opslag.vergeet(request.session)
    return redirect("vertrouwenspersonen:importeren")


def _bijlage(inhoud: bytes, *, naam: str, soort: str) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type=soort)
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


@vertrouwenspersoon_vereist
@require_GET
def sjabloon_csv_downloaden(request):
    return _bijlage(sjabloon_csv(), naam="tellijst-sjabloon.csv", soort="text/csv; charset=utf-8")


@vertrouwenspersoon_vereist
@require_GET
def sjabloon_xlsx_downloaden(request):
    return _bijlage(
        sjabloon_xlsx(jaar=timezone.localdate().year),
        naam="tellijst-sjabloon.xlsx",
        soort="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
