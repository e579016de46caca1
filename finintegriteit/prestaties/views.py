"""The baseline of the web benchmark: the shape of the well-known 'fortunes' test.

One query on a small table, sorting in Python, a tiny template; the same middleware, session and
login as the real pages. What a real page costs above this is the page's own work.
"""

from django.shortcuts import render

from finintegriteit.kern.toegang import ingelogd_vereist
from finintegriteit.referentie.models import Onderdeel


@ingelogd_vereist
def baseline(request):
    onderdelen = sorted(Onderdeel.objects.values_list("code", "label"), key=lambda rij: rij[1])
    return render(request, "prestaties/baseline.html", {"onderdelen": onderdelen})
