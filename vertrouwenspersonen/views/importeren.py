"""Import of a Tellijst: upload, preview with every error, then one all-or-nothing commit.

The flow is the shared one of finintegriteit.kern.importeren. Only the id of the waiting import is
in the session: the import row itself names nobody once it is done. The name of the uploaded file
(often a person's) is shown only on the page that answers the upload; the row and the session never
hold it.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finintegriteit.kern.importeren import Fout, berichten
from finintegriteit.kern.importeren import paginas as importpaginas
from finintegriteit.kern.importeren import selectors as importselectors
from finintegriteit.kern.importeren import services as importservices
from finintegriteit.kern.importeren.forms import BevestigForm
from finintegriteit.kern.models import Importbestand

from ..forms import UploadForm
from ..importeren.controle import KOLOMMEN, Opzoektabellen
from ..importeren.sjabloon import sjabloon_csv, sjabloon_xlsx, toegestane_waarden
from .invoer import vertrouwenspersoon_vereist

SOORT = Importbestand.Soort.TELLIJST
SESSIESLEUTEL = "tellijst_import"
# The preview lists this many errors; the rest are counted (the command prints them all).
FOUTEN_OP_SCHERM = 500
GEIMPORTEERD = "{aantal} adviesvragen geïmporteerd."
NIETS_TE_IMPORTEREN = berichten.NIETS_TE_IMPORTEREN


@dataclass
class Voorbeeld:
    """What the page shows of a checked file, read from the import row."""

    aantal_rijen: int = 0
    aantal_in_orde: int = 0
    aantal_open: int = 0
    aantal_gesloten: int = 0
    aantal_fouten: int = 0
    aantallen_per_jaar: list = field(default_factory=list)
    fouten: list = field(default_factory=list)

    @property
    def in_orde(self) -> bool:
        return not self.aantal_fouten and self.aantal_in_orde > 0

    @property
    def rijen_met_fouten(self) -> int:
        return self.aantal_rijen - self.aantal_in_orde

    @classmethod
    def van(cls, rij: Importbestand) -> "Voorbeeld":
        a = rij.aantallen
        return cls(
            aantal_rijen=a.get("rijen", 0),
            aantal_in_orde=a.get("in_orde", 0),
            aantal_open=a.get("open", 0),
            aantal_gesloten=a.get("gesloten", 0),
            aantal_fouten=rij.aantal_fouten,
            aantallen_per_jaar=sorted(a.get("per_jaar", {}).items()),
            fouten=importselectors.fouten_van(rij)
            or ([Fout(None, None, "", rij.reden)] if rij.reden else []),
        )


def _wachtend(request) -> Importbestand | None:
    pk = request.session.get(SESSIESLEUTEL)
    if not pk:
        return None
    try:
        return importselectors.importbestand_van(gebruiker=request.user, pk=pk, soort=SOORT)
    except Http404:
        request.session.pop(SESSIESLEUTEL, None)
        return None


def _vergeten(request) -> None:
    if (rij := _wachtend(request)) is not None:
        importservices.importbestand_annuleren(importbestand=rij)
    request.session.pop(SESSIESLEUTEL, None)


def _pagina(request, *, form, rij=None, bevestigform=None, status=200, naam=None):
    jaar = timezone.localdate().year
    voorbeeld = Voorbeeld.van(rij) if rij is not None and not rij.actief else None
    context = {
        "form": form,
        "importbestand": rij,
        "voortgang": importselectors.voortgang_van(rij) if rij is not None else 0,
        "controle": voorbeeld,
        "fouten": voorbeeld.fouten[:FOUTEN_OP_SCHERM] if voorbeeld else [],
        "meer_fouten": max(0, voorbeeld.aantal_fouten - FOUTEN_OP_SCHERM) if voorbeeld else 0,
        "naam": naam or (rij.bestandsnaam if rij is not None else None),
        "eerder": importselectors.eerdere_import(importbestand=rij)
        if rij is not None and rij.status == rij.Status.VOORBEELD
        else None,
        "bevestigform": bevestigform or BevestigForm(),
        "kolommen": KOLOMMEN,
        "jaar": jaar,
        "toegestaan": toegestane_waarden(jaar=jaar, tabellen=Opzoektabellen.laden()),
    }
    return render(request, "vertrouwenspersonen/importeren.html", context, status=status)


def _afronden(request, rij: Importbestand):
    """A finished import: its message, and the session forgets it."""
    request.session.pop(SESSIESLEUTEL, None)
    messages.success(request, GEIMPORTEERD.format(aantal=rij.aantallen.get("in_orde", 0)))
    return redirect("vertrouwenspersonen:mijn_adviesvragen")


@vertrouwenspersoon_vereist
@require_http_methods(["GET", "POST"])
def importeren(request):
    if request.method == "GET":
        rij = _wachtend(request)
        if rij is not None and request.headers.get("HX-Request"):
            if rij.actief:
                return render(
                    request,
                    "importeren/_voortgang.html",
                    {"importbestand": rij, "voortgang": importselectors.voortgang_van(rij)},
                )
            return importpaginas.pagina_verversen()
        if rij is not None and rij.status == rij.Status.GEIMPORTEERD:
            return _afronden(request, rij)
        if rij is not None and rij.status == rij.Status.MISLUKT:
            request.session.pop(SESSIESLEUTEL, None)
        return _pagina(request, form=UploadForm(), rij=rij)
    _vergeten(request)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _pagina(request, form=form)
    naam = form.cleaned_data["bestand"].name
    rij = importservices.importbestand_klaarzetten(
        soort=SOORT, door=request.user, bestandsnaam=naam, upload=form.upload
    )
    if rij.aantal_fouten:
        # Nothing to confirm: the row goes at once, the page shows its errors.
        importservices.importbestand_annuleren(importbestand=rij)
        return _pagina(request, form=UploadForm(), rij=rij, naam=naam)
    request.session[SESSIESLEUTEL] = str(rij.pk)
    if rij.actief:
        return redirect("vertrouwenspersonen:importeren")
    return _pagina(request, form=UploadForm(), rij=rij, naam=naam)


@vertrouwenspersoon_vereist
@require_POST
def importeren_bevestigen(request):
    rij = _wachtend(request)
    if rij is None:
        messages.error(request, NIETS_TE_IMPORTEREN)
        return redirect("vertrouwenspersonen:importeren")
    try:
        rij, form = importpaginas.bevestigen(request, rij)
    except ValidationError as fout:
        request.session.pop(SESSIESLEUTEL, None)
        messages.error(request, importservices.weigering(fout))
        return redirect("vertrouwenspersonen:importeren")
    if form.errors:
        return _pagina(request, form=UploadForm(), rij=rij, bevestigform=form, status=409)
    if rij.status == rij.Status.GEIMPORTEERD:
        return _afronden(request, rij)
    if rij.status == rij.Status.MISLUKT:
        request.session.pop(SESSIESLEUTEL, None)
        return _pagina(request, form=UploadForm(), rij=rij)
    return redirect("vertrouwenspersonen:importeren")


@vertrouwenspersoon_vereist
@require_POST
def importeren_annuleren(request):
    _vergeten(request)
    messages.info(request, berichten.GEANNULEERD)
    return redirect("vertrouwenspersonen:importeren")


@vertrouwenspersoon_vereist
@require_GET
def sjabloon_csv_downloaden(request):
    return importpaginas.sjabloon_downloaden(
        sjabloon_csv(jaar=timezone.localdate().year), naam="tellijst-sjabloon.csv"
    )


@vertrouwenspersoon_vereist
@require_GET
def sjabloon_xlsx_downloaden(request):
    return importpaginas.sjabloon_downloaden(
        sjabloon_xlsx(jaar=timezone.localdate().year), naam="tellijst-sjabloon.xlsx"
    )
