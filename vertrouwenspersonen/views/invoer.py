"""Fast entry of a Tellijst row, 'Mijn adviesvragen' and changing one's own rows.

Only members of the Vertrouwenspersoon role get in; every row is looked up through
adviesvraag_voor_vertrouwenspersoon, so another vertrouwenspersoon's row answers 404.
"""

import re
import uuid

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finintegriteit.kern.rollen import VERTROUWENSPERSOON
from finintegriteit.kern.toegang import rol_vereist
from finintegriteit.kern.vergrendeling import VERSIE_CONFLICT, VersieConflict
from finintegriteit.referentie import keuzelijsten
from finintegriteit.referentie import models as ref

from ..forms import AdviesvraagForm, BijwerkenForm, FilterForm, subcategorie_keuzes
from ..models import Adviesvraag
from ..regels import gesloten_fout, jaar_gesloten
from ..selectors import (
    adviesvraag_voor_vertrouwenspersoon,
    adviesvragen_van,
    eerste_tellijstjaar,
    jaren_met_adviesvragen,
)
from ..services import adviesvraag_toevoegen, adviesvraag_verwijderen, adviesvraag_wijzigen

PER_PAGINA = 25
# Year, quarter and onderdeel stay filled in for the next row: a vertrouwenspersoon usually enters
# several rows of the same period and onderdeel in one go. Kept in a signed cookie in the user's own
# browser: the session lives in the database next to the user id, and a row's period and onderdeel
# there would point at the row. Never in a URL either.
COOKIE_BLIJFT_STAAN = "tellijst_laatst"
COOKIE_DUUR = 12 * 60 * 60
OPGESLAGEN = (
    "Adviesvraag {nummer} opgeslagen: {jaar}, {hoofdcategorie} – {subcategorie} ({status}). "
    "Terugvinden kan met dit kenmerk in ‘Mijn adviesvragen’. Vul de volgende in."
)
BIJGEWERKT = "Adviesvraag {nummer} bijgewerkt ({status})."
GEWIJZIGD = "Adviesvraag {nummer} gewijzigd."
VERWIJDERD = "Adviesvraag {nummer} verwijderd."

vertrouwenspersoon_vereist = rol_vereist(VERTROUWENSPERSOON)


def _status(adviesvraag: Adviesvraag) -> str:
    return "loopt nog" if adviesvraag.wijze_van_afdoening.loopt_nog else "gesloten"


def _standaarden(request) -> dict:
    """Initial values of a fresh form: this year, 'Loopt nog' twice, and what the last row used."""
    initieel = {"jaar": timezone.localdate().year}
    initieel.update(_laatst_gebruikt(request))
    jaar = initieel["jaar"]
    loopt_nog = next(
        (o for o in keuzelijsten.opties_in_jaar(ref.WijzeVanAfdoening, jaar=jaar) if o.loopt_nog), None
    )
    loopt_door = next(
        (
            o
            for o in keuzelijsten.opties_in_jaar(ref.SituatieNaInterventie, jaar=jaar)
            if o.uitkomst == ref.SituatieNaInterventie.Uitkomst.LOOPT_DOOR
        ),
        None,
    )
    initieel["wijze_van_afdoening"] = loopt_nog.pk if loopt_nog else None
    initieel["situatie"] = loopt_door.pk if loopt_door else None
    initieel["evaluatielink"] = Adviesvraag.Evaluatielink.NIET_AANGEGEVEN
    return initieel


def _laatst_gebruikt(request) -> dict:
    try:
        waarden = signing.loads(
            request.COOKIES.get(COOKIE_BLIJFT_STAAN, ""), salt=COOKIE_BLIJFT_STAAN, max_age=COOKIE_DUUR
        )
    except signing.BadSignature:
        return {}
    # Someone else who logs in on the same browser starts with a blank form.
    return waarden.get("velden", {}) if waarden.get("gebruiker") == request.user.pk else {}


def _onthoud(antwoord, request, adviesvraag: Adviesvraag) -> None:
    velden = {
        "jaar": adviesvraag.jaar,
        "kwartaal": adviesvraag.kwartaal,
        "onderdeel": adviesvraag.onderdeel_id,
    }
    antwoord.set_cookie(
        COOKIE_BLIJFT_STAAN,
        signing.dumps({"gebruiker": request.user.pk, "velden": velden}, salt=COOKIE_BLIJFT_STAAN),
        max_age=COOKIE_DUUR,
        path=reverse("vertrouwenspersonen:invoeren"),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Strict",
    )


def _formulier(request, **kwargs) -> AdviesvraagForm:
    return AdviesvraagForm(eerste_jaar=eerste_tellijstjaar(), **kwargs)


@vertrouwenspersoon_vereist
@require_http_methods(["GET", "POST"])
def invoeren(request):
    if request.method == "POST":
        form = _formulier(request, data=request.POST)
        if form.is_valid():
            try:
                adviesvraag = adviesvraag_toevoegen(vertrouwenspersoon=request.user, **form.velden())
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(
                    request,
                    OPGESLAGEN.format(
                        nummer=adviesvraag.kenmerk,
                        jaar=adviesvraag.jaar,
                        hoofdcategorie=adviesvraag.hoofdcategorie.label,
                        subcategorie=adviesvraag.subcategorie.label,
                        status=_status(adviesvraag),
                    ),
                )
                antwoord = redirect("vertrouwenspersonen:invoeren")
                _onthoud(antwoord, request, adviesvraag)
                return antwoord
    else:
        form = _formulier(request, initial=_standaarden(request))
    form.focus_zetten()
    return render(request, "vertrouwenspersonen/invoeren.html", {"form": form})


@vertrouwenspersoon_vereist
@require_POST
def velden(request):
    """The year changed: the option fields again, with the options of that year (htmx)."""
    initieel = {naam: request.POST.get(naam) for naam in AdviesvraagForm.Meta.fields}
    form = _formulier(request, initial=initieel)
    return render(request, "vertrouwenspersonen/_velden.html", {"form": form})


@vertrouwenspersoon_vereist
@require_GET
def subcategorieen(request):
    """The <option>s of the subcategorie list for the chosen hoofdcategorie and year (htmx)."""
    jaar = request.GET.get("jaar", "")
    jaar = int(jaar) if re.fullmatch(r"\d{4}", jaar) else timezone.localdate().year
    hoofdcategorie = request.GET.get("hoofdcategorie", "")
    hoofdcategorie = int(hoofdcategorie) if re.fullmatch(r"\d{1,9}", hoofdcategorie) else 0
    keuzes = subcategorie_keuzes(jaar=jaar, hoofdcategorie_id=hoofdcategorie or None)
    opties = [(waarde, label) for waarde, label in keuzes if isinstance(label, str)]
    groepen = [(groep, subs) for groep, subs in keuzes if not isinstance(subs, str)]
    return render(
        request, "vertrouwenspersonen/_subcategorie_opties.html", {"opties": opties, "groepen": groepen}
    )


def _terug(request) -> str:
    terug = request.POST.get("terug") or request.GET.get("terug") or ""
    if url_has_allowed_host_and_scheme(
        terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return terug
    return reverse("vertrouwenspersonen:mijn_adviesvragen")


@vertrouwenspersoon_vereist
@require_GET
def mijn_adviesvragen(request):
    jaren = jaren_met_adviesvragen(gebruiker=request.user)
    filters = FilterForm(request.GET or None, jaren=jaren)
    gekozen = filters.cleaned_data if filters.is_valid() else {}
    rijen = adviesvragen_van(
        gebruiker=request.user,
        jaar=gekozen.get("jaar"),
        status=gekozen.get("status") or None,
        kenmerk=gekozen.get("kenmerk") or None,
    )
    pagina = Paginator(rijen, PER_PAGINA).get_page(request.GET.get("pagina"))
    opties = {
        "wijze_van_afdoening": keuzelijsten.opties(ref.WijzeVanAfdoening),
        "situatie": keuzelijsten.opties(ref.SituatieNaInterventie),
    }
    vandaag = timezone.localdate()
    regels = []
    for vraag in pagina:
        # A row of a closed year is shown, not changed (regels.sluitdatum).
        gesloten = jaar_gesloten(vraag.jaar, op=vandaag)
        bijwerken = vraag.wijze_van_afdoening.loopt_nog and not gesloten
        form = BijwerkenForm(adviesvraag=vraag, opties=opties) if bijwerken else None
        regels.append((vraag, form, gesloten))
    zoekterm = request.GET.copy()
    zoekterm.pop("pagina", None)
    return render(
        request,
        "vertrouwenspersonen/mijn_adviesvragen.html",
        {
            "filters": filters,
            "pagina": pagina,
            "regels": regels,
            "zoekterm": zoekterm.urlencode(),
            "terug": request.get_full_path(),
        },
    )


@vertrouwenspersoon_vereist
@require_POST
def bijwerken(request, pk: uuid.UUID):
    """The quick update of afdoening and situatie; with htmx only the table row is replaced."""
    adviesvraag = adviesvraag_voor_vertrouwenspersoon(gebruiker=request.user, pk=pk)
    form = BijwerkenForm(request.POST, adviesvraag=adviesvraag)
    bijgewerkt = conflict = False
    if form.is_valid():
        gegevens = dict(form.cleaned_data)
        try:
            adviesvraag_wijzigen(
                adviesvraag=adviesvraag, door=request.user, versie=gegevens.pop("versie"), **gegevens
            )
            bijgewerkt = True
        except VersieConflict as fout:
            # Show the row as it is stored now, with the message, so nothing is overwritten blindly.
            conflict = True
            adviesvraag = adviesvraag_voor_vertrouwenspersoon(gebruiker=request.user, pk=pk)
            form.add_error(None, fout)
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, meldingen)
    gesloten = jaar_gesloten(adviesvraag.jaar, op=timezone.localdate())
    if bijgewerkt:
        melding = BIJGEWERKT.format(nummer=adviesvraag.kenmerk, status=_status(adviesvraag))
    else:
        # A page opened before the year closed: the row comes back without its form, with the reason.
        melding = VERSIE_CONFLICT if conflict else " ".join(form.non_field_errors()) if gesloten else None
    if request.headers.get("HX-Request"):
        nieuw = BijwerkenForm(adviesvraag=adviesvraag) if bijgewerkt or conflict else form
        return render(
            request,
            "vertrouwenspersonen/_rij.html",
            {
                "vraag": adviesvraag,
                "form": nieuw if adviesvraag.wijze_van_afdoening.loopt_nog and not gesloten else None,
                "gesloten": gesloten,
                "melding": melding,
                "terug": _terug(request),
            },
        )
    if bijgewerkt:
        messages.success(request, melding)
    else:
        messages.error(request, " ".join(m for fouten in form.errors.values() for m in fouten))
    return redirect(f"{_terug(request)}#adviesvraag-{adviesvraag.pk}")


def _terug_als_gesloten(request, adviesvraag: Adviesvraag):
    """Back to the list with the reason, for a row of a closed year (the service refuses it too)."""
    if fout := gesloten_fout(adviesvraag.jaar, vandaag=timezone.localdate()):
        messages.error(request, fout)
        return redirect(_terug(request))
    return None


@vertrouwenspersoon_vereist
@require_http_methods(["GET", "POST"])
def wijzigen(request, pk: uuid.UUID):
    adviesvraag = adviesvraag_voor_vertrouwenspersoon(gebruiker=request.user, pk=pk)
    if terug := _terug_als_gesloten(request, adviesvraag):
        return terug
    conflict = False
    if request.method == "POST":
        # The ModelForm writes its values into its instance; the service gets a clean copy.
        form = _formulier(
            request,
            data=request.POST,
            instance=adviesvraag_voor_vertrouwenspersoon(gebruiker=request.user, pk=pk),
        )
        if form.is_valid():
            try:
                adviesvraag_wijzigen(
                    adviesvraag=adviesvraag,
                    door=request.user,
                    versie=form.cleaned_data["versie"],
                    **form.velden(),
                )
            except VersieConflict as fout:
                form.add_error(None, fout)
                conflict = True
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, GEWIJZIGD.format(nummer=adviesvraag.kenmerk))
                return redirect(f"{_terug(request)}#adviesvraag-{adviesvraag.pk}")
    else:
        form = _formulier(request, instance=adviesvraag)
    form.focus_zetten()
    return render(
        request,
        "vertrouwenspersonen/wijzigen.html",
        {"form": form, "vraag": adviesvraag, "terug": _terug(request), "conflict": conflict},
    )


@vertrouwenspersoon_vereist
@require_http_methods(["GET", "POST"])
def verwijderen(request, pk: uuid.UUID):
    adviesvraag = adviesvraag_voor_vertrouwenspersoon(gebruiker=request.user, pk=pk)
    if terug := _terug_als_gesloten(request, adviesvraag):
        return terug
    if request.method == "POST":
        nummer = adviesvraag.kenmerk
        adviesvraag_verwijderen(adviesvraag=adviesvraag, door=request.user)
        messages.success(request, VERWIJDERD.format(nummer=nummer))
        return redirect(_terug(request))
    return render(
        request, "vertrouwenspersonen/verwijderen.html", {"vraag": adviesvraag, "terug": _terug(request)}
    )
