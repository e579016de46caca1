"""Reads for the afdoeningen app."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from meldingen.models import Betrokkene, Melding

from .anonimisering import persoonsgegevens_in
from .models import StandaardInhoud

# Attributes of the melder's identity (meldingen app) that are names or contact details.
MELDER_NAAMVELDEN = ("naam",)
MELDER_CONTACTVELDEN = ("contact", "email", "e_mail", "emailadres", "telefoon", "telefoonnummer")


def betrokkene_voor_afdoening(gebruiker, pk: int) -> Betrokkene:
    """The betrokkene whose afdoening the (OIF) user opens, with what the page shows, or 404."""
    return get_object_or_404(
        Betrokkene.objects.select_related(
            "melding__onderwerp",
            "melding__dienstonderdeel",
            "melding__onderzoek_type",
            "dienstonderdeel",
            "afdoening__type",
            "afdoening__schending",
        ),
        pk=pk,
    )


def standaard_inhouden() -> QuerySet:
    return StandaardInhoud.objects.filter(actief=True).values_list("tekst", flat=True)


def inhoud_problemen(*, inhoud: str, melding: Melding) -> list[str]:
    """Why `inhoud` may not go into the annual report for this melding (empty list: it may).

    Checks the names and personnel numbers of every betrokkene of the melding (a text about one
    betrokkene must not name another either) and the melder's identity when there is one. A standard
    phrase is accepted as it is: those are the published, generic texts of the report.
    """
    if StandaardInhoud.objects.filter(tekst=inhoud.strip()).exists():
        return []
    personen = list(melding.betrokkenen.values_list("naam", "personeelsnummer"))
    identiteit = getattr(melding, "identiteit", None)
    return persoonsgegevens_in(
        inhoud,
        namen=[naam for naam, _ in personen if naam],
        personeelsnummers=[nummer for _, nummer in personen if nummer],
        melder_namen=[str(getattr(identiteit, veld, "") or "") for veld in MELDER_NAAMVELDEN],
        melder_gegevens=[str(getattr(identiteit, veld, "") or "") for veld in MELDER_CONTACTVELDEN],
    )
