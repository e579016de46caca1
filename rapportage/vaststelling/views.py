"""Adopting a report in the browser: a confirmation page, the adoption, the download of the frozen PDF."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from finintegriteit.kern.rollen import COORDINATOR
from finintegriteit.kern.toegang import rol_vereist

from ..forms import RapportAanvraagForm
from ..models import Vaststelling
from ..toegang import vaststellingen_voor_gebruiker
from . import selectors, services

VASTGESTELD = (
    "De jaarrapportage {jaar} ({scope}) is vastgesteld. De cijfers, teksten en PDF veranderen niet meer."
)
VASTSTELLING_AANGEVRAAGD = (
    "De jaarrapportage {jaar} ({scope}) wordt vastgesteld: de PDF wordt op de achtergrond gemaakt. "
    "Deze pagina toont de voortgang; daarna veranderen de cijfers, teksten en PDF niet meer."
)


@rol_vereist(COORDINATOR)
@require_http_methods(["GET", "POST"])
def vaststellen(request):
    """GET: what will be frozen, and a button; POST: adopt (irreversible, hence the extra step)."""
    form = RapportAanvraagForm(request.POST or request.GET or None, gebruiker=request.user)
    if not form.is_valid():
        return render(request, "rapportage/vaststellen.html", {"form": form})
    jaar, onderdeel = form.cleaned_data["jaar"], form.cleaned_data["onderdeel"]
    scope = onderdeel.label if onderdeel else "hele ministerie"
    if request.method == "POST" and request.POST.get("bevestigd") == "ja":
        try:
            rapport = services.vaststelling_aanvragen(jaar=jaar, onderdeel=onderdeel, door=request.user)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            rapport.refresh_from_db()
            # Without a queue (development) the task has already run; with one, the list shows progress.
            klaar = rapport.status == rapport.Status.KLAAR
            bericht = VASTGESTELD if klaar else VASTSTELLING_AANGEVRAAGD
            if rapport.status == rapport.Status.MISLUKT:
                messages.error(request, rapport.reden)
            else:
                messages.success(request, bericht.format(jaar=jaar, scope=scope))
            return redirect("rapportage:rapporten")
    bestaand = selectors.vaststelling_van(jaar=jaar, onderdeel=onderdeel)
    # An adopted year gets its download link; only a year without one is checked for what is in the way.
    bezwaar = None
    if bestaand is None:
        bezwaar = services.bezwaar_tegen_vaststellen(jaar=jaar, onderdeel=onderdeel, door=request.user)
    return render(
        request,
        "rapportage/vaststellen.html",
        {
            "form": form,
            "jaar": jaar,
            "scope": scope,
            "bevestigen": True,
            "onderdeel": onderdeel,
            "bestaand": bestaand,
            "bezwaar": bezwaar,
        },
    )


@rol_vereist(COORDINATOR)
@require_GET
def vaststelling_download(request, pk: int):
    try:
        vaststelling = vaststellingen_voor_gebruiker(request.user).get(pk=pk)
    except Vaststelling.DoesNotExist:
        raise Http404("Geen vastgesteld rapport met dit nummer.") from None
    root = Path(settings.RAPPORT_ROOT).resolve()
    pad = (root / vaststelling.bestand).resolve()
    if not pad.is_relative_to(root) or not pad.is_file():
        raise Http404("Het bestand van dit vastgestelde rapport ontbreekt.")
    scope = vaststelling.onderdeel.code if vaststelling.onderdeel_id else "ministerie"
    antwoord = FileResponse(
        pad.open("rb"),
        as_attachment=True,
        filename=f"jaarrapportage-integriteit-{vaststelling.jaar}-{scope}-vastgesteld.pdf",
        content_type="application/pdf",
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Cijfers van een gepubliceerd verslag",
        help_text="JSON in de vorm van exporteer_cijfers; jaar en onderdeel staan in het bestand.",
    )
    bevestigd = forms.BooleanField(
        label="Ik begrijp dat ingelezen cijfers vastgesteld zijn en niet meer veranderen.", required=True
    )

    def tekst(self) -> str:
        bestand = self.cleaned_data["bestand"]
        if bestand.size > settings.MAX_UPLOAD_BYTES:
            raise ValidationError(TE_GROOT)
        try:
            return bestand.read().decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(GEEN_UTF8) from None


TE_GROOT = "Het bestand is te groot."
GEEN_UTF8 = "Het bestand is geen tekst in UTF-8."
INGELEZEN = "De cijfers van {jaar} ({scope}) zijn ingelezen als vastgestelde cijfers."


@rol_vereist(COORDINATOR)
@require_http_methods(["GET", "POST"])
def cijfers_importeren(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            vaststelling = services.cijfers_importeren(tekst=form.tekst(), door=request.user)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            scope = vaststelling.onderdeel.label if vaststelling.onderdeel_id else "hele ministerie"
            messages.success(request, INGELEZEN.format(jaar=vaststelling.jaar, scope=scope))
            return redirect("rapportage:rapporten")
    return render(request, "rapportage/cijfers_importeren.html", {"form": form})
