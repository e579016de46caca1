"""The Tellijst import records (kern.Importbestand) lead to nobody, also those made before.

1. Every Tellijst record's owner pseudonym moves from SECRET_KEY to TELLIJST_SLEUTEL (the key in force
   when the migration runs): the old pseudonym of each account is recomputed, so an import in progress
   is still found by its vertrouwenspersoon and a repeated file is still recognised. A pseudonym of an
   account deleted before becomes empty: it belongs to nobody.
2. A record in progress gets a neutral file name; a finished one (geïmporteerd, mislukt) loses its
   file name and user id, its moments keep only their day (00:00), its counts only what its page reads.

During a deployment: a web or worker process of the previous version that is still running after this
migration writes the old pseudonym and the file name; stop them before migrating (as the `migrate`
service does before `web` and `worker` start), or their preview is not found and must be uploaded again.

Both HMACs are frozen here on purpose: a migration must not depend on code that may change later.
Going back changes nothing: what was erased is gone, and the new pseudonyms are still found by the
new code only.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.db import migrations
from django.utils import timezone
from django.utils.crypto import salted_hmac

ACTIEF = ("controle", "voorbeeld", "wachtrij", "bezig")
TIJDSTIPPEN = ("aangemaakt_op", "gestart_op", "hartslag_op", "klaar_op")
BLIJVENDE_AANTALLEN = ("rijen", "in_orde")


def _oud(gebruiker_id: int) -> str:
    return salted_hmac("finintegriteit.importbestand.eigenaar", str(gebruiker_id)).hexdigest()


def _nieuw(sleutel: str, gebruiker_id: int) -> str:
    return hmac.new(
        sleutel.encode(), f"tellijst-importeur:{gebruiker_id}".encode(), hashlib.sha256
    ).hexdigest()


def _dag(moment):
    if moment is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(moment), datetime.time.min))


def ontkoppelen(apps, schema_editor):
    Importbestand = apps.get_model("kern", "Importbestand")
    Gebruiker = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    rijen = Importbestand.objects.filter(soort="tellijst")
    if not rijen.exists():
        return
    sleutel = settings.TELLIJST_SLEUTEL
    nieuw_van = {_oud(pk): _nieuw(sleutel, pk) for pk in Gebruiker.objects.values_list("pk", flat=True)}
    for rij in rijen.iterator(chunk_size=500):
        rij.eigenaar = nieuw_van.get(rij.eigenaar, "")
        if rij.status in ACTIEF:
            rij.bestandsnaam = f"tellijst.{rij.formaat}"
        else:
            rij.bestandsnaam = ""
            rij.door = None
            for veld in TIJDSTIPPEN:
                setattr(rij, veld, _dag(getattr(rij, veld)))
            rij.aantallen = {k: v for k, v in rij.aantallen.items() if k in BLIJVENDE_AANTALLEN}
        rij.save(update_fields=["eigenaar", "bestandsnaam", "door", *TIJDSTIPPEN, "aantallen"])


def niets_terug_te_zetten(apps, schema_editor):
    """Not RunPython.noop on purpose: steps whose reverse is noop count as data seeds that may be re-run
    on the current schema (tests re-seed after a flush)."""


class Migration(migrations.Migration):
    dependencies = [
        ("vertrouwenspersonen", "0006_versie"),
        ("kern", "0007_importbestand"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(ontkoppelen, niets_terug_te_zetten)]
