"""Pages of the meldkanaal. Public: an employee needs no account. Before the melder gives a receipt code
no page sets a cookie other than the CSRF token of a form; with a valid code the melder gets one signed
cookie (MELDER_COOKIE) that holds nothing but which melding, and only in their own browser."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from finintegriteit.kern.inlogbeveiliging import client_adres
from finintegriteit.kern.toegang import publiek

from ..forms import fout_in_formulier
from ..metadata import UITLEG_NIET, UITLEG_WEL
from ..services import meldkanaal as diensten
from .forms import AanvullingForm, CodeForm, MeldkanaalForm
from .selectors import dossier_van_melder

ONBEKEND = "Met deze code vinden we geen melding. Controleer de code en probeer het opnieuw."
TE_VAAK = "Er is te vaak een code geprobeerd. Probeer het over een kwartier opnieuw."
TOEGANG_VERLOPEN = (
    "Uw toegang tot de melding was verlopen, dus uw aanvulling is niet verstuurd. Vul uw ontvangstcode "
    "opnieuw in en verstuur de aanvulling dan nog eens."
)
# Both limits (per address and in total) give this answer; it must not tell which, and it must not
# blame a crowd when the melder's own attempts (a form sent back counts too) reached the limit.
TE_VEEL_MELDINGEN = (
    "Er is kort na elkaar te vaak iets verstuurd: vanaf deze verbinding (ook een formulier dat terugkwam "
    "om iets te verbeteren telt mee), of door heel veel melders tegelijk. Probeer het over een kwartier "
    "opnieuw; wat u schreef is niet verstuurd."
)
# What a refused request shows of the melder's text: the longest a form accepts.
MAX_TEKST_TERUG = 10_000
MELDER_COOKIE = "meldkanaal"
_COOKIE_ZOUT = "meldingen.meldkanaal.melder"
METADATA = {"uitleg_wel": UITLEG_WEL, "uitleg_niet": UITLEG_NIET}


@publiek
@require_http_methods(["GET"])
def loket(request):
    return render(
        request, "meldingen/meldkanaal/loket.html", {"afgemeld": request.GET.get("afgemeld") == "1"}
    )


@publiek
@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def melden(request):
    if request.method == "POST" and not diensten.poging_toegestaan(
        adres=client_adres(request) or "", soort="melden"
    ):
        terug_naar = reverse("meldkanaal:melden")
        return _te_veel(request, tekst=request.POST.get("omschrijving", ""), terug=terug_naar)
    form = MeldkanaalForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            g = form.cleaned_data
            try:
                melding, code = diensten.melding_via_meldkanaal(
                    onderwerp=g["onderwerp"],
                    omschrijving=g["omschrijving"],
                    dienstonderdeel=g["dienstonderdeel"],
                    betrokkenen=g["betrokkenen"],
                    naam=g["naam"],
                    contact=g["contact"],
                    bericht_per_email=g["bericht_per_email"],
                    bijlagen=g["bijlagen"],
                )
            except ValidationError as fout:
                fout_in_formulier(form, fout)
            else:
                # Shown in this answer only: no redirect, so the code never travels in a URL or a session.
                context = {"code": code, "met_naam": bool(g["naam"]), "bijlagen": len(g["bijlagen"])}
                return render(request, "meldingen/meldkanaal/ontvangen.html", context | METADATA)
    context = {"form": form, "bestanden_kwijt": bool(request.FILES)}
    return render(request, "meldingen/meldkanaal/melden.html", context | METADATA)


@publiek
@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def terug(request):
    """GET: the melder's dossier when the cookie is there, else the code form. POST: a code."""
    if request.method == "GET" and (ontvangstcode_id := _melder(request)) is not None:
        return _dossier(request, ontvangstcode_id)
    form = CodeForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "meldingen/meldkanaal/terug.html", {"form": form})
    if not diensten.poging_toegestaan(adres=client_adres(request) or ""):
        return _code_antwoord(request, fout=TE_VAAK, status=429)
    ontvangstcode_id = diensten.ontvangstcode_controleren(code=form.cleaned_data["code"])
    if ontvangstcode_id is None:
        return _code_antwoord(request, fout=ONBEKEND)
    antwoord = redirect("meldkanaal:terug")
    antwoord.set_signed_cookie(
        MELDER_COOKIE,
        str(ontvangstcode_id),
        salt=_COOKIE_ZOUT,
        max_age=settings.SESSION_COOKIE_AGE,
        path=reverse("meldkanaal:loket"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )
    return antwoord


@publiek
@never_cache
@sensitive_post_parameters()
@require_POST
def aanvullen(request):
    ontvangstcode_id = _melder(request)
    if ontvangstcode_id is None:
        # Access ran out while the melder was writing: her text comes back to copy, not lost.
        tekst = request.POST.get("tekst", "")[:MAX_TEKST_TERUG]
        return _code_antwoord(request, fout=TOEGANG_VERLOPEN, niet_verstuurd=True, tekst=tekst, status=403)
    if not diensten.poging_toegestaan(adres=client_adres(request) or "", soort="melden"):
        return _te_veel(request, tekst=request.POST.get("tekst", ""), terug=reverse("meldkanaal:terug"))
    form = AanvullingForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            diensten.aanvulling_van_melder(
                ontvangstcode_id=ontvangstcode_id,
                tekst=form.cleaned_data["tekst"],
                bijlagen=form.cleaned_data["bijlagen"],
            )
        except ValidationError as fout:
            fout_in_formulier(form, fout)
        else:
            return redirect(reverse("meldkanaal:terug") + "?aangevuld=1#kop-aanvullen")
    return _dossier(request, ontvangstcode_id, form=form, status=400)


@publiek
@require_POST
def afmelden(request):
    # Said on the loket, so the melder knows the melding is closed to whoever uses this browser next.
    return _zonder_cookie(naar=reverse("meldkanaal:loket") + "?afgemeld=1")


def _zonder_cookie(*, naar: str = ""):
    antwoord = redirect(naar or "meldkanaal:loket")
    antwoord.delete_cookie(MELDER_COOKIE, path=reverse("meldkanaal:loket"), samesite="Strict")
    return antwoord


def _melder(request) -> int | None:
    """The Ontvangstcode of the melder's cookie; None without a valid, unexpired one."""
    waarde = request.get_signed_cookie(
        MELDER_COOKIE, default=None, salt=_COOKIE_ZOUT, max_age=settings.SESSION_COOKIE_AGE
    )
    return int(waarde) if waarde and waarde.isdigit() else None


def _dossier(request, ontvangstcode_id, *, form=None, fout="", status=200):
    dossier = dossier_van_melder(ontvangstcode_id=ontvangstcode_id)
    if dossier is None:  # the melding is gone: back to the start
        return _zonder_cookie()
    context = {
        "dossier": dossier,
        "form": form or AanvullingForm(),
        "fout": fout,
        "aangevuld": request.GET.get("aangevuld") == "1" and not form,
    }
    return render(request, "meldingen/meldkanaal/dossier.html", context | METADATA, status=status)


def _code_antwoord(request, *, fout="", niet_verstuurd=False, tekst="", status=200):
    # An empty form: the code typed is never echoed back, so every wrong code gets the same page.
    context = {"form": CodeForm(), "fout": fout, "niet_verstuurd": niet_verstuurd, "tekst": tekst}
    return render(request, "meldingen/meldkanaal/terug.html", context, status=status)


def _te_veel(request, *, tekst: str, terug: str):
    """The answer beyond a limit: a short page, not the form again. Under a flood every refused request
    must cost little (rendering the whole form was most of the cost); what the melder wrote is shown
    so that nothing is lost, and files are never kept from a refused request."""
    context = {"fout": TE_VEEL_MELDINGEN, "tekst": tekst[:MAX_TEKST_TERUG], "terug": terug}
    return render(request, "meldingen/meldkanaal/te_veel.html", context, status=429)
