"""Reads for the afdoeningen app."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from finintegriteit.kern import rollen as r
from finintegriteit.kern.teksten import wie_met_recht
from meldingen.models import Betrokkene, Melding
from meldingen.selectors import betrokkene_voor_gebruiker, melder_identiteit_van

from .anonimisering import persoonsgegevens_in
from .models import Afdoening, StandaardInhoud

CONTROLE_MELDER_OPEN = (
    "De melding kan nog niet worden afgedaan: de inhoud van {afdoeningen} moet eerst worden vergeleken "
    f"met de melder. Dat doet {wie_met_recht(r.MELDER_IDENTITEIT_INZIEN)}: bij de betrokkene "
    "‘Afdoening wijzigen’, dan ‘Vergelijk met de melder’."
)
AFDOENING_ONTBREEKT = (
    "De melding kan pas worden afgedaan als elke betrokkene een afdoening heeft. "
    "Nog zonder afdoening: {aantal} van {totaal}."
)


def betrokkene_voor_afdoening(*, gebruiker, pk: int) -> Betrokkene:
    """The betrokkene whose afdoening the user opens, or Http404 (the access rule of the meldingen app)."""
    betrokkene = betrokkene_voor_gebruiker(gebruiker=gebruiker, pk=pk)
    # Then everything the page shows, in one query.
    return Betrokkene.objects.select_related(
        "melding__onderwerp",
        "melding__dienstonderdeel",
        "melding__onderzoek_type",
        "dienstonderdeel",
        "afdoening__type",
        "afdoening__schending",
    ).get(pk=betrokkene.pk)


def afdoeningen_voor_jaaroverzicht() -> QuerySet:
    """The afdoeningen whose inhoud may be shown per case in the annual report (Bijlage 2).

    Only when the melding is afgedaan (the status; the model ties `afgedaan_op` to it) and the inhoud
    no longer waits for the check against the melder: before that, a text written without the identity
    right may still name the melder, and a line for a case that is still open can point to a person in a
    small onderdeel. Closing a melding requires the check (afsluiten_controleren); the condition is
    repeated here because imported rows and a reopened melding do not pass through that step.
    """
    return Afdoening.objects.filter(
        betrokkene__melding__status=Melding.Status.AFGEDAAN, controle_melder_open=False
    )


def standaard_inhouden() -> QuerySet:
    return StandaardInhoud.objects.filter(actief=True).values_list("tekst", flat=True)


def is_standaard_inhoud(inhoud: str) -> bool:
    return StandaardInhoud.objects.filter(tekst=inhoud.strip()).exists()


def inhoud_problemen(*, inhoud: str, melding: Melding, met_melder: bool) -> list[str]:
    """Why `inhoud` may not go into the annual report for this melding (empty list: it may).

    Checks the names and personnel numbers of every betrokkene of the melding (a text about one
    betrokkene must not name another either), e-mail addresses, telephone numbers and long digit
    runs. Only with `met_melder` (the user holds the identity right) is the melder's identity read
    and compared: for anyone else the answer would tell whether a guessed name or number is the
    melder's. A standard phrase is accepted as it is: those are the published texts of the report.
    """
    if is_standaard_inhoud(inhoud):
        return []
    personen = list(melding.betrokkenen.values_list("naam", "personeelsnummer"))
    identiteit = melder_identiteit_van(melding=melding) if met_melder else None
    return persoonsgegevens_in(
        inhoud,
        namen=[naam for naam, _ in personen if naam],
        personeelsnummers=[nummer for _, nummer in personen if nummer],
        melder_namen=[identiteit.naam] if identiteit and identiteit.naam else [],
        melder_gegevens=[identiteit.contact] if identiteit and identiteit.contact else [],
    )


def afsluiten_controleren(*, melding: Melding) -> None:
    """A melding with betrokkenen is closed only when each has an afdoening that waits for no check.

    Registered with meldingen.afsluiten (AfdoeningenConfig.ready): the status service runs it.
    """
    totaal = melding.betrokkenen.count()
    zonder = melding.betrokkenen.filter(afdoening__isnull=True).count()
    if zonder:
        raise ValidationError({"naar": AFDOENING_ONTBREEKT.format(aantal=zonder, totaal=totaal)})
    if wachtend := Afdoening.objects.filter(betrokkene__melding=melding, controle_melder_open=True).count():
        afdoeningen = "1 afdoening" if wachtend == 1 else f"{wachtend} afdoeningen"
        raise ValidationError({"naar": CONTROLE_MELDER_OPEN.format(afdoeningen=afdoeningen)})
