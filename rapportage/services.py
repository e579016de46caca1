"""Writes of the rapportage app: request a jaarrapportage, generate it (the Celery task's work), retry.

A report is a row (`Rapport`) that moves wachtrij -> bezig -> klaar | mislukt. The page polls the row,
never Celery's result store. Generation is safe to run more than once for the same row: a worker
claims the row with a conditional UPDATE, writes the file under a name fixed by the row, and marks it
klaar with a second conditional UPDATE, so exactly one run completes it.
"""

import hashlib
import logging
import os
import tempfile
from datetime import timedelta
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from finintegriteit.kern import rollen

from . import pdf
from .models import Rapport
from .toegang import onderdeel_van

logger = logging.getLogger(__name__)

FOUT_WACHTRIJ_ONBEREIKBAAR = (
    "Het maken van rapporten is op dit moment niet beschikbaar: de wachtrij is niet bereikbaar. "
    "Uw aanvraag is bewaard; kies later ‘Opnieuw proberen’."
)
FOUT_ONVERWACHT = (
    "Het rapport kon niet worden gemaakt door een onverwachte fout ({soort}). Probeer het opnieuw; "
    "lukt het dan weer niet, meld het aan de functioneel beheerder."
)
FOUT_TE_LANG = "Het maken van het rapport duurde te lang en is afgebroken. Probeer het opnieuw."
FOUT_OPSLAG = "Het rapport kon niet worden opgeslagen ({soort}). Meld dit aan de functioneel beheerder."
FOUT_OPMAAK = "Een onderdeel van de opmaak (lettertype of stijlblad) ontbreekt: {fout}"
FOUT_NIET_OPNIEUW = "Dit rapport is klaar of wordt nog gemaakt; opnieuw proberen is niet nodig."
FOUT_ANDER_ONDERDEEL = "U kunt alleen rapporten van uw eigen onderdeel aanvragen."
FOUT_GEEN_COORDINATOR = "Alleen een integriteitscoördinator kan een jaarrapportage aanvragen."
FOUT_JAAR = "Kies een jaar tussen {van} en {tot}."

EERSTE_JAAR = 2000
ACTIEF = (Rapport.Status.WACHTRIJ, Rapport.Status.BEZIG)


def tijdslimiet() -> timedelta:
    """After this long a 'bezig' row belongs to a dead worker (Celery's hard time limit killed it)."""
    return timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def is_vastgelopen(rapport: Rapport) -> bool:
    """'bezig' for longer than the time limit: the worker died; the row may be taken over."""
    return (
        rapport.status == Rapport.Status.BEZIG
        and rapport.gestart_op is not None
        and rapport.gestart_op < timezone.now() - tijdslimiet()
    )


# --- Request and retry --------------------------------------------------------------------------


def rapport_aanvragen(*, door, jaar: int, onderdeel=None) -> Rapport:
    """Queue a jaarrapportage for one year and scope; an identical active request is reused."""
    if not rollen.heeft_rol(door, rollen.COORDINATOR):
        raise PermissionDenied(FOUT_GEEN_COORDINATOR)
    eigen = onderdeel_van(door)
    if eigen is not None and onderdeel != eigen:
        raise PermissionDenied(FOUT_ANDER_ONDERDEEL)
    huidig_jaar = timezone.localdate().year
    if not EERSTE_JAAR <= jaar <= huidig_jaar:
        raise ValidationError({"jaar": FOUT_JAAR.format(van=EERSTE_JAAR, tot=huidig_jaar)})
    with transaction.atomic():
        lopend = (
            Rapport.objects.select_for_update()
            .filter(jaar=jaar, onderdeel=onderdeel, status__in=ACTIEF)
            .filter(Q(gestart_op__isnull=True) | Q(gestart_op__gte=timezone.now() - tijdslimiet()))
            .first()
        )
        if lopend is not None and lopend.status == Rapport.Status.BEZIG:
            return lopend
        # A waiting row is queued once more: its message may have been lost (broker down or
        # flushed), and a duplicate message is harmless because only one run can claim the row.
        rapport = lopend or Rapport.objects.create(jaar=jaar, onderdeel=onderdeel, aangevraagd_door=door)
        transaction.on_commit(partial(rapport_in_wachtrij_zetten, rapport_pk=rapport.pk))
    return rapport


def rapport_opnieuw(*, rapport: Rapport, door) -> Rapport:
    """Queue a failed, stuck or never-queued report again (the 'Opnieuw proberen' button)."""
    if not rollen.heeft_rol(door, rollen.COORDINATOR):
        raise PermissionDenied(FOUT_GEEN_COORDINATOR)
    vastgelopen = Q(status=Rapport.Status.BEZIG, gestart_op__lt=timezone.now() - tijdslimiet())
    with transaction.atomic():
        bijgewerkt = (
            Rapport.objects.filter(pk=rapport.pk)
            .filter(Q(status=Rapport.Status.MISLUKT) | Q(status=Rapport.Status.WACHTRIJ) | vastgelopen)
            .update(status=Rapport.Status.WACHTRIJ, reden="", voortgang=0, gestart_op=None, klaar_op=None)
        )
        if not bijgewerkt:
            raise ValidationError(FOUT_NIET_OPNIEUW)
        transaction.on_commit(partial(rapport_in_wachtrij_zetten, rapport_pk=rapport.pk))
    rapport.refresh_from_db()
    return rapport


def rapport_in_wachtrij_zetten(*, rapport_pk: int) -> bool:
    """Send the task; when the broker is down keep the request and say so on the row.

    Runs after commit, so the worker always finds the row. Returns whether the queue took it.
    """
    from kombu.exceptions import OperationalError

    from .tasks import rapport_genereren_taak

    Rapport.objects.filter(pk=rapport_pk, status=Rapport.Status.WACHTRIJ).exclude(reden="").update(reden="")
    try:
        rapport_genereren_taak.delay(rapport_pk)
    except (OperationalError, ConnectionError, OSError):
        logger.warning(
            "Wachtrij onbereikbaar; rapport %s blijft in de wachtrij staan", rapport_pk, exc_info=True
        )
        Rapport.objects.filter(pk=rapport_pk, status=Rapport.Status.WACHTRIJ).update(
            reden=FOUT_WACHTRIJ_ONBEREIKBAAR
        )
        return False
    return True


# --- Generation ---------------------------------------------------------------------------------


def rapport_claimen(*, rapport_pk: int):
    """Take the row for this worker; returns the claim time, or None when another run owns it.

    A 'bezig' row older than the task time limit was left by a killed worker and may be taken over.
    """
    nu = timezone.now()
    vrij = Q(status=Rapport.Status.WACHTRIJ) | Q(
        status=Rapport.Status.BEZIG, gestart_op__lt=nu - tijdslimiet()
    )
    genomen = (
        Rapport.objects.filter(pk=rapport_pk)
        .filter(vrij)
        .update(status=Rapport.Status.BEZIG, gestart_op=nu, voortgang=1, reden="", klaar_op=None)
    )
    return nu if genomen == 1 else None


def rapport_genereren(*, rapport_pk: int) -> Rapport | None:
    """Make the PDF of one Rapport row. Returns the row when this run completed it, else None.

    1. Claim the row (conditional UPDATE); stop quietly if it is gone, done or owned by a live run.
    2. Compute the figures and render the HTML, then the PDF; progress goes to the row as it grows.
    3. Write the file next to its final name and rename it into place (atomic), with its SHA-256.
    4. Mark the row klaar only if this run still owns it (same gestart_op).
    Any exception marks the row mislukt with a Dutch reason; no (partial) file stays behind.

    No transaction around the whole: progress must be visible to the page while the PDF renders.
    """
    gestart = rapport_claimen(rapport_pk=rapport_pk)
    if gestart is None:
        logger.info("Rapport %s niet geclaimd (weg, klaar of in behandeling)", rapport_pk)
        return None
    rapport = Rapport.objects.select_related("onderdeel").get(pk=rapport_pk)
    eigen_run = Rapport.objects.filter(pk=rapport_pk, status=Rapport.Status.BEZIG, gestart_op=gestart)
    melder = _VoortgangMelder(eigen_run)
    _opruimen_tijdelijk(rapport)
    try:
        inhoud = rapport_pdf_maken(jaar=rapport.jaar, onderdeel=rapport.onderdeel, voortgang=melder)
        relatief, sha256 = _opslaan(rapport, inhoud)
    except Exception as fout:
        logger.exception("Rapport %s mislukt", rapport_pk)
        _opruimen_tijdelijk(rapport)
        eigen_run.update(
            status=Rapport.Status.MISLUKT, reden=leesbare_reden(fout)[:500], klaar_op=timezone.now()
        )
        return None
    klaar = eigen_run.update(
        status=Rapport.Status.KLAAR,
        voortgang=100,
        bestand=relatief,
        sha256=sha256,
        reden="",
        klaar_op=timezone.now(),
    )
    if not klaar and not Rapport.objects.filter(pk=rapport_pk).exists():
        # The request was deleted while rendering: do not leave an orphan file.
        (Path(settings.RAPPORT_ROOT) / relatief).unlink(missing_ok=True)
    if not klaar:
        return None
    rapport.refresh_from_db()
    return rapport


def rapport_pdf_maken(*, jaar: int, onderdeel=None, voortgang=None) -> bytes:
    """Figures -> HTML -> PDF bytes; shared by the task and `manage.py genereer_jaarrapportage`."""
    from . import inhoud

    melden = voortgang or (lambda procent: None)
    context = inhoud.rapport_context(jaar=jaar, onderdeel=onderdeel)
    melden(20)
    html = pdf.rapport_html(context)
    melden(30)
    return pdf.html_naar_pdf(
        html,
        voortgang=voortgang,
        voortgang_van=30,
        voortgang_tot=90,
        verwachte_paginas=context.get("verwachte_paginas", 40),
    )


def leesbare_reden(fout: BaseException) -> str:
    from celery.exceptions import SoftTimeLimitExceeded

    if isinstance(fout, SoftTimeLimitExceeded):
        return FOUT_TE_LANG
    oorzaak = fout.__cause__ or fout
    if isinstance(oorzaak, pdf.GeweigerdeURL):
        return FOUT_OPMAAK.format(fout=oorzaak)
    if isinstance(fout, OSError):
        return FOUT_OPSLAG.format(soort=type(fout).__name__)
    return FOUT_ONVERWACHT.format(soort=type(fout).__name__)


class _VoortgangMelder:
    """Writes progress to the row, at most once per few percent, and only while this run owns it."""

    STAP = 3

    def __init__(self, eigen_run):
        self.eigen_run = eigen_run
        self.laatste = 0

    def __call__(self, procent: int):
        procent = min(int(procent), 99)
        if procent >= self.laatste + self.STAP:
            self.laatste = procent
            self.eigen_run.update(voortgang=procent)


def bestandsnaam(rapport: Rapport) -> str:
    scope = rapport.onderdeel.code if rapport.onderdeel_id else "ministerie"
    return f"jaarrapportage-integriteit-{rapport.jaar}-{scope}.pdf"


def _relatief_pad(rapport: Rapport) -> str:
    # Fixed per row: a second run for the same row replaces the file instead of adding one.
    return f"{rapport.jaar}/{rapport.pk}-{bestandsnaam(rapport)}"


def _opslaan(rapport: Rapport, inhoud: bytes) -> tuple[str, str]:
    relatief = _relatief_pad(rapport)
    doel = Path(settings.RAPPORT_ROOT) / relatief
    doel.parent.mkdir(parents=True, exist_ok=True)
    descriptor, tijdelijk = tempfile.mkstemp(dir=doel.parent, prefix=f".{rapport.pk}-", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as bestand:
            bestand.write(inhoud)
            bestand.flush()
            os.fsync(bestand.fileno())
        os.replace(tijdelijk, doel)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    return relatief, hashlib.sha256(inhoud).hexdigest()


def _opruimen_tijdelijk(rapport: Rapport) -> None:
    """Remove half-written files of this row, e.g. from a worker that was killed while writing."""
    map_ = Path(settings.RAPPORT_ROOT) / str(rapport.jaar)
    if map_.is_dir():
        for rest in map_.glob(f".{rapport.pk}-*.tmp"):
            rest.unlink(missing_ok=True)


def rapport_pad(rapport: Rapport) -> Path | None:
    """The file of a finished report, only if it lies inside RAPPORT_ROOT and exists."""
    if rapport.status != Rapport.Status.KLAAR or not rapport.bestand:
        return None
    root = Path(settings.RAPPORT_ROOT).resolve()
    pad = (root / rapport.bestand).resolve()
    if not pad.is_relative_to(root) or not pad.is_file():
        return None
    return pad
