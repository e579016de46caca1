"""Figures and texts as frozen JSON text, and back.

Stored as text, not as a JSON column: PostgreSQL's jsonb reorders keys, and `exporteer_cijfers
--vastgesteld` must print the adopted figures exactly as they were.
"""

import datetime
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder

from ..models import BenoemdKerncijfer, Rapportdeel
from ..teksten.standaard import VELDEN as TEKSTVELDEN  # what the coordinator edits is what is frozen


def als_json(waarde) -> str:
    """The one JSON text format of the figures (that of `manage.py exporteer_cijfers`)."""
    return json.dumps(waarde, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder)


def sha256(tekst: str) -> str:
    return hashlib.sha256(tekst.encode()).hexdigest()


def jaarcijfers_terug(tekst: str) -> dict:
    """`jaarcijfers` from its frozen JSON."""
    return jaarcijfers_hersteld(json.loads(tekst))


def jaarcijfers_hersteld(cijfers: dict) -> dict:
    """`jaarcijfers` as JSON gave them back (also the dashboard's cache): the dates made dates again."""
    if isinstance(cijfers.get("tellijst_gepubliceerd_op"), str):
        cijfers["tellijst_gepubliceerd_op"] = datetime.datetime.fromisoformat(
            cijfers["tellijst_gepubliceerd_op"]
        )
    register = (cijfers.get("kerncijfers") or {}).get("register")
    if register and isinstance(register.get("peildatum"), str):
        register["peildatum"] = datetime.date.fromisoformat(register["peildatum"])
    _uitsplitsen_aanvullen(cijfers)
    # JSON keys are strings; the years of the tables are ints.
    if isinstance(cijfers.get("jaren_met_gegevens"), dict):
        cijfers["jaren_met_gegevens"] = {
            k: [int(j) for j in v] for k, v in cijfers["jaren_met_gegevens"].items()
        }
    return cijfers


def _uitsplitsen_aanvullen(cijfers: dict) -> None:
    """Figures frozen (or cached) before the taxonomy said which hoofdcategorieën the report splits out
    carry no 'uitsplitsen' on their rows: it is taken from the taxonomy by code, which the data migration
    set to the two the report split out then."""
    aard = ((cijfers.get("vertrouwenspersonen") or {}).get("bijlage1") or {}).get("aard") or []
    if all("uitsplitsen" in hoofd for hoofd in aard):
        return
    from finintegriteit.referentie.models import Hoofdcategorie

    uitgesplitst = set(Hoofdcategorie.objects.filter(uitsplitsen=True).values_list("code", flat=True))
    for hoofd in aard:
        hoofd.setdefault("uitsplitsen", hoofd.get("code") in uitgesplitst)


def teksten_als_json(delen: list[Rapportdeel], benoemd: list[BenoemdKerncijfer]) -> str:
    return als_json(
        {
            "delen": [{veld: getattr(d, veld) for veld in TEKSTVELDEN} for d in delen],
            "benoemd": [
                {
                    "naam": b.naam,
                    "omschrijving": b.omschrijving,
                    "waarde": str(b.waarde),
                    "eenheid": b.eenheid,
                }
                for b in benoemd
            ],
        }
    )


def teksten_terug(tekst: str) -> tuple[list[Rapportdeel], list[BenoemdKerncijfer]]:
    """Unsaved objects with the frozen texts and named figures, for building the report again."""
    from decimal import Decimal

    gegevens = json.loads(tekst)
    delen = [Rapportdeel(**d) for d in gegevens["delen"]]
    benoemd = [BenoemdKerncijfer(**{**b, "waarde": Decimal(b["waarde"])}) for b in gegevens["benoemd"]]
    return delen, benoemd


def sha256_bytes(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()
