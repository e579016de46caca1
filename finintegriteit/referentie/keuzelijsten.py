"""The option lists that forms and filters show, kept in the process until a taxonomy changes.

A Tellijst form shows six lists and the werkvoorraad filter two; read from the database they cost a
query each on every page, for tables that change a few times a year (docs/prestaties.md). Only the
lists shown are kept: a submitted choice is still checked against the database by the form field's
own queryset, so a list that is a moment behind can offer an option that was just ended, never save one.

How a change reaches the lists: a token in the shared cache (finintegriteit/kern/cacheversie.py) is
replaced by every write that Django sends to a taxonomy table, seen on the connection itself
(finintegriteit/kern/schrijfacties.py, as for the dashboard's figures): .save(), queryset .update(),
bulk_create, raw SQL and the admin alike, and by `migrate`. At once, so the writing transaction itself
(and a test) sees its change, and again after the commit, so another process that read the old rows in
between does not keep them. Other processes see a new token within a second (see _VERSIE). Without a
shared cache (no Redis) each process has its own token; KEUZELIJSTEN_CACHE_SECONDEN bounds how long
another process shows an old list, and so it does for a write made outside Django (psql, a restore).
"""

import functools
import logging
import time

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_migrate
from redis.exceptions import RedisError

from finintegriteit.kern import schrijfacties
from finintegriteit.kern.cacheversie import CacheVersie

from .models import Optie, Subcategorie

logger = logging.getLogger(__name__)

# The token is asked of the shared cache at most once a second per process: a form shows up to eight
# lists, and a round trip per list would cost more than the lists themselves. A change made through
# another process therefore shows here up to a second after its commit; one made here, at once.
_VERSIE = CacheVersie("referentie:versie", wat="keuzelijsten", opnieuw_lezen_na=1.0)
# (token, model label) -> (valid until, options, options by pk). Lists of an old token are dropped on
# the next miss.
_bewaard: dict[tuple[str, str], tuple[float, tuple[Optie, ...], dict[int, Optie]]] = {}


def _lezen(model: type[Optie]) -> tuple[Optie, ...]:
    qs = model.objects.all()
    if model is Subcategorie:
        qs = qs.select_related("hoofdcategorie")  # the grouped list names the hoofdcategorie
    return tuple(qs)


def versie() -> str:
    """The token the lists are kept under; raises RedisError when the shared cache cannot be reached."""
    return _VERSIE.lezen()


def opties(model: type[Optie]) -> tuple[Optie, ...]:
    """Every option of a taxonomy in its own order; shared between requests, so treat it as read-only."""
    return _bewaarde_lijst(model)[0]


def optie(model: type[Optie], pk: int) -> Optie | None:
    """One option by its pk from the same list; None for one this process does not know yet (made in
    another process within the last second): the caller then reads it from the database."""
    return _bewaarde_lijst(model)[1].get(pk)


def _bewaarde_lijst(model: type[Optie]) -> tuple[tuple[Optie, ...], dict[int, Optie]]:
    try:
        huidig = versie()
    except RedisError:
        logger.warning("Cache onbereikbaar: keuzelijsten komen uit de database.", exc_info=True)
        lijst = _lezen(model)
        return lijst, {o.pk: o for o in lijst}
    sleutel = (huidig, model._meta.label)
    nu = time.monotonic()
    bewaard = _bewaard.get(sleutel)
    if bewaard is not None and bewaard[0] > nu:
        return bewaard[1], bewaard[2]
    lijst = _lezen(model)
    # list() copies the keys in one step: a threaded server may add a list meanwhile.
    for oud in [s for s in list(_bewaard) if s[0] != huidig]:
        _bewaard.pop(oud, None)
    per_pk = {o.pk: o for o in lijst}
    _bewaard[sleutel] = (nu + settings.KEUZELIJSTEN_CACHE_SECONDEN, lijst, per_pk)
    return lijst, per_pk


def opties_in_jaar(model: type[Optie], *, jaar: int) -> list[Optie]:
    return [optie for optie in opties(model) if optie.in_gebruik(jaar)]


def vergeten() -> None:
    """Every process reads the lists afresh (this one at its next request, others within a second)."""
    _VERSIE.vervangen()


@functools.cache
def taxonomietabellen() -> frozenset[str]:
    """The tables of this app's models; asked at the first write, when every model is loaded."""
    return frozenset(model._meta.db_table for model in apps.get_app_config("referentie").get_models())


def _bij_wijziging(*args, **kwargs) -> None:
    _VERSIE.vervangen()
    _VERSIE.na_commit_vervangen()


def wijzigingen_volgen() -> None:
    schrijfacties.volgen(taxonomietabellen, bij_schrijven=_bij_wijziging)
    post_migrate.connect(_bij_wijziging, dispatch_uid="keuzelijsten-migrate")
