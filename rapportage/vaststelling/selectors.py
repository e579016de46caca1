"""Reads of adopted reports: the adoption of a year and scope, and what changed since."""

import json

from ..models import Vaststelling


def vaststelling_van(*, jaar: int, onderdeel=None) -> Vaststelling | None:
    return (
        Vaststelling.objects.select_related("vastgesteld_door", "onderdeel")
        .filter(jaar=jaar, onderdeel=onderdeel)
        .first()
    )


def eerdere_vaststellingen(*, jaar: int, onderdeel=None) -> dict:
    """The adopted or imported figures of the two years before `jaar`, same scope, by year."""
    return {
        v.jaar: v
        for v in Vaststelling.objects.filter(jaar__in=[jaar - 2, jaar - 1], onderdeel=onderdeel).only(
            "jaar", "bron", "cijfers_json", "vastgesteld_op"
        )
    }


def vaststellingen():
    return Vaststelling.objects.select_related("vastgesteld_door", "onderdeel").order_by(
        "-jaar", "onderdeel__volgorde"
    )


def _bladeren(waarde, pad=()):
    if isinstance(waarde, dict):
        for sleutel, deel in waarde.items():
            yield from _bladeren(deel, (*pad, str(sleutel)))
    else:
        yield ".".join(pad), waarde


def gewijzigde_cijfers(*, vastgesteld: dict, nu: dict) -> list[tuple[str, object, object]]:
    """(name in the export, adopted value, live value) of every figure that differs, in export order.

    A figure that appeared or disappeared since counts as changed (the missing side is None).
    """
    oud = dict(_bladeren(vastgesteld))
    nieuw = dict(_bladeren(nu))
    namen = list(oud) + [naam for naam in nieuw if naam not in oud]
    return [(naam, oud.get(naam), nieuw.get(naam)) for naam in namen if oud.get(naam) != nieuw.get(naam)]


def vastgestelde_cijfers(vaststelling: Vaststelling) -> dict:
    return json.loads(vaststelling.cijfers_json)
