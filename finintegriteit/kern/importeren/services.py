"""The one flow of every spreadsheet import: upload → check → preview → confirm → import.

1. `importbestand_klaarzetten` stores the upload as a row. A small file is checked at once, in the
   request; a large one is checked by a worker (status 'controle') while the page polls the row.
2. The preview shows the counts and every error stored on the row; the file stays in the row only.
3. `importbestand_bevestigen` refuses a file whose content was imported before, unless the user
   says it is intended, and moves the row to 'wachtrij' with a conditional update (a double click
   confirms once). Small files are then imported in the request, large ones by a worker.
4. `importbestand_uitvoeren` claims the row ('wachtrij' → 'bezig', one row changed or nothing to
   do), lets the import write everything in one transaction, and ends with 'geimporteerd' (file
   erased, counts kept, sha256 kept to recognise the file again) or 'mislukt' (nothing written).
5. `importbestanden_opruimen` (beat task) erases unconfirmed previews after the import's bewaartijd
   and marks runs of a dead worker mislukt; their transaction was never committed.
"""

import datetime
import hashlib
import logging
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from ..models import Importbestand
from ..taken import taak_aanbieden
from . import berichten
from .bestand import Upload, herken
from .fouten import BestandFout, Fout
from .selectors import VOORTGANG_SLEUTEL, eerdere_import, eigenaar_van
from .soorten import ImportFout, Voortgang, importsoort

logger = logging.getLogger(__name__)

# More errors than this are not kept on the row: fixing the first ones usually fixes many others.
MAX_FOUTEN_BEWAARD = 500
S = Importbestand.Status


def direct(upload: Upload) -> bool:
    """Small files are handled in the request: the user sees the result without a waiting page."""
    return len(upload.inhoud) <= settings.IMPORT_DIRECT_MAX_BYTES


def importbestand_klaarzetten(
    *, soort: str, door, bestandsnaam: str, upload: Upload, in_proces: bool | None = None
) -> Importbestand:
    """Store an upload for its preview; a small file (or any, with `in_proces`, as the management
    commands do) is checked right away: then BestandFout means nothing was stored."""
    in_proces = direct(upload) if in_proces is None else in_proces
    uitkomst = importsoort(soort).controleren(upload) if in_proces else None
    return _aanmaken(soort=soort, door=door, bestandsnaam=bestandsnaam, upload=upload, uitkomst=uitkomst)


def _aanmaken(*, soort, door, bestandsnaam, upload, uitkomst) -> Importbestand:
    with transaction.atomic():
        rij = Importbestand.objects.create(
            soort=soort,
            door=door,
            eigenaar=eigenaar_van(door),
            bestandsnaam=bestandsnaam[:255],
            formaat=upload.soort,
            bestand=upload.inhoud,
            sha256=hashlib.sha256(upload.inhoud).hexdigest(),
        )
        if uitkomst is not None:
            _uitkomst_bewaren(rij, uitkomst)
        else:
            transaction.on_commit(partial(_aanbieden, "controleren", rij.pk))
    return rij


def _uitkomst_bewaren(rij: Importbestand, uitkomst) -> None:
    rij.status = S.VOORBEELD
    rij.aantallen = uitkomst.aantallen
    rij.fouten = [f.als_dict() for f in uitkomst.fouten[:MAX_FOUTEN_BEWAARD]]
    rij.aantal_fouten = len(uitkomst.fouten)
    rij.klaar_op = timezone.now()
    rij.save(update_fields=["status", "aantallen", "fouten", "aantal_fouten", "klaar_op"])


def importbestand_controleren(*, pk) -> None:
    """The worker's check of a large file: claim 'controle', store the preview or the file's error."""
    nu = timezone.now()
    if not Importbestand.objects.filter(pk=pk, status=S.CONTROLE, gestart_op__isnull=True).update(
        gestart_op=nu, hartslag_op=nu
    ):
        return
    rij = Importbestand.objects.get(pk=pk)
    try:
        uitkomst = importsoort(rij.soort).controleren(herken(bytes(rij.bestand)))
    except BestandFout as fout:
        _mislukt(rij, reden=str(fout))
        return
    rij.gestart_op = None
    rij.save(update_fields=["gestart_op"])
    _uitkomst_bewaren(rij, uitkomst)


def importbestand_bevestigen(
    *, importbestand: Importbestand, door, opnieuw: bool = False, in_proces: bool | None = None
) -> Importbestand:
    """Confirm a preview without errors; ValidationError when it was imported before and not `opnieuw`."""
    if in_proces is None:
        in_proces = direct(Upload(importbestand.formaat, bytes(importbestand.bestand)))
    if importbestand.status != S.VOORBEELD or importbestand.aantal_fouten:
        raise ValidationError(berichten.NIETS_TE_IMPORTEREN)
    if not opnieuw and (eerder := eerdere_import(importbestand=importbestand)) is not None:
        raise ValidationError(berichten.AL_GEIMPORTEERD, code="al_geimporteerd", params=_eerder(eerder))
    with transaction.atomic():
        bevestigd = Importbestand.objects.filter(pk=importbestand.pk, status=S.VOORBEELD).update(
            status=S.WACHTRIJ, opnieuw=opnieuw, klaar_op=None
        )
        if not bevestigd:
            raise ValidationError(berichten.NIETS_TE_IMPORTEREN)
        if not in_proces:
            transaction.on_commit(partial(_aanbieden, "uitvoeren", importbestand.pk))
    if in_proces:
        importbestand_uitvoeren(pk=importbestand.pk, door=door)
    importbestand.refresh_from_db()
    return importbestand


def importbestand_direct_importeren(
    *, soort: str, door, bestandsnaam: str, upload: Upload, opnieuw: bool = False
) -> Importbestand:
    """The whole flow in this process, for the management commands; returns the imported row.

    Raises ImportFout with every error of the file (not only the first 500), BestandFout, or
    ValidationError when the file was imported before and not `opnieuw`. Nothing is kept then.
    """
    uitkomst = importsoort(soort).controleren(upload)
    if uitkomst.fouten:
        raise ImportFout(uitkomst.fouten)
    rij = _aanmaken(soort=soort, door=door, bestandsnaam=bestandsnaam, upload=upload, uitkomst=uitkomst)
    try:
        rij = importbestand_bevestigen(importbestand=rij, door=door, opnieuw=opnieuw, in_proces=True)
    except ValidationError:
        importbestand_annuleren(importbestand=rij)
        raise
    if rij.status != S.GEIMPORTEERD:
        importbestand_annuleren(importbestand=rij)
        if rij.fouten:
            raise ImportFout([Fout.van_dict(f) for f in rij.fouten])
        raise BestandFout(rij.reden)
    return rij


def weigering(fout: ValidationError, *, opdracht: bool = False) -> str:
    """The text of a refused confirmation; a management command's names --opnieuw."""
    if fout.code == "al_geimporteerd":
        tekst = berichten.AL_GEIMPORTEERD_OPDRACHT if opdracht else berichten.AL_GEIMPORTEERD
        return tekst.format(**fout.params)
    return " ".join(fout.messages)


def _eerder(eerder: Importbestand) -> dict:
    return {
        "datum": date_format(timezone.localtime(eerder.klaar_op), "d-m-Y H:i"),
        "rijen": eerder.aantallen.get("rijen", "?"),
    }


def importbestand_annuleren(*, importbestand: Importbestand) -> bool:
    """Erase a preview that was not confirmed (or failed); True when there was one to erase."""
    verwijderd, _ = (
        Importbestand.objects.filter(pk=importbestand.pk, status__in=[S.CONTROLE, S.VOORBEELD, S.MISLUKT])
        .exclude(status=S.CONTROLE, gestart_op__isnull=False)
        .delete()
    )
    return bool(verwijderd)


def _voortgang(pk, *, verwacht: int) -> Voortgang:
    """Progress for the page: on the row while no transaction is open, else in the cache (the row's
    update would only be visible at commit)."""

    def melden(fractie: float) -> None:
        procent = max(0, min(99, int(fractie * 100)))
        nu = timezone.now()
        if transaction.get_connection().in_atomic_block:
            cache.set(VOORTGANG_SLEUTEL.format(pk=pk), procent, timeout=60 * 60)
        else:
            Importbestand.objects.filter(pk=pk, status=S.BEZIG).update(voortgang=procent, hartslag_op=nu)

    return Voortgang(melden, verwacht=verwacht)


def importbestand_uitvoeren(*, pk, door=None) -> Importbestand | None:
    """Claim a confirmed row and import it; None when another run has it or it is already done."""
    nu = timezone.now()
    if not Importbestand.objects.filter(pk=pk, status=S.WACHTRIJ).update(
        status=S.BEZIG, gestart_op=nu, hartslag_op=nu, voortgang=0
    ):
        return None
    rij = Importbestand.objects.select_related("door").get(pk=pk)
    soort = importsoort(rij.soort)
    try:
        aantallen = soort.vastleggen(
            upload=herken(bytes(rij.bestand)),
            door=door or rij.door,
            voortgang=_voortgang(pk, verwacht=rij.aantallen.get("rijen", 0)),
        )
    except ImportFout as fout:
        return _mislukt(rij, reden="", fouten=fout.fouten)
    except BestandFout as fout:
        return _mislukt(rij, reden=str(fout))
    except (OperationalError, InterfaceError):
        # The database is gone: nothing was written and the row cannot be updated now. The request
        # gets the 'not stored' page (kern.storingen); the beat task closes the row later.
        raise
    except Exception:
        logger.exception("Import %s mislukt", pk)
        return _mislukt(rij, reden=berichten.MISLUKT)
    finally:
        cache.delete(VOORTGANG_SLEUTEL.format(pk=pk))
    rij.status = S.GEIMPORTEERD
    rij.aantallen = {**rij.aantallen, **aantallen}
    rij.voortgang = 100
    rij.klaar_op = timezone.now()
    rij.bestand = b""  # the content now lives in the imported rows; no second copy
    if soort.per_eigenaar:
        rij.door = None
    rij.save(update_fields=["status", "aantallen", "voortgang", "klaar_op", "bestand", "door"])
    return rij


def _mislukt(rij: Importbestand, *, reden: str, fouten=()) -> Importbestand:
    rij.status = S.MISLUKT
    rij.reden = reden
    rij.fouten = [f.als_dict() for f in list(fouten)[:MAX_FOUTEN_BEWAARD]]
    rij.aantal_fouten = len(fouten) or (1 if reden else 0)
    rij.klaar_op = timezone.now()
    rij.bestand = b""
    if importsoort(rij.soort).per_eigenaar:
        rij.door = None
    rij.save(update_fields=["status", "reden", "fouten", "aantal_fouten", "klaar_op", "bestand", "door"])
    return rij


def _aanbieden(stap: str, pk) -> None:
    """Send the task after commit; when the queue is down the beat task offers the row again."""
    from kombu.exceptions import OperationalError

    from .. import tasks

    taak = (
        tasks.importbestand_controleren_taak if stap == "controleren" else tasks.importbestand_uitvoeren_taak
    )
    try:
        taak_aanbieden(taak, str(pk))
    except (OperationalError, ConnectionError, OSError):
        logger.warning("Wachtrij onbereikbaar; import %s wordt later aangeboden", pk, exc_info=True)


def importbestanden_opruimen(*, nu: datetime.datetime | None = None) -> dict[str, int]:
    """Erase what nobody confirmed in time and finish runs of a dead worker (the beat task).

    1. Previews ('voorbeeld', 'mislukt') older than their import's bewaartijd: deleted with the file.
    2. 'bezig' or claimed 'controle' rows without a sign of life for IMPORT_OVERNAME_SECONDEN: the
       worker stopped, its transaction was rolled back; marked mislukt, file erased.
    3. 'controle' and 'wachtrij' rows nobody picked up for a minute: offered to the queue again
       (a duplicate message is harmless, only one run claims the row).
    """
    nu = nu or timezone.now()
    verwijderd = 0
    for code in Importbestand.objects.values_list("soort", flat=True).distinct():
        grens = nu - importsoort(code).bewaartijd
        verwijderd += Importbestand.objects.filter(
            soort=code, status__in=[S.VOORBEELD, S.MISLUKT], aangemaakt_op__lt=grens
        ).delete()[0]
    stil = nu - datetime.timedelta(seconds=settings.IMPORT_OVERNAME_SECONDEN)
    dood = Importbestand.objects.filter(
        Q(status=S.BEZIG) | Q(status=S.CONTROLE, gestart_op__isnull=False), hartslag_op__lt=stil
    )
    afgebroken = 0
    for rij in dood:
        _mislukt(rij, reden=berichten.VERLOPEN)
        afgebroken += 1
    minuut_geleden = nu - datetime.timedelta(minutes=1)
    for pk, status in Importbestand.objects.filter(
        Q(status=S.CONTROLE, gestart_op__isnull=True) | Q(status=S.WACHTRIJ), aangemaakt_op__lt=minuut_geleden
    ).values_list("pk", "status"):
        _aanbieden("controleren" if status == S.CONTROLE else "uitvoeren", pk)
    return {"verwijderd": verwijderd, "afgebroken": afgebroken}
