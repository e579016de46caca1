"""Import of the OIF register: upload, preview with every error, then one all-or-nothing commit.

The flow is the shared one of finintegriteit.kern.importeren; large files are checked and imported
by a worker while the page shows the progress.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from finintegriteit.kern import rollen as r
from finintegriteit.kern.importeren import BestandFout, berichten
from finintegriteit.kern.importeren import paginas as importpaginas
from finintegriteit.kern.importeren import selectors as importselectors
from finintegriteit.kern.importeren import services as importservices
from finintegriteit.kern.importeren.forms import BevestigForm
from finintegriteit.kern.models import Importbestand
from finintegriteit.kern.toegang import rol_vereist

from ..forms import RegisterUploadForm
from ..importeren import KOLOMMEN, Samenvatting
from ..importeren.sjabloon import sjabloon_csv, sjabloon_xlsx

SOORT = Importbestand.Soort.OIF_REGISTER
# More errors than this are not shown at once: fixing the first ones usually fixes many others.
MAX_FOUTEN_OP_SCHERM = 500
GEIMPORTEERD = (
    "Het register is geïmporteerd: {meldingen} meldingen, {betrokkenen} betrokkenen en "
    "{afdoeningen} afdoeningen."
)
NIEUWE_NUMMERS = " Regels zonder meldingsnummer kregen: {nummers}. Zet die nummers ook in het register."


def _geimporteerd(rij: Importbestand) -> str:
    nummers = rij.aantallen.get("nieuwe_nummers")
    return GEIMPORTEERD.format(**rij.aantallen) + (NIEUWE_NUMMERS.format(nummers=nummers) if nummers else "")


def _eigen(request, pk) -> Importbestand:
    return importselectors.importbestand_van(gebruiker=request.user, pk=pk, soort=SOORT)


@rol_vereist(r.OIF_ANALIST)
def importeren(request):
    form = RegisterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rij = importservices.importbestand_klaarzetten(
                soort=SOORT,
                door=request.user,
                bestandsnaam=form.cleaned_data["bestand"].name,
                upload=form.upload,
            )
        except BestandFout as fout:
            form.add_error("bestand", str(fout))
        else:
            return redirect("afdoeningen:voorbeeld", pk=rij.pk)
    eerdere = importselectors.recente_imports(soort=SOORT)
    return render(
        request, "afdoeningen/importeren.html", {"form": form, "kolommen": KOLOMMEN, "eerdere": eerdere}
    )


def _voorbeeld(request, rij: Importbestand, *, bevestigform=None, status=200):
    if rij.actief:
        context = {"importbestand": rij, "voortgang": importselectors.voortgang_van(rij)}
        if request.headers.get("HX-Request"):
            return render(request, "importeren/_voortgang.html", context)
        return render(request, "afdoeningen/voorbeeld.html", context)
    if request.headers.get("HX-Request"):
        return importpaginas.pagina_verversen()
    fouten = importselectors.fouten_van(rij)
    aantallen = {k: v for k, v in rij.aantallen.items() if k in Samenvatting.__dataclass_fields__}
    # JSON keeps the years as text.
    aantallen["per_jaar"] = {int(jaar): n for jaar, n in aantallen.get("per_jaar", {}).items()}
    context = {
        "importbestand": rij,
        "samenvatting": Samenvatting(**aantallen),
        "fouten": fouten[:MAX_FOUTEN_OP_SCHERM],
        "aantal_fouten": rij.aantal_fouten,
        "regels_met_fouten": len({f.regel for f in fouten}),
        "afgekapt": rij.aantal_fouten > len(fouten[:MAX_FOUTEN_OP_SCHERM]),
        "eerder": importselectors.eerdere_import(importbestand=rij)
        if rij.status == rij.Status.VOORBEELD
        else None,
        "bevestigform": bevestigform or BevestigForm(),
    }
    return render(request, "afdoeningen/voorbeeld.html", context, status=status)


@rol_vereist(r.OIF_ANALIST)
def voorbeeld(request, pk):
    rij = _eigen(request, pk)
    if rij.status == rij.Status.GEIMPORTEERD:
        messages.success(request, _geimporteerd(rij))
        return redirect("afdoeningen:importeren")
    return _voorbeeld(request, rij)


@rol_vereist(r.OIF_ANALIST)
@require_POST
def bevestigen(request, pk):
    rij = _eigen(request, pk)
    try:
        rij, form = importpaginas.bevestigen(request, rij)
    except ValidationError as fout:
        messages.error(request, importservices.weigering(fout))
        return redirect("afdoeningen:importeren")
    if form.errors:
        return _voorbeeld(request, rij, bevestigform=form, status=409)
    if rij.status == rij.Status.MISLUKT:
        # The database changed since the preview (e.g. a number now exists): nothing was imported.
        return _voorbeeld(request, rij, status=422)
    if rij.status == rij.Status.GEIMPORTEERD:
        messages.success(request, _geimporteerd(rij))
        return redirect("afdoeningen:importeren")
    return redirect("afdoeningen:voorbeeld", pk=rij.pk)


@rol_vereist(r.OIF_ANALIST)
@require_POST
def annuleren(request, pk):
    importservices.importbestand_annuleren(importbestand=_eigen(request, pk))
    messages.info(request, berichten.GEANNULEERD)
    return redirect("afdoeningen:importeren")


@rol_vereist(r.OIF_ANALIST)
def sjabloon(request):
    jaar = timezone.localdate().year
    if request.GET.get("formaat") == "csv":
        return importpaginas.sjabloon_downloaden(sjabloon_csv(jaar=jaar), naam="oif-register-sjabloon.csv")
    return importpaginas.sjabloon_downloaden(sjabloon_xlsx(jaar=jaar), naam="oif-register-sjabloon.xlsx")
