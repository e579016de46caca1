"""Options shared by the rapportage commands: an onderdeel by code or name, a user by username."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from finintegriteit.referentie.models import Onderdeel
from finintegriteit.referentie.selectors import LabelZoeker

ONBEKEND_ONDERDEEL = "Onbekend onderdeel '{naam}'. Kies uit: {opties}."
ONBEKENDE_GEBRUIKER = "Onbekende gebruiker ‘{naam}’."


def jaar_en_onderdeel_opties(parser) -> None:
    """--jaar and --onderdeel, spelled and explained the same in every report command."""
    parser.add_argument("--jaar", type=int, required=True, help="Het verslagjaar, bijv. 2024.")
    parser.add_argument(
        "--onderdeel",
        help="Eén onderdeel: code, naam of andere spelling, bijv. Douane (leeg: het hele ministerie).",
    )


def onderdeel_uit_optie(naam: str | None) -> Onderdeel | None:
    """None for the whole ministry; else the onderdeel by code, label or spelling variant."""
    if not naam:
        return None
    gevonden = Onderdeel.objects.filter(code=naam).first() or LabelZoeker(Onderdeel).zoek(naam)
    if gevonden is None:
        opties = ", ".join(Onderdeel.objects.values_list("label", flat=True))
        raise CommandError(ONBEKEND_ONDERDEEL.format(naam=naam, opties=opties))
    return gevonden


def gebruiker_uit_optie(naam: str):
    gebruiker = get_user_model().objects.filter(username=naam, is_active=True).first()
    if gebruiker is None:
        raise CommandError(ONBEKENDE_GEBRUIKER.format(naam=naam))
    return gebruiker
