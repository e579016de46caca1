"""The melder's contact for the legal terugkoppeling: when and how the ontvangstbevestiging and the
terugkoppeling reached the melder.

The dates are stored on the melding, where they drive the deadlines (termijnen.py); the way and a note
are kept in MelderContact, which only users with the identity right read or write. An analist without the
right sees only that each was given: nothing on their pages may depend on the melder's identity
(docs/beveiliging.md, 'Geen orakel op de identiteit van de melder'), and this module never reads it.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen

from ..models import MelderContact, Melding
from . import fouten
from .registratie import RECHT_IDENTITEIT
from .termijnen import melding_termijnen_vastleggen

SOORTEN = [soort.value for soort in MelderContact.Soort]


@dataclass(frozen=True)
class Contact:
    op: datetime.date | None
    wijze: str = ""
    toelichting: str = ""


def melder_contacten_van(*, melding: Melding, door) -> dict[str, MelderContact]:
    """soort -> MelderContact, for a user with the identity right only."""
    if not door.has_perm(RECHT_IDENTITEIT):
        raise PermissionDenied(fouten.GEEN_RECHT_IDENTITEIT)
    return {c.soort: c for c in MelderContact.objects.filter(melding=melding)}


def melder_contact_vastleggen(
    *, melding: Melding, door, versie: int, ontvangstbevestiging: Contact, terugkoppeling: Contact
) -> Melding:
    """Record (or clear) date, way and note of both contacts; one audit row per changed contact."""
    if not door.has_perm(RECHT_IDENTITEIT):
        raise PermissionDenied(fouten.GEEN_RECHT_IDENTITEIT)
    contacten = {
        MelderContact.Soort.ONTVANGSTBEVESTIGING: ontvangstbevestiging,
        MelderContact.Soort.TERUGKOPPELING: terugkoppeling,
    }
    fout = {}
    for soort, contact in contacten.items():
        if contact.op is None and (contact.wijze or contact.toelichting.strip()):
            fout[f"{soort}_op"] = fouten.CONTACT_GEEN_DATUM
        elif contact.op is not None and contact.wijze not in MelderContact.Wijze.values:
            fout[f"{soort}_wijze"] = fouten.CONTACT_GEEN_WIJZE
    if fout:
        raise ValidationError(fout)
    with transaction.atomic():
        melding_termijnen_vastleggen(
            melding=melding,
            door=door,
            versie=versie,
            ontvangstbevestiging_op=ontvangstbevestiging.op,
            terugkoppeling_op=terugkoppeling.op,
        )
        bestaand = {c.soort: c for c in MelderContact.objects.select_for_update().filter(melding=melding)}
        for soort, contact in contacten.items():
            _contact_opslaan(melding, door, soort, contact, bestaand.get(soort))
    return melding


def _contact_opslaan(melding, door, soort: str, contact: Contact, bestaand: MelderContact | None) -> None:
    if contact.op is None:
        if bestaand is not None:
            bestaand.delete()
            audit_vastleggen(
                gebruiker=door,
                actie=AuditRegel.Actie.VERWIJDERD,
                object_type="meldercontact",
                object_id=str(bestaand.pk),
                velden=[soort],
                melding=melding,
            )
        return
    waarden = {"wijze": contact.wijze, "toelichting": contact.toelichting.strip()}
    if bestaand is None:
        nieuw = MelderContact.objects.create(melding=melding, soort=soort, door=door, **waarden)
        audit_vastleggen(
            gebruiker=door,
            actie=AuditRegel.Actie.AANGEMAAKT,
            object=nieuw,
            velden=[f"{soort}.{v}" for v in waarden],
        )
        return
    gewijzigd = [naam for naam, waarde in waarden.items() if getattr(bestaand, naam) != waarde]
    if gewijzigd:
        for naam, waarde in waarden.items():
            setattr(bestaand, naam, waarde)
        bestaand.door = door
        bestaand.save()
        audit_vastleggen(
            gebruiker=door,
            actie=AuditRegel.Actie.GEWIJZIGD,
            object=bestaand,
            velden=[f"{soort}.{naam}" for naam in gewijzigd],
        )
