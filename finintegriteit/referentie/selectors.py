import difflib

from django.db import models as dj_models

from .models import Optie
from .normalisatie import normaliseer


class LabelZoeker:
    """Finds options by any recorded spelling, case- and diacritics-insensitive (for imports).

    Built once per import from one query per table, so matching thousands of rows costs no queries.
    """

    def __init__(self, model: type[Optie], *, queryset: dj_models.QuerySet | None = None):
        self.model = model
        self._per_sleutel: dict[str, list[Optie]] = {}
        for optie in queryset if queryset is not None else model.objects.all():
            for sleutel in optie.sleutels():
                self._per_sleutel.setdefault(sleutel, []).append(optie)

    def zoek(self, waarde: str, *, filter=None) -> Optie | None:
        """The option with this spelling; `filter` narrows candidates sharing a label ('Overig')."""
        kandidaten = self._per_sleutel.get(normaliseer(waarde), [])
        if filter is not None:
            kandidaten = [k for k in kandidaten if filter(k)]
        return kandidaten[0] if kandidaten else None

    def opties(self, *, jaar: int | None = None, filter=None) -> list[Optie]:
        """Every option once, in report order; only those in use in `jaar` when it is given."""
        uniek = {o.pk: o for lijst in self._per_sleutel.values() for o in lijst}.values()
        return sorted(
            (o for o in uniek if (jaar is None or o.in_gebruik(jaar)) and (filter is None or filter(o))),
            key=lambda o: (o.volgorde, o.label),
        )

    def suggestie(self, waarde: str, *, jaar: int | None = None, filter=None) -> str | None:
        """The label a misspelled value most likely means (difflib over every recorded spelling of the
        options valid in `jaar`), or None when nothing is close enough."""
        spellingen: dict[str, str] = {}
        for optie in self.opties(jaar=jaar, filter=filter):
            for sleutel in optie.sleutels():
                spellingen.setdefault(sleutel, optie.label)
        gevonden = difflib.get_close_matches(normaliseer(waarde), list(spellingen), n=1, cutoff=0.85)
        return spellingen[gevonden[0]] if gevonden else None


def opties_in_jaar(model: type[Optie], *, jaar: int, huidige: Optie | None = None) -> dj_models.QuerySet:
    """The options in use in a year as a query (for a form's choices), in their order, plus the
    record's current value even when that has since ended. keuzelijsten.opties_in_jaar gives the same
    options from the per-process cache, for pages that build long lists without a query.
    """
    qs = model.objects.in_jaar(jaar)
    if huidige is not None:
        qs = model.objects.filter(pk__in=qs.values("pk")) | model.objects.filter(pk=huidige.pk)
    return qs.order_by("volgorde", "label")
