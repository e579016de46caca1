"""Demo data that reproduce the published Jaarrapportage integriteit 2024 (`manage.py laad_demodata`).

The facts come from jaarverslag_2024.json in this package (copied from the report; codes refer to the
taxonomies). Loading is deterministic and idempotent: the demo rows are deleted and recreated in one
transaction, so loading twice gives the same database.
"""

import datetime
import json
from importlib import resources

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from vertrouwenspersonen.bulk import adviesvragen_bulk_toevoegen, adviesvragen_bulk_verwijderen
from vertrouwenspersonen.models import Adviesvraag

from ..services.publicatie import tellijst_publiceren
from .kerncijfers import kerncijfers_laden
from .oif import oif_laden
from .teksten import teksten_laden
from .tellijst import DemodataFout, tellijst_rijen

__all__ = ["DemodataFout", "demodata_laden", "gegevens"]

DEMO_VERTROUWENSPERSOON = "vertrouwenspersoon"
# Owner of the demo Tellijst rows when the demo user 'vertrouwenspersoon' does not exist (yet).
TELLIJST_EIGENAAR = "tellijst-demodata"


def gegevens() -> dict:
    return json.loads(
        resources.files(__package__).joinpath("jaarverslag_2024.json").read_text(encoding="utf-8")
    )


def _eigenaars():
    """(owner of new rows, every account that may own demo rows from an earlier load)."""
    User = get_user_model()
    vertrouwenspersoon = User.objects.filter(username=DEMO_VERTROUWENSPERSOON).first()
    if vertrouwenspersoon is not None:
        eigenaar = vertrouwenspersoon
    else:
        eigenaar, aangemaakt = User.objects.get_or_create(
            username=TELLIJST_EIGENAAR, defaults={"is_active": False, "first_name": "Demodata"}
        )
        if aangemaakt:
            eigenaar.set_unusable_password()
            eigenaar.save(update_fields=["password"])
    return eigenaar, User.objects.filter(username__in=[DEMO_VERTROUWENSPERSOON, TELLIJST_EIGENAAR])


def _register_laden() -> int | None:
    try:
        from vertrouwenspersonen.demodata import register_demo_laden
    except ImportError:
        return None
    return register_demo_laden()


@transaction.atomic
def demodata_laden() -> dict:
    """Load (or reload) all demo data; returns what was created, per part."""
    data = gegevens()
    eigenaar, eigenaars = _eigenaars()
    jaren = [int(jaar) for jaar in data["tellijst"]]
    adviesvragen_bulk_verwijderen(jaren=jaren, eigenaars=eigenaars)
    andere = Adviesvraag.objects.filter(jaar__in=jaren).count()
    if andere:
        raise DemodataFout(
            f"Er staan al {andere} adviesvragen uit {min(jaren)}-{max(jaren)} in de Tellijst die niet uit de "
            "demodata komen; de demodata zouden de gepubliceerde aantallen dan niet reproduceren."
        )
    rijen = adviesvragen_bulk_toevoegen(adviesvragen=tellijst_rijen(data["tellijst"], door=eigenaar))
    aantallen = {
        "adviesvragen": len(rijen),
        "meldingen": oif_laden(data["oif_2024"], door=None),
        "kerncijfers": kerncijfers_laden(data["kerncijfers"]),
        "vertrouwenspersonen": _register_laden(),
        "rapportdelen": teksten_laden(),
    }
    publiceren_aan_het_begin_van_het_jaar()
    return aantallen


def publiceren_aan_het_begin_van_het_jaar() -> None:
    """The pages show the Tellijst as published; demo data are there to be seen at once. Dated on the
    first day of this year: the current year's demo rows (lopendjaar) replay their publications after
    it, each in steps from the one before (services.publicatie)."""
    begin = datetime.datetime(timezone.localdate().year, 1, 1, settings.TELLIJST_PUBLICATIE_UUR)
    tellijst_publiceren(moment=timezone.make_aware(begin))
