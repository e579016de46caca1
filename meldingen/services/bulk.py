"""Registering many meldingen at once: an imported register, the demo data, synthetic benchmark data.

The same rows as melding_registreren writes one at a time (the melding with its case number, its
betrokkenen, the timeline and the audit rows), but in a few bulk inserts, so that thousands of
meldingen cost a handful of queries instead of thousands of round trips.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_bulk_vastleggen

from ..models import Betrokkene, Melding, StatusOvergang
from ..nummering import meldingsnummers_reserveren, meldingsteller_herstellen, meldingsteller_voorbij

BATCH = 1000


@dataclass
class NieuweMelding:
    """One melding to register in bulk.

    `melding` is unsaved. With an empty `nummer` it gets the next case number of its year of receipt;
    with a nummer (and its jaar and volgnummer) it keeps it and the counter moves past it.
    `betrokkenen` are unsaved and get this melding. `stappen` are the timeline's (van, naar) pairs;
    without them the timeline is one step to the melding's status.
    """

    melding: Melding
    betrokkenen: list[Betrokkene] = field(default_factory=list)
    stappen: list[tuple[str, str]] | None = None


def _gebruiker(door):
    return door if getattr(door, "is_authenticated", False) else None


def _nummeren(nieuwe: list[NieuweMelding]) -> None:
    """Kept numbers first (they move the counters), then new numbers per year in the given order."""
    zonder: dict[int, list[Melding]] = defaultdict(list)
    hoogste: dict[int, int] = {}
    for nieuw in nieuwe:
        melding = nieuw.melding
        if melding.nummer:
            hoogste[melding.jaar] = max(hoogste.get(melding.jaar, 0), melding.volgnummer)
        else:
            zonder[melding.ontvangen_op.year].append(melding)
    # Counters are locked in the order of their year, so two bulk registrations cannot deadlock.
    for jaar in sorted(set(hoogste) | set(zonder)):
        if jaar in hoogste:
            meldingsteller_voorbij(jaar=jaar, volgnummer=hoogste[jaar])
        if jaar in zonder:
            reeks = meldingsnummers_reserveren(jaar=jaar, aantal=len(zonder[jaar]))
            for melding, (volgnummer, nummer) in zip(zonder[jaar], reeks, strict=True):
                melding.jaar, melding.volgnummer, melding.nummer = jaar, volgnummer, nummer


def meldingen_bulk_registreren(*, door, meldingen: list[NieuweMelding], reden: str) -> list[Melding]:
    """Register meldingen with their betrokkenen, timeline and one audit row per created object.

    All in one transaction. The caller has checked the meldingen (options in use in their year,
    status and dates consistent); this service numbers and writes them. `reden` goes on the timeline
    and the audit rows ('Geïmporteerd uit het OIF-register').
    """
    with transaction.atomic():
        _nummeren(meldingen)
        rijen = [nieuw.melding for nieuw in meldingen]
        Melding.objects.bulk_create(rijen, batch_size=BATCH)
        gebruiker = _gebruiker(door)
        overgangen, betrokkenen = [], []
        for nieuw in meldingen:
            stappen = nieuw.stappen if nieuw.stappen is not None else [("", nieuw.melding.status)]
            overgangen += [
                StatusOvergang(melding=nieuw.melding, van=van, naar=naar, door=gebruiker, reden=reden)
                for van, naar in stappen
            ]
            for betrokkene in nieuw.betrokkenen:
                betrokkene.melding = nieuw.melding
                betrokkenen.append(betrokkene)
        StatusOvergang.objects.bulk_create(overgangen, batch_size=BATCH)
        Betrokkene.objects.bulk_create(betrokkenen, batch_size=BATCH)
        for objecten in (rijen, betrokkenen):
            audit_bulk_vastleggen(
                gebruiker=door, actie=AuditRegel.Actie.AANGEMAAKT, objecten=objecten, reden=reden
            )
    return rijen


def meldingen_bulk_verwijderen(*, jaar: int, omschrijving: str) -> int:
    """Remove the synthetic meldingen of a year (recognised by their fixed omschrijving), with what
    hangs from them, and give their numbers back when they were the last of the year.

    For reloading demo data only; real cases are never deleted, only their personal data wiped.
    """
    with transaction.atomic():
        _, per_model = Melding.objects.filter(jaar=jaar, omschrijving=omschrijving).delete()
        meldingsteller_herstellen(jaar=jaar)
    return per_model.get(Melding._meta.label, 0)
