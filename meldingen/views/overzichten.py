"""Lists: the werkvoorraad, the Termijnen overview and the audit trail."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_safe

from finintegriteit.kern import rollen as r
from finintegriteit.kern.fragmenten import fragment
from finintegriteit.kern.toegang import rol_vereist

from .. import selectors
from ..filters import OBJECT_SOORTEN, AuditFilter, WerkvoorraadFilter
from ..services.termijnen import BIJNA_VERLOPEN_DAGEN

PER_PAGINA = (25, 5, 50, 100)
# The filter fields take a quarter of the werkvoorraad's rendering time (docs/prestaties.md) and are the
# same for every analist with the same filter; kept as HTML, keyed on everything they show.
FILTERVELDEN_BEWAARTIJD = 10 * 60


def _pagina(request, qs):
    """One page of a queryset; the page size comes from ?per_pagina= (one of PER_PAGINA)."""
    try:
        per_pagina = int(request.GET.get("per_pagina", PER_PAGINA[0]))
    except ValueError:
        per_pagina = PER_PAGINA[0]
    if per_pagina not in PER_PAGINA:
        per_pagina = PER_PAGINA[0]
    pagina = Paginator(qs, per_pagina).get_page(request.GET.get("pagina"))
    zonder_pagina = request.GET.copy()
    zonder_pagina.pop("pagina", None)
    return pagina, per_pagina, zonder_pagina.urlencode()


@rol_vereist(r.OIF_ANALIST)
def werkvoorraad(request):
    vandaag = timezone.localdate()
    filterset = WerkvoorraadFilter(
        request.GET, queryset=selectors.meldingen_voor_gebruiker(gebruiker=request.user, vandaag=vandaag)
    )
    pagina, per_pagina, querystring = _pagina(request, filterset.qs)
    filtervelden = fragment(
        "werkvoorraad-filter",
        afhankelijk_van=filterset.weergave_hangt_af_van,
        maken=lambda: render_to_string("meldingen/_werkvoorraad_filter.html", {"filter": filterset}),
        seconden=FILTERVELDEN_BEWAARTIJD,
    )
    context = {
        "filter": filterset,
        "filtervelden": filtervelden,
        "pagina": pagina,
        "per_pagina": per_pagina,
        "keuzes_per_pagina": sorted(PER_PAGINA),
        "querystring": querystring,
        "vandaag": vandaag,
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


@rol_vereist(r.BEHEERDER)
@require_safe
def audit(request):
    filterset = AuditFilter(
        request.GET, queryset=selectors.auditregels_voor_gebruiker(gebruiker=request.user)
    )
    pagina, per_pagina, querystring = _pagina(request, filterset.qs)
    nummers = selectors.meldingsnummers_bij_auditregels(pagina.object_list)
    regels = [
        (
            regel,
            OBJECT_SOORTEN.get(regel.object_type, regel.object_type),
            nummers.get((regel.object_type, regel.object_id), ""),
        )
        for regel in pagina.object_list
    ]
    context = {"filter": filterset, "pagina": pagina, "regels": regels, "querystring": querystring}
    return render(request, "meldingen/audit.html", context)
