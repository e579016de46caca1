"""Registering and changing meldingen, betrokkenen and the melder's identity."""

import datetime
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from finintegriteit.kern import rollen as r
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen

from ..models import Betrokkene, MelderIdentiteit, Melding, StatusOvergang
from ..nummering import volgend_meldingsnummer
from . import fouten
from .overdracht import behandelaar_informeren
from .status import stap_datum_controleren, terugdateren
from .termijnen import termijn_velden
from .vergrendeling import gewijzigde_velden, wijzigen_met_audit

RECHT_IDENTITEIT = "meldingen.melder_identiteit_inzien"

MELDING_VELDEN = (
    "ontvangen_op",
    "melder_type",
    "onderwerp",
    "klokkenluidersmelding",
    "omschrijving",
    "dienstonderdeel",
    "behandelaar",
)
BETROKKENE_VELDEN = ("naam", "personeelsnummer", "dienstonderdeel", "leidinggevende")
IDENTITEIT_VELDEN = ("naam", "contact", "kanaal")
TAXONOMIE_VELDEN = ("melder_type", "onderwerp", "dienstonderdeel")


def _controleer_melding(gegevens: Mapping, *, jaar: int | None = None) -> None:
    """Field rules of a melding: receipt date not in the future (and in the case number's year once it has
    one), options in use in that year, behandelaar an OIF analist."""
    fout = {}
    ontvangen_op = gegevens["ontvangen_op"]
    if ontvangen_op > timezone.localdate():
        fout["ontvangen_op"] = fouten.DATUM_IN_TOEKOMST
    elif jaar is not None and ontvangen_op.year != jaar:
        fout["ontvangen_op"] = fouten.JAAR_VAST.format(jaar=jaar)
    for veld in TAXONOMIE_VELDEN:
        optie = gegevens[veld]
        if not optie.in_gebruik(ontvangen_op.year):
            fout[veld] = fouten.NIET_IN_GEBRUIK.format(label=optie, jaar=ontvangen_op.year)
    behandelaar = gegevens.get("behandelaar")
    if behandelaar is not None and not r.heeft_rol(behandelaar, r.OIF_ANALIST):
        fout["behandelaar"] = fouten.BEHANDELAAR_GEEN_ANALIST
    if fout:
        raise ValidationError(fout)


def _controleer_recht_identiteit(door) -> None:
    # door=None is a system process (a management command), which has no user to check.
    if door is not None and not door.has_perm(RECHT_IDENTITEIT):
        raise PermissionDenied(fouten.GEEN_RECHT_IDENTITEIT)


def _controleer_open(melding: Melding) -> None:
    if melding.is_afgedaan:
        raise ValidationError(fouten.MELDING_AFGEDAAN)


def melding_registreren(
    *,
    door,
    ontvangen_op: datetime.date,
    melder_type,
    onderwerp,
    klokkenluidersmelding: bool,
    omschrijving: str,
    dienstonderdeel,
    behandelaar=None,
    identiteit: Mapping | None = None,
    kanaal: str = Melding.Kanaal.REGISTRATIE,
    gebeurd_op: datetime.datetime | None = None,
    aangemaakt_op: datetime.datetime | None = None,
) -> Melding:
    """Register a new melding with the next case number of its year of receipt (status Ontvangen).

    `identiteit` is a mapping with naam, contact and kanaal (MelderIdentiteit.Kanaal); recording it takes
    the right melder_identiteit_inzien. The deadlines of a klokkenluidersmelding start from ontvangen_op.
    `gebeurd_op` dates the first timeline step back, for demo data and imports only (see
    melding_status_wijzigen).
    `aangemaakt_op`: the moment the melding and its first timeline step are inserted with, now by default.
    The meldkanaal passes the day (begin_van_vandaag): given at the insert, not updated afterwards, so
    that no row version anywhere holds the time of the melder's visit.
    """
    aangemaakt_op = aangemaakt_op or timezone.now()
    gegevens = {
        "ontvangen_op": ontvangen_op,
        "melder_type": melder_type,
        "onderwerp": onderwerp,
        "klokkenluidersmelding": klokkenluidersmelding,
        "omschrijving": omschrijving,
        "dienstonderdeel": dienstonderdeel,
        "behandelaar": behandelaar,
    }
    _controleer_melding(gegevens)
    if identiteit is not None:
        _controleer_recht_identiteit(door)
    with transaction.atomic():
        volgnummer, nummer = volgend_meldingsnummer(jaar=ontvangen_op.year)
        melding = Melding(
            nummer=nummer,
            jaar=ontvangen_op.year,
            volgnummer=volgnummer,
            kanaal=kanaal,
            aangemaakt_op=aangemaakt_op,
            **gegevens,
            **termijn_velden(klokkenluidersmelding=klokkenluidersmelding, ontvangen_op=ontvangen_op),
        )
        melding.save()
        if gebeurd_op is not None:
            stap_datum_controleren(melding, gebeurd_op)
        stap = StatusOvergang.objects.create(
            melding=melding,
            van="",
            naar=Melding.Status.ONTVANGEN,
            door=_gebruiker(door),
            reden="Geregistreerd.",
            op=aangemaakt_op,
        )
        gedateerd = terugdateren(stap, gebeurd_op)
        audit_vastleggen(
            gebruiker=door,
            actie=AuditRegel.Actie.AANGEMAAKT,
            object=melding,
            velden=[veld for veld, waarde in gegevens.items() if waarde not in (None, "")] + gedateerd,
        )
        if identiteit is not None:
            _identiteit_aanmaken(melding=melding, door=door, identiteit=identiteit)
        behandelaar_informeren(melding=melding, behandelaar=behandelaar, door=door)
    return melding


def melding_wijzigen(*, melding: Melding, door, versie: int, gegevens: Mapping) -> Melding:
    """Change the fields of a melding (any of MELDING_VELDEN); refused if someone saved in between.

    The year of receipt is fixed by the case number. Deadlines move with ontvangen_op and follow
    klokkenluidersmelding.
    """
    onbekend = set(gegevens) - set(MELDING_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {sorted(onbekend)}")
    _controleer_open(melding)
    nieuw = {veld: gegevens.get(veld, getattr(melding, veld)) for veld in MELDING_VELDEN}
    _controleer_melding(nieuw, jaar=melding.jaar)
    gewijzigd = [veld for veld in MELDING_VELDEN if nieuw[veld] != getattr(melding, veld)]
    velden = {veld: nieuw[veld] for veld in gewijzigd}
    if {"ontvangen_op", "klokkenluidersmelding"} & set(gewijzigd):
        velden |= termijn_velden(
            klokkenluidersmelding=nieuw["klokkenluidersmelding"],
            ontvangen_op=nieuw["ontvangen_op"],
            ontvangstbevestiging_op=melding.ontvangstbevestiging_op,
        )
    with transaction.atomic():
        wijzigen_met_audit(melding, door=door, versie=versie, velden=velden, gewijzigd=gewijzigd)
        if "behandelaar" in gewijzigd:
            behandelaar_informeren(melding=melding, behandelaar=nieuw["behandelaar"], door=door)
    return melding


def betrokkene_toevoegen(
    *, melding: Melding, door, naam: str, personeelsnummer: str, dienstonderdeel, leidinggevende: bool
) -> Betrokkene:
    """Add a betrokkene to an open melding."""
    gegevens = {
        "naam": naam.strip(),
        "personeelsnummer": personeelsnummer.strip(),
        "dienstonderdeel": dienstonderdeel,
        "leidinggevende": leidinggevende,
    }
    with transaction.atomic():
        # Locked, so that a betrokkene cannot slip in while someone closes the melding.
        melding = Melding.objects.select_for_update().get(pk=melding.pk)
        _controleer_open(melding)
        betrokkene = Betrokkene.objects.create(melding=melding, **gegevens)
        audit_vastleggen(
            gebruiker=door,
            actie=AuditRegel.Actie.AANGEMAAKT,
            object=betrokkene,
            velden=[veld for veld, waarde in gegevens.items() if waarde not in (None, "")],
        )
    return betrokkene


def betrokkene_wijzigen(*, betrokkene: Betrokkene, door, versie: int, gegevens: Mapping) -> Betrokkene:
    """Change a betrokkene (any of BETROKKENE_VELDEN) of an open melding; refused on a stale version."""
    onbekend = set(gegevens) - set(BETROKKENE_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {sorted(onbekend)}")
    _controleer_open(betrokkene.melding)
    nieuw = {veld: gegevens.get(veld, getattr(betrokkene, veld)) for veld in BETROKKENE_VELDEN}
    for veld in ("naam", "personeelsnummer"):
        nieuw[veld] = nieuw[veld].strip()
    gewijzigd = [veld for veld in BETROKKENE_VELDEN if nieuw[veld] != getattr(betrokkene, veld)]
    wijzigen_met_audit(
        betrokkene,
        door=door,
        versie=versie,
        velden={veld: nieuw[veld] for veld in gewijzigd},
        gewijzigd=gewijzigd,
    )
    return betrokkene


def melder_identiteit_openen(*, melding: Melding, door, reden: str) -> MelderIdentiteit | None:
    """Show the melder's identity to a user with the right, after writing an audit row with the reason."""
    _controleer_recht_identiteit(door)
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": fouten.REDEN_VERPLICHT})
    identiteit = MelderIdentiteit.objects.filter(melding=melding).first()
    audit_vastleggen(
        gebruiker=door,
        actie=AuditRegel.Actie.IDENTITEIT,
        object_type="melderidentiteit" if identiteit else "melding",
        object_id=str(identiteit.pk if identiteit else melding.pk),
        reden=reden,
        melding=melding,
    )
    return identiteit


def melder_identiteit_vastleggen(
    *, melding: Melding, door, naam: str, contact: str, kanaal: str, reden: str, versie: int | None = None
) -> MelderIdentiteit:
    """Record or change the melder's identity (takes the right and a reason; `versie` when it exists)."""
    _controleer_recht_identiteit(door)
    _controleer_open(melding)
    if not reden.strip():
        raise ValidationError({"reden": fouten.REDEN_VERPLICHT})
    gegevens = {"naam": naam.strip(), "contact": contact.strip(), "kanaal": kanaal}
    with transaction.atomic():
        identiteit = MelderIdentiteit.objects.filter(melding=melding).first()
        if identiteit is None:
            return _identiteit_aanmaken(melding=melding, door=door, identiteit=gegevens, reden=reden)
        gewijzigd = gewijzigde_velden(identiteit, gegevens)
        wijzigen_met_audit(
            identiteit,
            door=door,
            versie=identiteit.versie if versie is None else versie,
            velden={veld: gegevens[veld] for veld in gewijzigd},
            gewijzigd=gewijzigd,
            reden=reden.strip(),
        )
    return identiteit


def _identiteit_aanmaken(*, melding: Melding, door, identiteit: Mapping, reden: str = "") -> MelderIdentiteit:
    gegevens = {veld: (identiteit.get(veld) or "").strip() for veld in IDENTITEIT_VELDEN}
    if gegevens["kanaal"] not in MelderIdentiteit.Kanaal.values:
        raise ValidationError({"kanaal": "Kies een kanaal."})
    rij = MelderIdentiteit.objects.create(melding=melding, **gegevens)
    audit_vastleggen(
        gebruiker=door,
        actie=AuditRegel.Actie.AANGEMAAKT,
        object=rij,
        velden=[veld for veld, waarde in gegevens.items() if waarde],
        reden=reden.strip(),
    )
    return rij


def _gebruiker(door):
    return door if getattr(door, "is_authenticated", False) else None
