"""The option lists that forms and filters show, kept in the process until a taxonomy changes.

A Tellijst form shows six lists and the werkvoorraad filter two; read from the database they cost a
query each on every page, for tables that change a few times a year (docs/prestaties.md). Only the
lists shown are kept: a submitted choice is still checked against the database by the form field's
own queryset, so a list that is a moment behind can offer an option that was just ended, never save one.
How a write to any taxonomy table reaches every process: finintegriteit/kern/proceslijsten.py.
KEUZELIJSTEN_CACHE_SECONDEN bounds how long a list is kept without a shared cache.
"""

import functools

from django.apps import apps
from django.conf import settings

from finintegriteit.kern.proceslijsten import Proceslijsten

from .models import Optie, Subcategorie


@functools.cache
def taxonomietabellen() -> frozenset[str]:
    """The tables of this app's models; asked at the first write, when every model is loaded."""
    return frozenset(model._meta.db_table for model in apps.get_app_config("referentie").get_models())


_LIJSTEN = Proceslijsten(
    "referentie:versie",
    wat="keuzelijsten",
    tabellen=taxonomietabellen,
    bewaartijd=lambda: settings.KEUZELIJSTEN_CACHE_SECONDEN,
)


def _lezen(model: type[Optie]) -> tuple[tuple[Optie, ...], dict[int, Optie]]:
    qs = model.objects.all()
    if model is Subcategorie:
        qs = qs.select_related("hoofdcategorie")  # the grouped list names the hoofdcategorie
    lijst = tuple(qs)
    return lijst, {o.pk: o for o in lijst}


def _lijst(model: type[Optie]) -> tuple[tuple[Optie, ...], dict[int, Optie]]:
    return _LIJSTEN.lezen(model._meta.label, lambda: _lezen(model))


def opties(model: type[Optie]) -> tuple[Optie, ...]:
    """Every option of a taxonomy in its own order; shared between requests, so treat it as read-only."""
    return _lijst(model)[0]


def optie(model: type[Optie], pk: int) -> Optie | None:
    """One option by its pk from the same list; None for one this process does not know yet (made in
    another process within the last second): the caller then reads it from the database."""
    return _lijst(model)[1].get(pk)


def opties_in_jaar(model: type[Optie], *, jaar: int) -> list[Optie]:
    return [optie for optie in opties(model) if optie.in_gebruik(jaar)]


vergeten = _LIJSTEN.vergeten
wijzigingen_volgen = _LIJSTEN.wijzigingen_volgen
