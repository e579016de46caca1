"""Lists: the werkvoorraad, the Termijnen overview and the audit trail."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_safe

from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from finintegriteit.kern.toegang import rol_vereist

from .. import selectors
from ..auditexport import MAX_REGELS, audittrail_werkmap
from ..auditnamen import auditregels_benoemen
from ..filters import AuditFilter, WerkvoorraadFilter
from ..services.termijnen import BIJNA_VERLOPEN_DAGEN
from ..services.zoeken import zoekopdracht_vastleggen
from ..zoeken import Telling, treffers_tellen, zoeken

PER_PAGINA = (25, 5, 50, 100)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TE_VEEL_VOOR_EXPORT = (
    "De selectie telt {aantal} regels; een export kan er hoogstens {maximum} bevatten. "
    "Kies een kortere periode of één gebruiker."
)


class BegrensdePaginator(Paginator):
    """A paginator over search results that counts no further than zoeken.TELGRENS."""

    @cached_property
    def telling(self) -> Telling:
        return treffers_tellen(self.object_list)

    @cached_property
    def count(self) -> int:
        return self.telling.aantal


def _pagina(request, qs, *, paginator=Paginator):
    """One page of a queryset; the page size comes from ?per_pagina= (one of PER_PAGINA)."""
    try:
        per_pagina = int(request.GET.get("per_pagina", PER_PAGINA[0]))
    except ValueError:
        per_pagina = PER_PAGINA[0]
    if per_pagina not in PER_PAGINA:
        per_pagina = PER_PAGINA[0]
    pagina = paginator(qs, per_pagina).get_page(request.GET.get("pagina"))
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return pagina, per_pagina, zonder_pagina.urlencode()


# The analist's last filters, kept in the session. Never the search term: that may be a person's name,
# and the session table is no place for the names an analist looked up.
SESSIE_FILTERS = "werkvoorraad_filters"
NIET_ONTHOUDEN = ("q", "pagina", "wissen")
KOLOMMEN = ("nummer", "ontvangen", "status", "behandelaar", "termijn")


def _sorteerkoppen(gegevens) -> dict:
    """Per sortable column: the query string that sorts on it (the other way when it already does)."""
    huidig = gegevens.get("sorteer", "")
    basis = gegevens.copy()
    basis.pop("pagina", None)
    koppen = {}
    for kolom in KOLOMMEN:
        basis["sorteer"] = f"-{kolom}" if huidig == kolom else kolom
        richting = {kolom: "ascending", f"-{kolom}": "descending"}.get(huidig, "none")
        # The anchor brings the keyboard back to the header just used: the browser focuses the link.
        koppen[kolom] = {"querystring": basis.urlencode(), "aria_sort": richting, "anker": f"sorteer-{kolom}"}
    return koppen


@rol_vereist(r.OIF_ANALIST)
def werkvoorraad(request):
    if request.GET.get("wissen"):
        request.session.pop(SESSIE_FILTERS, None)
        return redirect("meldingen:werkvoorraad")
    onthouden = request.session.get(SESSIE_FILTERS, "")
    if not request.GET and onthouden:
        # From the menu, the start page or a case's breadcrumb: the list as the analist left it.
        # 'Filters wissen' starts afresh.
        return redirect(f"{request.path}?{onthouden}")
    return _meldingenlijst(request, request.GET, titel="Werkvoorraad", onthouden=True)


@rol_vereist(r.OIF_ANALIST)
@require_safe
def mijn_zaken(request):
    """The analist's own open cases, first deadline on top: the werkvoorraad's list under its own name,
    with those two filters as defaults the analist can still change."""
    gegevens = request.GET.copy()
    gegevens.setdefault("behandelaar", str(request.user.pk))
    gegevens.setdefault("sorteer", "termijn")
    return _meldingenlijst(request, gegevens, titel="Mijn zaken", onthouden=False)


def _meldingenlijst(request, gegevens, *, titel: str, onthouden: bool):
    vandaag = timezone.localdate()
    alle = selectors.meldingen_voor_gebruiker(gebruiker=request.user, vandaag=vandaag)
    filterset = WerkvoorraadFilter(gegevens, queryset=alle)
    term = filterset.zoekterm
    paginator = Paginator if term is None else BegrensdePaginator
    pagina, per_pagina, querystring = _pagina(request, filterset.qs, paginator=paginator)
    if onthouden:  # only the werkvoorraad's own filters: Mijn zaken must not leave its defaults there
        filters = {k: v for k, v in gegevens.lists() if k not in NIET_ONTHOUDEN and any(v)}
        request.session[SESSIE_FILTERS] = urlencode(filters, doseq=True)
    verborgen, meer_verborgen = 0, False
    if term is not None:
        gevonden = pagina.paginator.telling
        beperkt = filterset.beperkt()
        totaal = treffers_tellen(zoeken(alle, term)) if beperkt else gevonden
        # Beyond the counting limit how many the filters hide is unknown: offer them without a number.
        meer_verborgen = beperkt and totaal.meer
        verborgen = 0 if meer_verborgen else totaal.aantal - gevonden.aantal
        zoekopdracht_vastleggen(
            door=request.user, term=term, aantal=totaal.aantal, getoond=list(pagina), meer=totaal.meer
        )
    context = {
        "titel": titel,
        "filter": filterset,
        "pagina": pagina,
        "per_pagina": per_pagina,
        "keuzes_per_pagina": sorted(PER_PAGINA),
        "querystring": querystring,
        "vandaag": vandaag,
        "zoekterm": term,
        "verborgen": verborgen,
        "meer_verborgen": meer_verborgen,
        "alleen_zoeken": urlencode({"q": term.tekst}) if term else "",
        "sorteerkoppen": _sorteerkoppen(gegevens),
    }
    return render(request, "meldingen/werkvoorraad.html", context)


@rol_vereist(r.OIF_ANALIST)
def termijnen(request):
    vandaag = timezone.localdate()
    qs = selectors.termijnen_voor_gebruiker(
        gebruiker=request.user, vandaag=vandaag, bijna_dagen=BIJNA_VERLOPEN_DAGEN
    )
    mijn = request.GET.get("mijn") == "1"
    if mijn:
        qs = qs.filter(behandelaar=request.user)
    pagina, per_pagina, querystring = _pagina(request, qs)
    context = {
        "pagina": pagina,
        "querystring": querystring,
        "vandaag": vandaag,
        "mijn": mijn,
        "bijna_dagen": BIJNA_VERLOPEN_DAGEN,
    }
    return render(request, "meldingen/termijnen.html", context)


def _auditfilter(request) -> AuditFilter:
    """The audit page and its export select the same rows: one filter over the rows this user may see."""
    return AuditFilter(request.GET, queryset=selectors.auditregels_voor_gebruiker(gebruiker=request.user))


def _gefilterde_regels(filterset: AuditFilter):
    """The filter's rows, or none while a field is wrong: django-filter would leave that field out and
    select more than was asked for (a user who no longer exists: everyone's rows)."""
    return filterset.qs if filterset.is_valid() else filterset.queryset.none()


@rol_vereist(r.BEHEERDER)
@require_safe
def audit(request):
    filterset = _auditfilter(request)
    pagina, per_pagina, querystring = _pagina(request, _gefilterde_regels(filterset))
    context = {
        "filter": filterset,
        "pagina": pagina,
        "regels": auditregels_benoemen(list(pagina.object_list)),
        "querystring": querystring,
        "export_query": request.GET.urlencode(),
    }
    return render(request, "meldingen/audit.html", context)


@rol_vereist(r.BEHEERDER)
@require_safe
def audit_export(request):
    """The rows of the page's filter as .xlsx; the export itself is an audit row."""
    filterset = _auditfilter(request)
    if not filterset.is_valid():
        # Back to the page, which says what is wrong; no file of a wider selection than asked for.
        return redirect(f"{reverse('meldingen:audit')}?{request.GET.urlencode()}")
    regels = filterset.qs
    aantal = regels.count()
    if aantal > MAX_REGELS:
        messages.error(request, TE_VEEL_VOOR_EXPORT.format(aantal=aantal, maximum=MAX_REGELS))
        return redirect(f"{reverse('meldingen:audit')}?{request.GET.urlencode()}")
    gekozen = sorted(naam for naam, waarde in filterset.form.cleaned_data.items() if waarde not in (None, ""))
    audit_vastleggen(
        gebruiker=request.user, actie=AuditRegel.Actie.GEEXPORTEERD, object_type="audittrail", velden=gekozen
    )
    antwoord = HttpResponse(audittrail_werkmap(regels), content_type=XLSX)
    naam = f"audittrail-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord
