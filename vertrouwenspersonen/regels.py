"""The rules of a Tellijst row, shared by the entry form, the services and the import.

Pure functions over already resolved options, so the import can check 100,000 rows without a query.
The messages are module constants: tests import them, and the form and the import show the same text.
"""

import datetime

from django.conf import settings
from django.utils.formats import date_format

from finintegriteit.kern.teksten import NIET_IN_GEBRUIK

from .models import JAAR_MELDER_IS_BEKLAAGDE, OPTIEVELDEN

# Django's own Dutch wording, so that a missing field reads the same on every form of the system.
VERPLICHT = "Dit veld is verplicht."
JAAR_ONGELDIG = "Vul het jaar in als getal van vier cijfers, bijvoorbeeld {voorbeeld}."
JAAR_BUITEN_BEREIK = "Kies een jaar van {eerste} tot en met {laatste}."
JAAR_GESLOTEN = (
    "De Tellijst van {jaar} is gesloten sinds {sluitdatum}: de cijfers van dat jaar liggen vast. "
    "Registreer de adviesvraag in het lopende jaar als het contact nog loopt."
)
KWARTAAL_ONGELDIG = "Het kwartaal is 1, 2, 3 of 4, of leeg als het niet bekend is."
KWARTAAL_IN_TOEKOMST = "Kwartaal {kwartaal} van {jaar} is nog niet begonnen."
SUBCATEGORIE_ANDERE_HOOFDCATEGORIE = "'{subcategorie}' hoort niet bij de hoofdcategorie '{hoofdcategorie}'."
BEKLAAGDE_TE_VROEG = (
    "'Melder is zelf beklaagde' wordt pas vanaf " + str(JAAR_MELDER_IS_BEKLAAGDE) + " geregistreerd; "
    "laat het leeg voor {jaar}."
)


def kwartaal_van(datum: datetime.date) -> int:
    return (datum.month - 1) // 3 + 1


def sluitdatum(jaar: int) -> datetime.date:
    """The day the Tellijst of `jaar` closes (settings.TELLIJST_SLUITDAG of the next year)."""
    return datetime.date.fromisoformat(f"{jaar + 1}-{settings.TELLIJST_SLUITDAG}")


def sluitdatum_tekst(jaar: int) -> str:
    """The closing day as the messages write it: '1 februari 2026'."""
    return date_format(sluitdatum(jaar), "j F Y")


def jaar_gesloten(jaar: int, *, op: datetime.date) -> bool:
    return op >= sluitdatum(jaar)


def eerste_open_jaar(*, op: datetime.date) -> int:
    """The earliest year whose Tellijst is still open on `op`: last year's, until its closing day."""
    return op.year if jaar_gesloten(op.year - 1, op=op) else op.year - 1


def gesloten_fout(jaar: int, *, vandaag: datetime.date) -> str | None:
    if jaar_gesloten(jaar, op=vandaag):
        return JAAR_GESLOTEN.format(jaar=jaar, sluitdatum=sluitdatum_tekst(jaar))
    return None


def jaar_fout(jaar: int, *, eerste: int, vandaag: datetime.date) -> str | None:
    """A row's year lies between the first year of the Tellijst and this year, and is not closed."""
    if not eerste <= jaar <= vandaag.year:
        return JAAR_BUITEN_BEREIK.format(eerste=eerste, laatste=vandaag.year)
    return gesloten_fout(jaar, vandaag=vandaag)


def kwartaal_fout(jaar: int, kwartaal: int | None, *, vandaag: datetime.date) -> str | None:
    if kwartaal is None:
        return None
    if not 1 <= kwartaal <= 4:
        return KWARTAAL_ONGELDIG
    if (jaar, kwartaal) > (vandaag.year, kwartaal_van(vandaag)):
        return KWARTAAL_IN_TOEKOMST.format(kwartaal=kwartaal, jaar=jaar)
    return None


def optie_fout(optie, jaar: int) -> str | None:
    if not optie.in_gebruik(jaar):
        return NIET_IN_GEBRUIK.format(label=optie.label, jaar=jaar)
    return None


def subcategorie_fout(subcategorie, hoofdcategorie) -> str | None:
    if subcategorie.hoofdcategorie_id != hoofdcategorie.pk:
        return SUBCATEGORIE_ANDERE_HOOFDCATEGORIE.format(
            subcategorie=subcategorie.label, hoofdcategorie=hoofdcategorie.label
        )
    return None


def beklaagde_fout(jaar: int, melder_is_beklaagde: bool | None) -> str | None:
    if melder_is_beklaagde is not None and jaar < JAAR_MELDER_IS_BEKLAAGDE:
        return BEKLAAGDE_TE_VROEG.format(jaar=jaar)
    return None


def fouten_in_rij(
    *, jaar: int, kwartaal: int | None, melder_is_beklaagde: bool | None, eerste_jaar: int, vandaag, **opties
) -> dict[str, str]:
    """Every rule for a row whose options are resolved; {field name: message}, empty when the row is valid.

    `opties` holds the six option fields (missing or None ones are skipped: the caller reports those as
    required). Options are only checked against a year that is itself valid.
    """
    fouten = {}
    if melding := jaar_fout(jaar, eerste=eerste_jaar, vandaag=vandaag):
        fouten["jaar"] = melding
        return fouten
    if melding := kwartaal_fout(jaar, kwartaal, vandaag=vandaag):
        fouten["kwartaal"] = melding
    for veld in OPTIEVELDEN:
        optie = opties.get(veld)
        if optie is not None and (melding := optie_fout(optie, jaar)):
            fouten[veld] = melding
    hoofdcategorie, subcategorie = opties.get("hoofdcategorie"), opties.get("subcategorie")
    if hoofdcategorie is not None and subcategorie is not None and "subcategorie" not in fouten:
        if melding := subcategorie_fout(subcategorie, hoofdcategorie):
            fouten["subcategorie"] = melding
    if melding := beklaagde_fout(jaar, melder_is_beklaagde):
        fouten["melder_is_beklaagde"] = melding
    return fouten
