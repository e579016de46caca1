"""The hidden cells of a year over its publications (rapportage.services.publicatie decides and keeps them).

Each publication's pattern is safe on its own (afscherming_samen). Side by side they were not. A count
that last week's page showed, and that did not change since, is still known to whoever kept that page:
when the new pattern hid it as a complement, the count it was to protect followed from its old value.
And a count hidden last week that the new pattern showed, unchanged, gave back in last week's sums the
count it protected there. So at each publication:

- a count that any earlier publication of the year showed with the value it has now is known (never a
  complement, and shown: hiding it protects nobody);
- a count that the previous publication hid, and that did not change since, stays hidden.

An onderdeel whose rows did not change enough keeps its counts (publicatie, in steps), so most counts
keep their place in the pattern from one publication to the next.
"""

from dataclasses import dataclass, field

from django.conf import settings

from ..models import GepubliceerdPatroon
from .afscherming_samen import globaal, samen_tellen, weergaven_samen_verbergen, weergaven_van

PATROONVORM = 2  # raise when the cell keys of selectors.afscherming change: old patterns then go unused


@dataclass(frozen=True)
class Verloop:
    """What the earlier publications of a year showed and hid (cells as afscherming_samen.globaal names
    them)."""

    getoond: dict = field(default_factory=dict)  # cell -> the values it was shown with this year
    verborgen: frozenset = frozenset()  # the cells the previous publication hid
    waarden: dict = field(default_factory=dict)  # cell -> its value at the previous publication


@dataclass(frozen=True)
class Patroon:
    verborgen: dict  # {scope: hidden cells of that view}, scope as in afscherming_samen.tellijstpatroon
    getoond: dict  # cell -> every value it was shown with this year, this publication included
    waarden: dict  # cell -> its value at this publication


def patroon_na(*, jaar: int, tellijst, drempel: int, openbare_jaren, verloop: Verloop) -> Patroon:
    """The pattern of `jaar` at the publication `tellijst`, after the publications in `verloop`."""
    weergaven = weergaven_van(jaar=jaar, tellijst=tellijst)
    waarden = samen_tellen(weergaven, jaar=jaar).waarde
    bekend = {k for k, v in waarden.items() if v in verloop.getoond.get(k, ())}
    ongewijzigd = {k for k in verloop.verborgen if k in waarden and verloop.waarden.get(k) == waarden[k]}
    verborgen = weergaven_samen_verbergen(
        weergaven, jaar=jaar, drempel=drempel, openbare_jaren=openbare_jaren, bekend=bekend, ook=ongewijzigd
    )
    getoond = {k: set(v) for k, v in verloop.getoond.items()}
    for k in waarden.keys() - verborgen_samen(verborgen, jaar=jaar):
        getoond.setdefault(k, set()).add(waarden[k])
    return Patroon(verborgen=verborgen, getoond=getoond, waarden=waarden)


def waarden_van(*, jaar: int, tellijst) -> dict:
    """Every count of the views of `jaar` at the publication `tellijst`, once (cell -> value)."""
    return samen_tellen(weergaven_van(jaar=jaar, tellijst=tellijst), jaar=jaar).waarde


def verborgen_samen(verborgen: dict, *, jaar: int) -> set:
    """The hidden cells of all views ({scope: cells}) under one name each."""
    return {globaal(scope, k, jaar=jaar) for scope, cellen in verborgen.items() for k in cellen}


def bewaard_patroon(*, publicatie, jaar: int) -> dict | None:
    """The hidden cells ({scope or "": cells}, as JSON) that `publicatie` decided for `jaar`; None when it
    kept none, or one made with another threshold or another form of cell names."""
    if publicatie is None:
        return None
    bewaard = GepubliceerdPatroon.objects.filter(
        publicatie=publicatie, jaar=jaar, drempel=settings.TELLIJST_DREMPEL, vorm=PATROONVORM
    ).first()
    return bewaard.verborgen if bewaard else None


# --- Kept as JSON (rapportage.models.GepubliceerdPatroon, and the cache of rapportage.inhoud) ----------


def als_json(waarde):
    """A cell (nested tuples) as JSON keeps it: nested lists."""
    return [als_json(w) for w in waarde] if isinstance(waarde, tuple) else waarde


def uit_json(waarde):
    return tuple(uit_json(w) for w in waarde) if isinstance(waarde, list) else waarde


def verborgen_als_json(verborgen: dict) -> dict:
    """The whole ministry's view under "", each view's cells in a fixed order."""
    return {
        scope or "": sorted((als_json(c) for c in cellen), key=repr) for scope, cellen in verborgen.items()
    }


def verborgen_uit_json(bewaard: dict) -> dict:
    return {scope or None: {uit_json(c) for c in cellen} for scope, cellen in bewaard.items()}


def getoond_als_json(getoond: dict) -> list:
    return sorted(([als_json(k), sorted(v)] for k, v in getoond.items()), key=repr)


def getoond_uit_json(bewaard: list) -> dict:
    return {uit_json(k): set(v) for k, v in bewaard}


def waarden_als_json(waarden: dict) -> list:
    return sorted(([als_json(k), v] for k, v in waarden.items()), key=repr)


def waarden_uit_json(bewaard: list) -> dict:
    return {uit_json(k): v for k, v in bewaard}
