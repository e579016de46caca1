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
   Both ends go through `_afsluiten`, which also erases what an anonymous import may not keep.
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
from django.db.models import Case, Q, Value, When
from django.utils import timezone
from django.utils.formats import date_format

from ..datums import begin_van_de_dag
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
    if importsoort(soort).anoniem:
        # A Tellijst is often named after its vertrouwenspersoon; only the page that answers the
        # upload shows that name (the caller still has it), the row never holds it.
        bestandsnaam = f"{soort}.{upload.soort}"
    with transaction.atomic():
        rij = Importbestand.objects.create(
            soort=soort,
            door=door,
            eigenaar=eigenaar_van(door, soort=soort),
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

    The returned row carries every count of the check, for the command's own output, also those
    an anonymous import does not keep in the database (`Importsoort.blijvende_aantallen`).

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
    rij.aantallen = {**uitkomst.aantallen, **rij.aantallen}
    return rij


def weigering(fout: ValidationError, *, opdracht: bool = False) -> str:
    """The text of a refused confirmation; a management command's names --opnieuw."""
    if fout.code == "al_geimporteerd":
        tekst = berichten.AL_GEIMPORTEERD_OPDRACHT if opdracht else berichten.AL_GEIMPORTEERD
        return tekst.format(**fout.params)
    return " ".join(fout.messages)


def _eerder(eerder: Importbestand) -> dict:
    # An anonymous import keeps only its day (see _afsluiten): '00:00' would be no time at all.
    formaat = "d-m-Y" if importsoort(eerder.soort).anoniem else "d-m-Y H:i"
    return {
        "datum": date_format(timezone.localtime(eerder.klaar_op), formaat),
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
    return _afsluiten(rij, ["status", "aantallen", "voortgang"])


def _mislukt(rij: Importbestand, *, reden: str, fouten=()) -> Importbestand:
    rij.status = S.MISLUKT
    rij.reden = reden
    rij.fouten = [f.als_dict() for f in list(fouten)[:MAX_FOUTEN_BEWAARD]]
    rij.aantal_fouten = len(fouten) or (1 if reden else 0)
    return _afsluiten(rij, ["status", "reden", "fouten", "aantal_fouten"])


# The moments of a row: exact while it runs (the heartbeat, a takeover), only the day once it ended.
TIJDSTIPPEN = ("aangemaakt_op", "gestart_op", "hartslag_op", "klaar_op")


def _afsluiten(rij: Importbestand, velden: list[str]) -> Importbestand:
    """Save a run that ended ('geimporteerd' or 'mislukt'): the one place where every import ends.

    The file goes: after an import its content lives in the imported rows, after a failure it is of
    no use. An anonymous import (Importsoort.anoniem) also loses what could lead to its person: the
    user id, the file name, every moment beyond its day (an exact time lines up with a login in the
    audit trail) and the counts its pages no longer read (with the time, they single out the block
    of rows the import wrote).
    """
    rij.klaar_op = timezone.now()
    rij.bestand = b""
    velden = [*velden, "klaar_op", "bestand"]
    soort = importsoort(rij.soort)
    if soort.anoniem:
        rij.door = None
        rij.bestandsnaam = ""
        for veld in TIJDSTIPPEN:
            if (moment := getattr(rij, veld)) is not None:
                setattr(rij, veld, begin_van_de_dag(moment))
        rij.aantallen = {k: v for k, v in rij.aantallen.items() if k in soort.blijvende_aantallen}
        velden = [*velden, "door", "bestandsnaam", *TIJDSTIPPEN, "aantallen"]
    rij.save(update_fields=list(dict.fromkeys(velden)))
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
        soort = importsoort(code)
        grens = nu - soort.bewaartijd
        # A failed anonymous run holds only the day it was uploaded (00:00), so it gets the rest of
        # that day: else a failure late in the day would be gone before its page could show it.
        grens_mislukt = grens - datetime.timedelta(days=1) if soort.anoniem else grens
        verwijderd += (
            Importbestand.objects.filter(soort=code)
            .filter(
                Q(status=S.VOORBEELD, aangemaakt_op__lt=grens)
                | Q(status=S.MISLUKT, aangemaakt_op__lt=grens_mislukt)
            )
            .delete()[0]
        )
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


def importbestanden_hersleutelen(*, soort: str, nieuw_van: dict[str, str]) -> int:
    """After a key rotation of an import with its own owner key: each row's owner pseudonym under the
    new key (`nieuw_van`: old pseudonym -> new). The import's app computes both from its users, so this
    reads no row's owner. Returns the rows changed; call it inside the app's own transaction."""
    if not nieuw_van:
        return 0
    return Importbestand.objects.filter(soort=soort, eigenaar__in=nieuw_van).update(
        eigenaar=Case(*(When(eigenaar=oud, then=Value(nieuw)) for oud, nieuw in nieuw_van.items()))
    )
