"""A working werkvoorraad for a new user: a few open meldingen of this year, dated relative to today.

Each has betrokkenen and a behandelaar (the demo analist), the first ones a note and a document. Made
through the services, as an analist would, so the audit trail and timeline are real. Loading twice
gives the same database: when this year already has demo meldingen, nothing is added.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from finintegriteit.referentie.models import MelderType, Onderdeel, SchendingSoort

from .models import Melding
from .services import betrokkene_toevoegen, melding_registreren, melding_status_wijzigen
from .services.aantekeningen import aantekening_toevoegen
from .services.documenten import document_toevoegen

KENMERK = "Demo: "
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
S = Melding.Status

# (days ago, onderwerp, onderdeel, klokkenluidersmelding, omschrijving, betrokkenen, status path, note)
ZAKEN = [
    (
        40,
        "ongewenste-omgangsvormen",
        "belastingdienst",
        False,
        "Herhaalde kleinerende opmerkingen tijdens teamoverleg.",
        [("Sanne Bos", "7100001")],
        [S.IN_BEOORDELING, S.ORIENTEREND_ONDERZOEK],
        "Eerste gesprek met de melder gevoerd; twee getuigen genoemd.",
    ),
    (
        25,
        "misbruik-bevoegdheden",
        "douane",
        True,
        "Vermoeden van raadplegen van dossiers zonder zakelijke noodzaak.",
        [("Mark de Jong", "7100002"), ("Ayşe Yılmaz", "7100003")],
        [S.IN_BEOORDELING, S.VOLLEDIG_FEITENONDERZOEK],
        "Logging van het systeem opgevraagd bij de functioneel beheerder.",
    ),
    (
        6,
        "ongewenste-omgangsvormen",
        "toeslagen",
        False,
        "Melding over intimiderend gedrag van een leidinggevende.",
        [("Peter van Dijk", "7100004")],
        [S.IN_BEOORDELING],
        "",
    ),
]


def demowerkvoorraad_laden(*, vandaag: datetime.date | None = None) -> int:
    """Create the demo meldingen unless this year has them; returns how many demo meldingen there are."""
    vandaag = vandaag or timezone.localdate()
    bestaand = Melding.objects.filter(jaar=vandaag.year, omschrijving__startswith=KENMERK).count()
    if bestaand:
        return bestaand
    analist = get_user_model().objects.filter(username="analist").first()
    for dagen, onderwerp, onderdeel, kl, tekst, personen, stappen, notitie in ZAKEN:
        ontvangen = max(vandaag - datetime.timedelta(days=dagen), datetime.date(vandaag.year, 1, 1))
        dienstonderdeel = Onderdeel.objects.get(code=onderdeel)
        melding = melding_registreren(
            door=analist,
            ontvangen_op=ontvangen,
            melder_type=MelderType.objects.get(code="medewerker"),
            onderwerp=SchendingSoort.objects.get(code=onderwerp),
            klokkenluidersmelding=kl,
            omschrijving=f"{KENMERK}{tekst}",
            dienstonderdeel=dienstonderdeel,
            behandelaar=analist,
        )
        for naam, nummer in personen:
            betrokkene_toevoegen(
                melding=melding,
                door=analist,
                naam=naam,
                personeelsnummer=nummer,
                dienstonderdeel=dienstonderdeel,
                leidinggevende=False,
            )
        for naar in stappen:
            melding.refresh_from_db()
            melding_status_wijzigen(
                melding=melding, door=analist, naar=naar, reden="Demo.", versie=melding.versie
            )
        if notitie:
            aantekening_toevoegen(melding=melding, door=analist, tekst=notitie)
            document_toevoegen(
                melding=melding, door=analist, bestand=SimpleUploadedFile("gespreksverslag.pdf", PDF)
            )
    return len(ZAKEN)
