"""Import of the OIF register: upload, preview with every error, then one all-or-nothing commit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from finintegriteit.kern import rollen as r
from finintegriteit.kern.toegang import rol_vereist
from finintegriteit.kern.uploads import UploadFout, lees_upload

from .. import services
from ..forms import RegisterUploadForm
from ..importeren import KOLOMMEN, BestandFout, RegisterFout, register_controleren
from ..importeren.sjabloon import sjabloon_csv, sjabloon_xlsx
from ..models import Registerimport

# More errors than this are not shown at once: fixing the first ones usually fixes many others.
MAX_FOUTEN_OP_SCHERM = 500
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _eigen_voorbeeld(gebruiker, pk) -> Registerimport:
    """An upload of this user that still awaits confirmation; someone else's upload does not exist."""
    registerimport = Registerimport.objects.filter(
        pk=pk, door=gebruiker, status=Registerimport.Status.VOORBEELD
    ).first()
    if registerimport is None:
        raise Http404("Upload niet gevonden.")
    return registerimport


@rol_vereist(r.OIF_ANALIST)
def importeren(request):
    form = RegisterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            upload = lees_upload(bestand)
            register_controleren(inhoud=upload.inhoud, soort=upload.soort)
        except (UploadFout, BestandFout) as fout:
            form.add_error("bestand", str(fout))
        else:
            registerimport = services.registerimport_klaarzetten(
                door=request.user, bestandsnaam=bestand.name, upload=upload
            )
            return redirect("afdoeningen:voorbeeld", pk=registerimport.pk)
    eerdere = Registerimport.objects.filter(status=Registerimport.Status.GEIMPORTEERD).select_related("door")[
        :10
    ]
    return render(
        request, "afdoeningen/importeren.html", {"form": form, "kolommen": KOLOMMEN, "eerdere": eerdere}
    )


def _voorbeeld(request, registerimport, *, fouten=None, status=200):
    samenvatting, gevonden = register_controleren(
        inhoud=bytes(registerimport.bestand), soort=registerimport.soort
    )
    fouten = gevonden if fouten is None else fouten
    context = {
        "registerimport": registerimport,
        "samenvatting": samenvatting,
        "fouten": fouten[:MAX_FOUTEN_OP_SCHERM],
        "aantal_fouten": len(fouten),
        "regels_met_fouten": len({f.regel for f in fouten}),
        "afgekapt": len(fouten) > MAX_FOUTEN_OP_SCHERM,
    }
    return render(request, "afdoeningen/voorbeeld.html", context, status=status)


@rol_vereist(r.OIF_ANALIST)
def voorbeeld(request, pk):
    registerimport = _eigen_voorbeeld(request.user, pk)
    try:
        return _voorbeeld(request, registerimport)
    except BestandFout as fout:
        messages.error(request, str(fout))
        return redirect("afdoeningen:importeren")


@rol_vereist(r.OIF_ANALIST)
@require_POST
def bevestigen(request, pk):
    registerimport = Registerimport.objects.filter(pk=pk, door=request.user).first()
    if registerimport is None:
        raise Http404("Upload niet gevonden.")
    try:
        samenvatting = services.registerimport_uitvoeren(registerimport=registerimport, door=request.user)
    except RegisterFout as fout:
        # The database changed since the preview (e.g. a number now exists): nothing was imported.
        return _voorbeeld(request, registerimport, fouten=fout.fouten, status=422)
    except (BestandFout, ValidationError) as fout:
        messages.error(request, " ".join(getattr(fout, "messages", [str(fout)])))
        return redirect("afdoeningen:importeren")
    messages.success(
        request,
        f"Het register is geïmporteerd: {samenvatting.meldingen} meldingen, {samenvatting.betrokkenen} "
        f"betrokkenen en {samenvatting.afdoeningen} afdoeningen.",
    )
    return redirect("afdoeningen:importeren")


@rol_vereist(r.OIF_ANALIST)
def sjabloon(request):
    if request.GET.get("formaat") == "csv":
        antwoord = HttpResponse(sjabloon_csv(), content_type="text/csv; charset=utf-8")
        naam = "oif-register-sjabloon.csv"
    else:
        antwoord = HttpResponse(sjabloon_xlsx(jaar=timezone.localdate().year), content_type=XLSX)
        naam = "oif-register-sjabloon.xlsx"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord
