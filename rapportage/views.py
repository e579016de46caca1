"""Coordinator pages: dashboard, report requests with live status, downloads, debug view of the PDF HTML.

Views only check access, validate and call one service or selector; who sees what is decided in
rapportage.toegang (a coordinator of one onderdeel sees only that onderdeel).
"""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finintegriteit.kern.rollen import COORDINATOR
from finintegriteit.kern.toegang import rol_vereist

from . import inhoud, opslag, pdf, services, tabellen, xlsx
from .forms import JaarForm, RapportAanvraagForm
from .hoofdstukken.verloop import per_maand, verloop
from .models import Rapport, Reeks
from .selectors.reeksen import reeks_met_stand, reeksen_met_stand
from .services.reeks import reeks_aanvragen
from .toegang import (
    onderdeel_van,
    rapport_voor_gebruiker,
    rapporten_voor_gebruiker,
    scope_naam,
    vaststellingen_voor_gebruiker,
)

AANGEVRAAGD = "De jaarrapportage {jaar} ({scope}) staat in de wachtrij. Deze pagina toont de voortgang."
OPNIEUW_AANGEVRAAGD = "De jaarrapportage {jaar} ({scope}) staat opnieuw in de wachtrij."
KLAAR = "De jaarrapportage {jaar} ({scope}) is klaar."
NIET_BESCHIKBAAR = (
    "Het maken van rapporten is op dit moment niet beschikbaar. Uw aanvraag is bewaard en staat in de lijst; "
    "kies later ‘Opnieuw proberen’."
)
REEKS_AANGEVRAAGD = (
    "Alle jaarrapportages {jaar} staan in de wachtrij ({aantal}). Ze worden tegelijk op de achtergrond "
    "gemaakt; deze pagina toont de voortgang."
)
MAX_RAPPORTEN_IN_LIJST = 50


def _met_toestand(rapport: Rapport) -> Rapport:
    """What the row shows: poll while the work may still progress, offer a retry otherwise."""
    rapport.vastgelopen = services.is_vastgelopen(rapport)
    wacht_op_wachtrij = _wacht_op_wachtrij(rapport)
    rapport.pollen = rapport.status in services.ACTIEF and not rapport.vastgelopen and not wacht_op_wachtrij
    rapport.kan_opnieuw = rapport.status == Rapport.Status.MISLUKT or rapport.vastgelopen or wacht_op_wachtrij
    return rapport


def _wacht_op_wachtrij(rapport: Rapport) -> bool:
    return rapport.status == Rapport.Status.WACHTRIJ and rapport.reden == services.FOUT_WACHTRIJ_ONBEREIKBAAR


def _na_wachtrij(request, rapport: Rapport, bericht: str):
    """Confirm the request; a broker that is down is shown by the list page itself (see `rapporten`)."""
    rapport.refresh_from_db()
    if rapport.status == Rapport.Status.KLAAR:
        messages.success(request, KLAAR.format(jaar=rapport.jaar, scope=scope_naam(rapport.onderdeel)))
    elif not _wacht_op_wachtrij(rapport):
        messages.success(request, bericht.format(jaar=rapport.jaar, scope=scope_naam(rapport.onderdeel)))


@rol_vereist(COORDINATOR)
@require_http_methods(["GET", "POST"])
def rapporten(request):
    # The year chosen last stays chosen (the redirect after a request carries it); a value that is no
    # year on offer selects nothing, and the form's own check refuses it when it is sent.
    jaar = request.GET.get("jaar", "")
    initieel = {"jaar": int(jaar)} if jaar.isdigit() else None
    form = RapportAanvraagForm(request.POST or None, gebruiker=request.user, initial=initieel)
    if request.method == "POST" and form.is_valid():
        try:
            rapport = services.rapport_aanvragen(
                door=request.user, jaar=form.cleaned_data["jaar"], onderdeel=form.cleaned_data["onderdeel"]
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            _na_wachtrij(request, rapport, AANGEVRAAGD)
            return redirect(f"{reverse('rapportage:rapporten')}?jaar={rapport.jaar}")
    return _rapportenpagina(request, form=form)


def _rapportenpagina(request, *, form, reeks_form=None):
    lijst = [_met_toestand(r) for r in rapporten_voor_gebruiker(request.user)[:MAX_RAPPORTEN_IN_LIJST]]
    hele_ministerie = onderdeel_van(gebruiker=request.user) is None
    return render(
        request,
        "rapportage/rapporten.html",
        {
            "form": form,
            # All reports at once is for a coordinator of the whole ministry only.
            "reeks_form": (
                reeks_form or JaarForm(prefix="reeks", met_cijfers=True, initial=form.initial or None)
            )
            if hele_ministerie
            else None,
            "reeksen": reeksen_met_stand() if hele_ministerie else [],
            "rapporten": lijst,
            "vastgesteld": vaststellingen_voor_gebruiker(request.user),
            "onderdeel": onderdeel_van(gebruiker=request.user),
            # Said on the page, not only once after the request: it stays true until the queue is back.
            "niet_beschikbaar": NIET_BESCHIKBAAR if any(_wacht_op_wachtrij(r) for r in lijst) else "",
        },
    )


@rol_vereist(COORDINATOR)
@require_POST
def reeks(request):
    """Request the ministry's report and every onderdeel's report of a year in one go."""
    form = JaarForm(request.POST, prefix="reeks")
    if form.is_valid():
        try:
            nieuw = reeks_aanvragen(door=request.user, jaar=form.cleaned_data["jaar"])
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            aantal = reeks_met_stand(pk=nieuw.pk).totaal
            messages.success(request, REEKS_AANGEVRAAGD.format(jaar=nieuw.jaar, aantal=f"{aantal} rapporten"))
            return redirect("rapportage:rapporten")
    return _rapportenpagina(request, form=RapportAanvraagForm(gebruiker=request.user), reeks_form=form)


@rol_vereist(COORDINATOR)
@require_GET
def reeks_status(request, pk: int):
    """The summary of one reeks, polled by htmx until every report in it is done."""
    if onderdeel_van(gebruiker=request.user) is not None:
        raise Http404("Geen reeks met dit nummer.")
    try:
        gevonden = reeks_met_stand(pk=pk)
    except Reeks.DoesNotExist:
        raise Http404("Geen reeks met dit nummer.") from None
    return render(request, "rapportage/_reeks.html", {"reeks": gevonden})


@rol_vereist(COORDINATOR)
@require_GET
def status(request, pk: int):
    """The row of one report, polled by htmx until it is klaar or mislukt."""
    rapport = rapport_voor_gebruiker(gebruiker=request.user, pk=pk)
    return render(request, "rapportage/_rapport_rij.html", {"rapport": _met_toestand(rapport)})


@rol_vereist(COORDINATOR)
@require_POST
def opnieuw(request, pk: int):
    rapport = rapport_voor_gebruiker(gebruiker=request.user, pk=pk)
    try:
        services.rapport_opnieuw(rapport=rapport, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        _na_wachtrij(request, rapport, OPNIEUW_AANGEVRAAGD)
    return redirect("rapportage:rapporten")


@rol_vereist(COORDINATOR)
@require_GET
def download(request, pk: int):
    rapport = rapport_voor_gebruiker(gebruiker=request.user, pk=pk)
    pad = opslag.rapport_pad(rapport)
    if pad is None:
        raise Http404("Dit rapport heeft (nog) geen bestand.")
    antwoord = FileResponse(
        pad.open("rb"),
        as_attachment=True,
        filename=opslag.bestandsnaam(rapport),
        content_type="application/pdf",
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord


def _jaar_en_onderdeel(request):
    form = JaarForm(request.GET or None, met_cijfers=True)
    return form, form.gekozen_jaar(), onderdeel_van(gebruiker=request.user)


def _adviesvragen_per_maand(lopend: dict) -> dict:
    """The growth of the Tellijst per month as a chart and as table rows (maand, periode, aantal).

    The periode names the two publications compared, so that a figure covering two months (one had
    no publication) or starting from zero says so; a negative figure keeps its minus sign.
    """
    maanden = lopend.get("adviesvragen_per_maand")
    if maanden is None:
        return {"tellijst_per_maand": None}
    jaar = lopend["jaar"]
    rijen = []
    for maand in maanden:
        n = maand["aantal"]
        if maand["tot"] is None:
            rijen.append((MONTHS[maand["maand"]], "", "geen publicatie"))
            continue
        tot = datetime.date.fromisoformat(maand["tot"])
        sinds = f"{datetime.date.fromisoformat(maand['sinds']):%d-%m}" if maand["sinds"] else f"begin {jaar}"
        if n is None:
            tekst = "niet bekend"
        elif isinstance(n, int) and n < 0:
            tekst = f"−{tabellen.aantal(-n)}"
        else:
            tekst = tabellen.aantal(n)
        rijen.append((MONTHS[maand["maand"]], f"{sinds} – {tot:%d-%m}", tekst))
    paren = [[m["maand"], m["aantal"]] for m in maanden]
    return {
        "tellijst_per_maand": rijen,
        "tellijst_gedaald": any(isinstance(n, int) and n < 0 for _, n in paren),
        "tellijstgrafiek": per_maand(
            paren, jaar=jaar, maandnamen=MONTHS, reeks="Geregistreerd in de Tellijst"
        ),
    }


@rol_vereist(COORDINATOR)
@require_GET
def dashboard(request):
    """Left (first on a phone) the current year so far; beside it a year's figures: trend charts, and
    per chapter its charts with the tables folded away. Every value comes from cached figures
    (rapportage.cijfercache) and goes through the template's escaping."""
    form, jaar, onderdeel = _jaar_en_onderdeel(request)
    gegevens = inhoud.dashboard(jaar=jaar, onderdeel=onderdeel)
    overzicht = inhoud.overzicht(jaar=jaar, onderdeel=onderdeel, vandaag=timezone.localdate())
    return render(
        request,
        "rapportage/dashboard.html",
        {
            "form": form,
            "jaar": jaar,
            "standaard": form.is_standaard(),
            "onderdeel": onderdeel,
            "hoofdstukken": [(h, list(h.tabellen())) for h in gegevens["hoofdstukken"]],
            "verloop": verloop(overzicht["verloop"], tot=jaar),
            "lopend": overzicht["lopend"],
            "per_maand": [
                (MONTHS[maand], aantal) for maand, aantal in overzicht["lopend"]["meldingen_per_maand"]
            ],
            "maandgrafiek": per_maand(
                overzicht["lopend"]["meldingen_per_maand"],
                jaar=overzicht["lopend"]["jaar"],
                maandnamen=MONTHS,
            ),
            **_adviesvragen_per_maand(overzicht["lopend"]),
            "tellijst_gepubliceerd_op": gegevens["tellijst_gepubliceerd_op"],
            "tellijst_drempel": gegevens["tellijst_drempel"],
            "drempel": gegevens["drempel"],
        },
    )


@rol_vereist(COORDINATOR)
@require_GET
def hoofdstuk_tabellen(request, hoofdstuk: str):
    """The tables of one chapter of the dashboard: loaded into the page when the coordinator opens
    them (htmx), or as a page of their own without JavaScript. Rendering every table of every chapter
    on each visit would cost more than the rest of the dashboard (docs/prestaties.md)."""
    _form, jaar, onderdeel = _jaar_en_onderdeel(request)
    gevonden = next(
        (h for h in inhoud.dashboard(jaar=jaar, onderdeel=onderdeel)["hoofdstukken"] if h.id == hoofdstuk),
        None,
    )
    if gevonden is None:
        raise Http404("Dit hoofdstuk bestaat niet.")
    context = {
        "jaar": jaar,
        "hoofdstuk": gevonden,
        "tabellen": list(gevonden.tabellen()),
        "onderdeel": onderdeel,
    }
    if request.headers.get("HX-Request"):
        return render(request, "rapportage/_hoofdstuk_tabellen.html", context)
    return render(request, "rapportage/hoofdstuk_tabellen.html", context)


@rol_vereist(COORDINATOR)
@require_GET
def tabel_xlsx(request, sleutel: str):
    _form, jaar, onderdeel = _jaar_en_onderdeel(request)
    tabel = inhoud.dashboard_tabel(sleutel, jaar=jaar, onderdeel=onderdeel)
    if tabel is None:
        raise Http404("Deze tabel bestaat niet.")
    antwoord = HttpResponse(xlsx.werkmap(tabel, jaar=jaar, onderdeel=onderdeel), content_type=xlsx.MIME)
    scope = onderdeel.code if onderdeel else "ministerie"
    antwoord["Content-Disposition"] = f'attachment; filename="{sleutel}-{jaar}-{scope}.xlsx"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@rol_vereist(COORDINATOR)
@require_GET
def voorbeeld(request):
    """Exactly the HTML that the task renders into the PDF, for checking layout and content."""
    _form, jaar, onderdeel = _jaar_en_onderdeel(request)
    return HttpResponse(pdf.rapport_html(inhoud.rapport_context(jaar=jaar, onderdeel=onderdeel)))
