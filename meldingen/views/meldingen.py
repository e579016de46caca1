"""The case: registering, the case page, changing data, status and deadlines."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finintegriteit.kern import rollen as r
from finintegriteit.kern.services.audit import audit_bekeken_vastleggen
from finintegriteit.kern.teksten import wie_met_recht
from finintegriteit.kern.toegang import rol_vereist

from .. import selectors, services
from ..forms import (
    AantekeningForm,
    DocumentForm,
    HeropenenForm,
    MelderContactForm,
    MeldingNieuwForm,
    MeldingWijzigenForm,
    StatusForm,
)
from ..services import bewaartermijn, fouten, meldercontact
from ..services.registratie import MELDING_VELDEN, RECHT_IDENTITEIT
from ..services.status import ONDERZOEK_PER_STATUS, RECHT_HEROPENEN
from ..tijdlijn import tijdlijn_van
from .gemeen import (
    analist_view,
    beginwaarden,
    formulier_opslaan,
    terug_als_afgedaan,
    velden_opslaan,
    verwerk_fout,
    wijzigformulier,
)
from .gesprek import gesprek_met_melder

# What the case page says waits for a colleague with a special right, naming role and right as
# 'Gebruikers en rollen' does, so that the analist knows whom to ask. The same words for every melder:
# for a user without the identity right the page must not depend on whether the melder is known
# (docs/beveiliging.md, 'Geen orakel op de identiteit van de melder'), so an anonymous melder's text
# waits too, and the sentence says why.
CONTROLE_MELDER_UITLEG = (
    "Deze tekst komt in het jaarverslag en moet daarom eerst worden vergeleken met de melder, door "
    f"{wie_met_recht(r.MELDER_IDENTITEIT_INZIEN)} via ‘Afdoening wijzigen’; tot dan kan de melding niet "
    "worden afgedaan. Ook bij een anonieme melder: alleen met dat recht is te zien of OIF weet wie de "
    "melder is."
)
HEROPENEN_UITLEG = f"Afgedaan. Heropenen kan {wie_met_recht(r.MELDING_HEROPENEN)}."
TERMIJNEN_UITLEG = (
    f"Wanneer en hoe de melder dit kreeg, legt {wie_met_recht(r.MELDER_IDENTITEIT_INZIEN)} vast."
)


@rol_vereist(r.OIF_ANALIST)
def nieuw(request):
    mag_identiteit = request.user.has_perm(RECHT_IDENTITEIT)
    form = MeldingNieuwForm(request.POST or None, identiteit_toegestaan=mag_identiteit)
    if request.method == "POST" and form.is_valid():
        try:
            melding = services.melding_registreren(
                door=request.user, identiteit=form.identiteit(), **form.melding_gegevens()
            )
        except ValidationError as fout:
            verwerk_fout(form, fout)
        else:
            messages.success(request, f"Melding {melding.nummer} is geregistreerd.")
            return redirect("meldingen:detail", pk=melding.pk)
    return render(request, "meldingen/melding_form.html", {"form": form, "nieuw": True})


def _afdoening_url(betrokkene) -> str | None:
    # The afdoeningen app provides this page; until it does, the case page simply shows no link.
    try:
        return reverse("afdoeningen:vastleggen", kwargs={"betrokkene_pk": betrokkene.pk})
    except NoReverseMatch:
        return None


def _afdoening_van(betrokkene):
    try:
        return betrokkene.afdoening
    except betrokkene._meta.model.afdoening.RelatedObjectDoesNotExist:
        return None


def _termijnen(melding, contacten: dict) -> list[tuple]:
    """(label, verb, deadline, date given, contact) per legal deadline of a klokkenluidersmelding."""
    if not melding.klokkenluidersmelding:
        return []
    return [
        (
            label,
            werkwoord,
            getattr(melding, f"{soort}_uiterlijk"),
            getattr(melding, f"{soort}_op"),
            contacten.get(soort),
        )
        for soort, label, werkwoord in (
            ("ontvangstbevestiging", "Ontvangstbevestiging", "verstuurd"),
            ("terugkoppeling", "Terugkoppeling", "gegeven"),
        )
    ]


def _detail(
    request,
    melding,
    *,
    status_form=None,
    heropen_form=None,
    aantekening_form=None,
    document_form=None,
    bericht_form=None,
    conflict=False,
    status=200,
):
    betrokkenen = selectors.betrokkenen_van(melding=melding)
    rijen = [
        {"betrokkene": b, "afdoening": _afdoening_van(b), "afdoening_url": _afdoening_url(b)}
        for b in betrokkenen
    ]
    afdoeningen = [rij["afdoening"] for rij in rijen if rij["afdoening"] is not None]
    mag_identiteit = request.user.has_perm(RECHT_IDENTITEIT)
    # Read only for holders of the identity right: for anyone else the page cannot depend on them.
    contacten = (
        meldercontact.melder_contacten_van(melding=melding, door=request.user) if mag_identiteit else {}
    )
    tijdlijn = tijdlijn_van(melding=melding)
    heropend_op = max(
        (stap.op for stap in tijdlijn if stap.soort == "status" and stap.object.heropend), default=None
    )
    gesprek = gesprek_met_melder(melding, bericht_form, heropend_op=heropend_op)
    # Every object whose content the page shows is named in the row: notes, documents, status reasons
    # and the messages with the melder too, not only the betrokkenen (docs/beveiliging.md, audit trail).
    getoond = [
        *betrokkenen,
        *afdoeningen,
        *contacten.values(),
        # A status step shows its reason, free text about the case like a note; the registration step's
        # reason ('Geregistreerd.') is the system's own, and a change shows only field names.
        *(
            stap.object
            for stap in tijdlijn
            if stap.soort in ("aantekening", "document")
            or (stap.soort == "status" and stap.object.reden and stap.object.van)
        ),
        *(gesprek["berichten"] if gesprek else []),
    ]
    audit_bekeken_vastleggen(gebruiker=request.user, objecten=[melding, *getoond])
    mag_heropenen = melding.is_afgedaan and request.user.has_perm(RECHT_HEROPENEN)
    if not melding.is_afgedaan and status_form is None:
        status_form = StatusForm(melding=melding, initial={"versie": melding.versie})
    if mag_heropenen and heropen_form is None:
        heropen_form = HeropenenForm(initial={"versie": melding.versie}, prefix="heropen")
    context = {
        "melding": melding,
        "rijen": rijen,
        "zonder_afdoening": sum(1 for rij in rijen if rij["afdoening"] is None),
        "tijdlijn": tijdlijn,
        "soorten_in_tijdlijn": {stap.soort for stap in tijdlijn},
        "aantekening_form": None
        if melding.is_afgedaan
        else aantekening_form or AantekeningForm(melding=melding),
        "document_form": None if melding.is_afgedaan else document_form or DocumentForm(),
        "gesprek": gesprek,
        "status_form": None if melding.is_afgedaan else status_form,
        "heropen_form": heropen_form if mag_heropenen else None,
        "mag_identiteit": mag_identiteit,
        "controle_melder_uitleg": CONTROLE_MELDER_UITLEG,
        "heropenen_uitleg": HEROPENEN_UITLEG,
        "termijnen_uitleg": TERMIJNEN_UITLEG,
        "termijnen": _termijnen(melding, contacten),
        "mag_afschermen": selectors.mag_afscherming_wijzigen(gebruiker=request.user, melding=melding),
        "kan_onderzoek_corrigeren": melding.status in ONDERZOEK_PER_STATUS,
        "conflict": conflict,
        "vandaag": timezone.localdate(),
        "wissen_vanaf": bewaartermijn.wissen_vanaf(melding=melding),
    }
    return render(request, "meldingen/detail.html", context, status=status)


@analist_view()
def detail(request, pk):
    return _detail(request, selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk))


@analist_view()
def wijzigen(request, pk):
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if terug := terug_als_afgedaan(request, melding):
        return terug
    initial = beginwaarden(melding, MELDING_VELDEN)
    return wijzigformulier(
        request,
        form=MeldingWijzigenForm(request.POST or None, initial=initial, melding=melding),
        opslaan=velden_opslaan(services.melding_wijzigen, MELDING_VELDEN, melding=melding, door=request.user),
        gelukt=lambda: "De gegevens van de melding zijn opgeslagen.",
        terug_naar=melding.get_absolute_url(),
        template="meldingen/melding_form.html",
        context={"melding": melding},
        bekeken=[melding],
    )


def _op_zaakpagina(request, melding, *, form, formnaam: str, opslaan, gelukt):
    """A form on the case page itself (status, heropenen): saved, back to the case; refused, the case
    page again with the form's errors, 409 on a version conflict."""
    return formulier_opslaan(
        request,
        form=form,
        opslaan=opslaan,
        gelukt=gelukt,
        terug_naar=melding.get_absolute_url(),
        tonen=lambda conflict: _detail(
            request, melding, **{formnaam: form}, conflict=conflict, status=409 if conflict else 200
        ),
    )


@analist_view()
@require_POST
def status(request, pk):
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if terug := terug_als_afgedaan(request, melding):
        return terug
    form = StatusForm(request.POST, melding=melding)
    if not form.is_valid() and form.cleaned_data.get("versie") not in (None, melding.versie):
        # A page opened before someone else's change: the chosen status may no longer be offered,
        # and the user must learn why rather than only that the choice is not allowed.
        verwerk_fout(form, services.VersieConflict())
        return _detail(request, melding, status_form=form, conflict=True, status=409)
    return _op_zaakpagina(
        request,
        melding,
        form=form,
        formnaam="status_form",
        opslaan=lambda gegevens: services.melding_status_wijzigen(
            melding=melding, door=request.user, **gegevens
        ),
        gelukt=lambda: f"De status is nu ‘{melding.get_status_display()}’.",
    )


@analist_view()
@require_POST
def heropenen(request, pk):
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if not request.user.has_perm(RECHT_HEROPENEN):
        raise PermissionDenied("Geen recht om te heropenen.")
    return _op_zaakpagina(
        request,
        melding,
        form=HeropenenForm(request.POST, prefix="heropen"),
        formnaam="heropen_form",
        opslaan=lambda gegevens: services.melding_heropenen(melding=melding, door=request.user, **gegevens),
        gelukt=lambda: f"De melding is heropend en staat weer op ‘{melding.get_status_display()}’.",
    )


@analist_view()
def termijnen_vastleggen(request, pk):
    """When and how the melder got the ontvangstbevestiging and the terugkoppeling: with the identity
    right only (the way says who the melder is); others see on the case page only that each was given."""
    melding = selectors.melding_voor_gebruiker(gebruiker=request.user, pk=pk)
    if not request.user.has_perm(RECHT_IDENTITEIT):
        raise PermissionDenied(fouten.GEEN_RECHT_IDENTITEIT)
    if terug := terug_als_afgedaan(request, melding):
        return terug
    if not melding.klokkenluidersmelding:
        messages.error(request, fouten.GEEN_KLOKKENLUIDERSMELDING)
        return redirect("meldingen:detail", pk=melding.pk)
    contacten = meldercontact.melder_contacten_van(melding=melding, door=request.user)
    initial = {"versie": melding.versie}
    for soort in meldercontact.SOORTEN:
        contact = contacten.get(soort)
        initial[f"{soort}_op"] = getattr(melding, f"{soort}_op")
        initial[f"{soort}_wijze"] = contact.wijze if contact else ""
        initial[f"{soort}_toelichting"] = contact.toelichting if contact else ""

    def opslaan(gegevens):
        delen = {
            soort: meldercontact.Contact(
                op=gegevens[f"{soort}_op"],
                wijze=gegevens[f"{soort}_wijze"],
                toelichting=gegevens[f"{soort}_toelichting"],
            )
            for soort in meldercontact.SOORTEN
        }
        meldercontact.melder_contact_vastleggen(
            melding=melding, door=request.user, versie=gegevens["versie"], **delen
        )

    return wijzigformulier(
        request,
        form=MelderContactForm(request.POST or None, initial=initial),
        opslaan=opslaan,
        gelukt=lambda: "Het contact met de melder is vastgelegd.",
        terug_naar=melding.get_absolute_url(),
        template="meldingen/termijnen_form.html",
        context={"melding": melding},
        bekeken=[melding, *contacten.values()],
    )
