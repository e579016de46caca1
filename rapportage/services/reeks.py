"""All reports of a year at once: the ministry's and one per onderdeel, made in parallel by the workers.

Every report is its own row and its own task (`rapport_genereren_taak`), sent together as one Celery
chord: as many workers as there are take a report each, and when the last is done the chord's callback
closes the reeks. What the page shows is counted from the rows, not from Celery: a report that the beat
task offers again after a killed worker (outside the chord) still counts, and the page closes the reeks
itself when the callback never comes.
"""

import logging
from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from finintegriteit.kern import rollen
from finintegriteit.kern.taken import taak_aanbieden
from finintegriteit.referentie.models import Onderdeel

from ..models import Rapport, Reeks
from ..toegang import onderdeel_van
from . import (
    ACTIEF,
    FOUT_GEEN_COORDINATOR,
    FOUT_WACHTRIJ_ONBEREIKBAAR,
    jaar_controleren,
    lopend_rapport_vergrendelen,
)

logger = logging.getLogger(__name__)

FOUT_ALLEEN_MINISTERIE = (
    "Alleen een coördinator van het hele ministerie kan alle rapporten van een jaar tegelijk aanvragen."
)
# The catch-all onderdeel of the registers has no report of its own (the request form leaves it out too).
GEEN_EIGEN_RAPPORT = ("anders",)


def onderdelen_met_rapport(*, jaar: int) -> list:
    """The onderdelen that get a report of their own in a reeks: those in use in the year."""
    return list(Onderdeel.objects.in_jaar(jaar).exclude(code__in=GEEN_EIGEN_RAPPORT).order_by("volgorde"))


def reeks_aanvragen(*, door, jaar: int, onderdelen: list | None = None) -> Reeks:
    """Queue the ministry's report and one per onderdeel of `jaar`, as one chord.

    1. Only a coordinator of the whole ministry; a year the reports can be made of.
    2. Per scope the active request of a report is reused (one active row per year and scope); the
       others get a new row. The ministry's report, the largest, goes first so that it is not the one
       left running alone at the end.
    3. After commit the new rows are offered as a chord (see `reeks_in_wachtrij_zetten`).
    `onderdelen` limits the onderdeel reports (the benchmark's smoke run); None is every onderdeel.
    """
    if not rollen.heeft_rol(door, rollen.COORDINATOR):
        raise PermissionDenied(FOUT_GEEN_COORDINATOR)
    if onderdeel_van(gebruiker=door) is not None:
        raise PermissionDenied(FOUT_ALLEEN_MINISTERIE)
    jaar_controleren(jaar)
    scopes = [None, *(onderdelen_met_rapport(jaar=jaar) if onderdelen is None else onderdelen)]
    with transaction.atomic():
        reeks = Reeks.objects.create(jaar=jaar, aangevraagd_door=door)
        nieuw = []
        for onderdeel in scopes:
            lopend = lopend_rapport_vergrendelen(jaar=jaar, onderdeel=onderdeel, soort=Rapport.Soort.RAPPORT)
            if lopend is not None:
                # Already being made: it joins the reeks and is not made twice.
                Rapport.objects.filter(pk=lopend.pk).update(reeks=reeks)
                continue
            rapport = Rapport.objects.create(
                jaar=jaar, onderdeel=onderdeel, aangevraagd_door=door, reeks=reeks
            )
            nieuw.append(rapport.pk)
        transaction.on_commit(partial(reeks_in_wachtrij_zetten, reeks_pk=reeks.pk, rapport_pks=nieuw))
    return reeks


def reeks_in_wachtrij_zetten(*, reeks_pk: int, rapport_pks: list[int]) -> bool:
    """Offer the reeks; a broker that is down is written on the rows, exactly as for a single report
    (the beat task offers them again one by one). Returns whether the queue took it.

    Through `taak_aanbieden`, like a single report: without Redis in development the reports are made in
    a thread and the request returns at once; with Redis a worker sends the chord (`reeks_versturen`).
    """
    from kombu.exceptions import OperationalError

    from ..tasks import reeks_versturen_taak

    wachtend = Rapport.objects.filter(pk__in=rapport_pks, status=Rapport.Status.WACHTRIJ)
    wachtend.update(reden="", aangeboden_op=timezone.now())
    try:
        taak_aanbieden(reeks_versturen_taak, reeks_pk, rapport_pks)
    except (OperationalError, ConnectionError, OSError):
        logger.warning("Wachtrij onbereikbaar; reeks %s blijft in de wachtrij staan", reeks_pk, exc_info=True)
        wachtend.update(reden=FOUT_WACHTRIJ_ONBEREIKBAAR, aangeboden_op=None)
        return False
    return True


def reeks_versturen(*, reeks_pk: int, rapport_pks: list[int]) -> None:
    """Send the reports as one chord, the reeks' closing as its callback (the task's work)."""
    from celery import chord

    from ..tasks import rapport_genereren_taak, reeks_afronden_taak

    if not rapport_pks:
        reeks_afronden(reeks_pk=reeks_pk)
        return
    chord([rapport_genereren_taak.si(pk) for pk in rapport_pks])(reeks_afronden_taak.si(reeks_pk))


def reeks_afronden(*, reeks_pk: int) -> bool:
    """Close the reeks when none of its reports is waiting or in the making; returns whether it is closed.

    `klaar_op` is when its last report was done, so it measures the whole (the benchmark reads it).
    """
    rapporten = Rapport.objects.filter(reeks_id=reeks_pk)
    if rapporten.filter(status__in=ACTIEF).exists():
        return False
    laatste = rapporten.aggregate(laatste=Max("klaar_op"))["laatste"] or timezone.now()
    Reeks.objects.filter(pk=reeks_pk, klaar_op__isnull=True).update(klaar_op=laatste)
    return True
