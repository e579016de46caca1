"""The timeline of a case (reads only): status steps, notes, documents and changed data, in the order
they happened."""

from dataclasses import dataclass

from finintegriteit.kern.models import AuditRegel

from .models import Aantekening, Document, Melding, StatusOvergang
from .selectors import statusovergangen_van
from .services.registratie import MELDING_VELDEN


@dataclass(frozen=True)
class Wijziging:
    velden: list[str]  # the labels of the fields of the melding that changed, as on its form


@dataclass(frozen=True)
class Stap:
    soort: str  # "status", "aantekening", "document" or "wijziging"
    op: object
    door: object
    object: StatusOvergang | Aantekening | Document | Wijziging


def tijdlijn_van(*, melding: Melding) -> list[Stap]:
    stappen = [Stap("status", s.op, s.door, s) for s in statusovergangen_van(melding=melding)]
    aantekeningen = Aantekening.objects.filter(melding=melding).select_related("door", "corrigeert")
    stappen += [Stap("aantekening", a.op, a.door, a) for a in aantekeningen.order_by("op", "pk")]
    documenten = Document.objects.filter(melding=melding).select_related("door").order_by("op", "pk")
    stappen += [Stap("document", d.op, d.door, d) for d in documenten]
    stappen += _wijzigingen(melding)
    return sorted(stappen, key=lambda stap: stap.op)


def _wijzigingen(melding: Melding) -> list[Stap]:
    """'Gegevens gewijzigd: omschrijving, behandelaar': the audit trail has it, but only a beheerder reads
    that, and the team must see when the melder's description or the case's data were changed."""
    regels = AuditRegel.objects.filter(
        actie=AuditRegel.Actie.GEWIJZIGD, object_type="melding", object_id=str(melding.pk)
    ).select_related("gebruiker")
    stappen = []
    for regel in regels.order_by("op", "pk"):
        velden = [
            Melding._meta.get_field(veld).verbose_name for veld in MELDING_VELDEN if veld in regel.velden
        ]
        if velden:
            stappen.append(Stap("wijziging", regel.op, regel.gebruiker, Wijziging(velden)))
    return stappen
