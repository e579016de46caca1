"""The timeline of a case (reads only): status steps, notes and documents, in the order they happened."""

from dataclasses import dataclass

from .models import Aantekening, Document, Melding, StatusOvergang
from .selectors import statusovergangen_van


@dataclass(frozen=True)
class Stap:
    soort: str  # "status", "aantekening" or "document"
    op: object
    door: object
    object: StatusOvergang | Aantekening | Document


def tijdlijn_van(*, melding: Melding) -> list[Stap]:
    stappen = [Stap("status", s.op, s.door, s) for s in statusovergangen_van(melding=melding)]
    aantekeningen = Aantekening.objects.filter(melding=melding).select_related("door", "corrigeert")
    stappen += [Stap("aantekening", a.op, a.door, a) for a in aantekeningen.order_by("op", "pk")]
    documenten = Document.objects.filter(melding=melding).select_related("door").order_by("op", "pk")
    stappen += [Stap("document", d.op, d.door, d) for d in documenten]
    return sorted(stappen, key=lambda stap: stap.op)
