"""The vertrouwenspersoon route of the meldkanaal (/melden/vertrouwenspersonen/): who to contact, from the
register. Public and read-only: no case is made, nothing about the visitor is stored."""

from itertools import groupby

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from finintegriteit.kern.toegang import publiek

from ..selectors import bereikbare_vertrouwenspersonen


@publiek
@require_GET
def vertrouwenspersonen(request):
    personen = bereikbare_vertrouwenspersonen(peildatum=timezone.localdate())
    per_onderdeel = [(onderdeel, list(rij)) for onderdeel, rij in groupby(personen, key=_onderdeel)]
    return render(request, "vertrouwenspersonen/loket.html", {"per_onderdeel": per_onderdeel})


def _onderdeel(profiel):
    return profiel.onderdeel
