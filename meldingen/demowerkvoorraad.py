"""A working werkvoorraad for a new user: a few open meldingen of this year, dated relative to today.

Each has betrokkenen and a behandelaar (the demo analist), the first ones a note and a document. Made
through the services, as an analist would, so the audit trail and timeline are real. The timeline
carries the days the steps happened (received weeks ago, assessed the next day), not the moment of
loading. The klokkenluidersmeldingen are spread so that the deadlines look like a real week: one
terugkoppeling overdue, one bevestiging due within days, one terugkoppeling months away. Loading twice
gives the same database: when this year already has demo meldingen, nothing is added.
"""

import datetime
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from finintegriteit.referentie.models import MelderType, Onderdeel, SchendingSoort

from .models import Melding
from .services import (
    betrokkene_toevoegen,
    melding_registreren,
    melding_status_wijzigen,
    melding_termijnen_vastleggen,
)
from .services.aantekeningen import aantekening_toevoegen
from .services.documenten import document_toevoegen

KENMERK = "Demo: "
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
S = Melding.Status
# The reason an analist gives for each step, as it appears in the timeline.
REDENEN = {
    S.IN_BEOORDELING: "Melding gelezen en toegewezen; eerst beoordelen of onderzoek nodig is.",
    S.ORIENTEREND_ONDERZOEK: "Eerst de feiten verkennen voordat de ernst duidelijk is.",
    S.VOLLEDIG_FEITENONDERZOEK: "Ernstig vermoeden met concrete aanwijzingen: volledig feitenonderzoek.",
}


class Zaak(NamedTuple):
    dagen: int  # received this many days before today
    onderwerp: str
    onderdeel: str
    klokkenluidersmelding: bool
    omschrijving: str
    betrokkenen: list[tuple[str, str]]
    stappen: list[tuple[str, int]]  # (status, days after receipt)
    notitie: str = ""
    bevestigd_na: int | None = None  # ontvangstbevestiging sent this many days after receipt


ZAKEN = [
    Zaak(
        40,
        "ongewenste-omgangsvormen",
        "belastingdienst",
        False,
        "Herhaalde kleinerende opmerkingen tijdens teamoverleg.",
        [("Sanne Bos", "7100001")],
        [(S.IN_BEOORDELING, 1), (S.ORIENTEREND_ONDERZOEK, 6)],
        "Eerste gesprek met de melder gevoerd; twee getuigen genoemd.",
    ),
    Zaak(
        25,
        "misbruik-bevoegdheden",
        "douane",
        True,
        "Vermoeden van raadplegen van dossiers zonder zakelijke noodzaak.",
        [("Mark de Jong", "7100002"), ("Ayşe Yılmaz", "7100003")],
        [(S.IN_BEOORDELING, 1), (S.VOLLEDIG_FEITENONDERZOEK, 9)],
        "Logging van het systeem opgevraagd bij de functioneel beheerder.",
        bevestigd_na=2,
    ),
    Zaak(
        6,
        "ongewenste-omgangsvormen",
        "toeslagen",
        False,
        "Melding over intimiderend gedrag van een leidinggevende.",
        [("Peter van Dijk", "7100004")],
        [(S.IN_BEOORDELING, 2)],
    ),
    Zaak(
        110,
        "misbruik-positie-belangenverstrengeling",
        "belastingdienst",
        True,
        "Signaal dat een medewerker opdrachten gunt aan het bedrijf van een familielid.",
        [("Joost Verhoeven", "7100005")],
        [(S.IN_BEOORDELING, 2), (S.VOLLEDIG_FEITENONDERZOEK, 20)],
        bevestigd_na=3,
    ),
    Zaak(
        3,
        "lekken-misbruik-informatie",
        "douane",
        True,
        "Vertrouwelijke planning van controles zou buiten de dienst zijn gedeeld.",
        [("Linda Kramer", "7100006")],
        [],
    ),
]


def _moment(dag: datetime.date, *, vandaag: datetime.date) -> datetime.datetime:
    """Mid-morning of `dag`, never after now (early in January the clamped dates can reach today)."""
    moment = timezone.make_aware(datetime.datetime.combine(dag, datetime.time(9, 30)))
    return min(moment, timezone.now()) if dag >= vandaag else moment


def demowerkvoorraad_laden(*, vandaag: datetime.date | None = None) -> int:
    """Create the demo meldingen unless this year has them; returns how many demo meldingen there are."""
    vandaag = vandaag or timezone.localdate()
    bestaand = Melding.objects.filter(jaar=vandaag.year, omschrijving__startswith=KENMERK).count()
    if bestaand:
        return bestaand
    analist = get_user_model().objects.filter(username="analist").first()
    for zaak in ZAKEN:
        _zaak_laden(zaak, door=analist, vandaag=vandaag)
    return len(ZAKEN)


def _zaak_laden(zaak: Zaak, *, door, vandaag: datetime.date) -> None:
    # A case of this year: early in January the receipt dates are clamped to 1 January.
    ontvangen = max(vandaag - datetime.timedelta(days=zaak.dagen), datetime.date(vandaag.year, 1, 1))

    def dag(na: int) -> datetime.date:
        return min(ontvangen + datetime.timedelta(days=na), vandaag)

    dienstonderdeel = Onderdeel.objects.get(code=zaak.onderdeel)
    melding = melding_registreren(
        door=door,
        ontvangen_op=ontvangen,
        melder_type=MelderType.objects.get(code="medewerker"),
        onderwerp=SchendingSoort.objects.get(code=zaak.onderwerp),
        klokkenluidersmelding=zaak.klokkenluidersmelding,
        omschrijving=f"{KENMERK}{zaak.omschrijving}",
        dienstonderdeel=dienstonderdeel,
        behandelaar=door,
        gebeurd_op=_moment(ontvangen, vandaag=vandaag),
    )
    for naam, nummer in zaak.betrokkenen:
        betrokkene_toevoegen(
            melding=melding,
            door=door,
            naam=naam,
            personeelsnummer=nummer,
            dienstonderdeel=dienstonderdeel,
            leidinggevende=False,
        )
    if zaak.bevestigd_na is not None:
        melding.refresh_from_db()
        melding_termijnen_vastleggen(
            melding=melding,
            door=door,
            versie=melding.versie,
            ontvangstbevestiging_op=dag(zaak.bevestigd_na),
            terugkoppeling_op=None,
        )
    for naar, na in zaak.stappen:
        melding.refresh_from_db()
        melding_status_wijzigen(
            melding=melding,
            door=door,
            naar=naar,
            reden=REDENEN[naar],
            versie=melding.versie,
            gebeurd_op=_moment(dag(na), vandaag=vandaag),
        )
    if zaak.notitie:
        # Written after the case's last step, on the day of that step.
        laatste = _moment(dag(zaak.stappen[-1][1] if zaak.stappen else 0), vandaag=vandaag)
        aantekening_toevoegen(melding=melding, door=door, tekst=zaak.notitie, gebeurd_op=laatste)
        document_toevoegen(
            melding=melding,
            door=door,
            bestand=SimpleUploadedFile("gespreksverslag.pdf", PDF),
            gebeurd_op=laatste,
        )
