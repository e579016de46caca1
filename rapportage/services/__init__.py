"""Writes of the rapportage app: request a jaarrapportage, generate it (the Celery task's work), retry.

A report is a row (`Rapport`) that moves wachtrij -> bezig -> klaar | mislukt. The page polls the row,
never Celery's result store. Generation is safe to run more than once for the same row: a worker
claims the row with a conditional UPDATE, writes the file under a name of its own attempt, and marks
it klaar with a second conditional UPDATE, so exactly one run completes it.

Faults: while a run works it beats a heart (`hartslag_op`) from a thread. A 'bezig' row whose heart
stopped for RAPPORT_OVERNAME_SECONDEN belongs to a killed worker: the next message for it (Redis hands
an unacknowledged message out again, the beat task `rapporten_herstellen` offers it) takes it over.
Every claim counts in `pogingen`; after RAPPORT_MAX_POGINGEN the row is marked mislukt instead.
"""

import logging
import threading
from contextlib import contextmanager
from datetime import timedelta
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from finintegriteit.kern import rollen
from finintegriteit.kern.taken import taak_aanbieden

from .. import opslag, pdf
from ..models import Rapport
from ..toegang import onderdeel_van

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
FOUT_TE_VAAK_AFGEBROKEN = (
    "Het maken van het rapport is {pogingen} keer afgebroken (de verwerking stopte onverwacht). "
    "Probeer het opnieuw; lukt het dan weer niet, meld het aan de functioneel beheerder."
)
FOUT_OPSLAG = "Het rapport kon niet worden opgeslagen ({soort}). Meld dit aan de functioneel beheerder."
FOUT_OPMAAK = "Een onderdeel van de opmaak (lettertype of stijlblad) ontbreekt: {fout}"
FOUT_NIET_OPNIEUW = "Dit rapport is klaar of wordt nog gemaakt; opnieuw proberen is niet nodig."
FOUT_ANDER_ONDERDEEL = "U kunt alleen rapporten van uw eigen onderdeel aanvragen."
FOUT_GEEN_COORDINATOR = "Alleen een integriteitscoördinator kan een jaarrapportage aanvragen."
FOUT_JAAR = "Kies een jaar tussen {van} en {tot}."

EERSTE_JAAR = 2000
ACTIEF = (Rapport.Status.WACHTRIJ, Rapport.Status.BEZIG)


def jaar_controleren(jaar: int) -> None:
    """A report can be asked for any year from EERSTE_JAAR up to and including the current one."""
    huidig_jaar = timezone.localdate().year
    if not EERSTE_JAAR <= jaar <= huidig_jaar:
        raise ValidationError({"jaar": FOUT_JAAR.format(van=EERSTE_JAAR, tot=huidig_jaar)})


def lopend_rapport_vergrendelen(*, jaar: int, onderdeel, soort: str) -> Rapport | None:
    """The waiting or running row of this year, scope and kind, locked until the end of the transaction.

    The database allows one such row; a new request reuses it instead of queueing the same work twice.
    """
    return (
        Rapport.objects.select_for_update()
        .filter(jaar=jaar, onderdeel=onderdeel, soort=soort, status__in=ACTIEF)
        .first()
    )


def tijdslimiet() -> timedelta:
    """After this long a 'bezig' row is taken over whatever its heart says (Celery's hard time limit)."""
    return timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def overnametijd() -> timedelta:
    """A run whose heart has not beaten for this long is dead (its worker was killed)."""
    return timedelta(seconds=settings.RAPPORT_OVERNAME_SECONDEN)


def _dood(nu) -> Q:
    """'bezig' rows of a dead run: no heartbeat for the takeover time, or older than the time limit.

    A row without a heartbeat (claimed before heartbeats existed) counts from its start.
    """
    stil = nu - overnametijd()
    return Q(status=Rapport.Status.BEZIG) & (
        Q(hartslag_op__lt=stil)
        | Q(hartslag_op__isnull=True, gestart_op__lt=stil)
        | Q(gestart_op__isnull=True)
        | Q(gestart_op__lt=nu - tijdslimiet())
    )


def is_vastgelopen(rapport: Rapport) -> bool:
    """'bezig' without a sign of life: the worker died; the row may be taken over."""
    if rapport.status != Rapport.Status.BEZIG:
        return False
    nu = timezone.now()
    laatst = rapport.hartslag_op or rapport.gestart_op
    return (
        laatst is None
        or laatst < nu - overnametijd()
        or (rapport.gestart_op is not None and rapport.gestart_op < nu - tijdslimiet())
    )


def rapport_in_behandeling(*, rapport_pk: int) -> bool:
    """A live run owns the row (a second message for it should wait and look again)."""
    nu = timezone.now()
    return Rapport.objects.filter(pk=rapport_pk, status=Rapport.Status.BEZIG).exclude(_dood(nu)).exists()


# --- Request and retry --------------------------------------------------------------------------


def rapport_aanvragen(*, door, jaar: int, onderdeel=None) -> Rapport:
    """Queue a jaarrapportage for one year and scope; an identical active request is reused."""
    if not rollen.heeft_rol(door, rollen.COORDINATOR):
        raise PermissionDenied(FOUT_GEEN_COORDINATOR)
    eigen = onderdeel_van(gebruiker=door)
    if eigen is not None and onderdeel != eigen:
        raise PermissionDenied(FOUT_ANDER_ONDERDEEL)
    jaar_controleren(jaar)
    with transaction.atomic():
        lopend = lopend_rapport_vergrendelen(jaar=jaar, onderdeel=onderdeel, soort=Rapport.Soort.RAPPORT)
        if lopend is not None and lopend.status == Rapport.Status.BEZIG:
            if not is_vastgelopen(lopend):
                return lopend
            # The database allows one active row per year and scope: a dead run is asked again
            # instead of getting a second row beside it.
            return rapport_opnieuw(rapport=lopend, door=door)
        # A waiting row is queued once more: its message may have been lost (broker down or
        # flushed), and a duplicate message is harmless because only one run can claim the row.
        rapport = lopend or Rapport.objects.create(jaar=jaar, onderdeel=onderdeel, aangevraagd_door=door)
        transaction.on_commit(partial(rapport_in_wachtrij_zetten, rapport_pk=rapport.pk))
    return rapport


def rapport_opnieuw(*, rapport: Rapport, door) -> Rapport:
    """Queue a failed, stuck or never-queued report again (the 'Opnieuw proberen' button)."""
    if not rollen.heeft_rol(door, rollen.COORDINATOR):
        raise PermissionDenied(FOUT_GEEN_COORDINATOR)
    with transaction.atomic():
        bijgewerkt = (
            Rapport.objects.filter(pk=rapport.pk)
            .filter(Q(status__in=[Rapport.Status.MISLUKT, Rapport.Status.WACHTRIJ]) | _dood(timezone.now()))
            .update(
                status=Rapport.Status.WACHTRIJ,
                reden="",
                voortgang=0,
                gestart_op=None,
                hartslag_op=None,
                klaar_op=None,
                # Asked again by a person: the attempts count afresh.
                pogingen=0,
            )
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

    from ..tasks import rapport_genereren_taak

    wachtend = Rapport.objects.filter(pk=rapport_pk, status=Rapport.Status.WACHTRIJ)
    # Before sending: with eager Celery (development) the task has already run when delay() returns.
    wachtend.update(reden="", aangeboden_op=timezone.now())
    try:
        taak_aanbieden(rapport_genereren_taak, rapport_pk)
    except (OperationalError, ConnectionError, OSError):
        logger.warning(
            "Wachtrij onbereikbaar; rapport %s blijft in de wachtrij staan", rapport_pk, exc_info=True
        )
        # aangeboden_op empty: the beat task offers it again once the queue is back.
        wachtend.update(reden=FOUT_WACHTRIJ_ONBEREIKBAAR, aangeboden_op=None)
        return False
    return True


def rapporten_herstellen() -> dict[str, int]:
    """Offer again what no worker will pick up by itself (the beat task, every minute or so).

    1. 'bezig' rows of a dead run: marked mislukt after RAPPORT_MAX_POGINGEN attempts, else offered.
    2. 'wachtrij' rows the queue never took (Redis was down: aangeboden_op empty), a minute after the
       request so that a request whose own on_commit is still sending is left alone.
    3. 'wachtrij' rows offered longer than RAPPORT_WACHTRIJ_OPNIEUW_SECONDEN ago: the message may be
       lost (Redis restarted without its data). A duplicate message is harmless: only one run claims.
    Returns the counts, for the log.
    """
    nu = timezone.now()
    opgegeven = _opgeven_na_te_veel_pogingen(Rapport.objects.all(), nu=nu)
    dood = list(Rapport.objects.filter(_dood(nu)).values_list("pk", flat=True))
    nooit_aangenomen = Q(aangeboden_op__isnull=True, aangevraagd_op__lt=nu - timedelta(minutes=1))
    lang_geleden = Q(aangeboden_op__lt=nu - timedelta(seconds=settings.RAPPORT_WACHTRIJ_OPNIEUW_SECONDEN))
    wachtend = list(
        Rapport.objects.filter(status=Rapport.Status.WACHTRIJ)
        .filter(nooit_aangenomen | lang_geleden)
        .values_list("pk", flat=True)
    )
    aangeboden = 0
    for pk in dood + wachtend:
        if not rapport_in_wachtrij_zetten(rapport_pk=pk):
            break  # the queue is down: the next run tries again
        aangeboden += 1
    if opgegeven or dood or wachtend:
        logger.warning(
            "Rapporten hersteld: %s opgegeven, %s van een gestopte worker en %s wachtende aangeboden",
            opgegeven,
            len(dood),
            len(wachtend),
        )
    return {"opgegeven": opgegeven, "aangeboden": aangeboden}


def _opgeven_na_te_veel_pogingen(rapporten, *, nu) -> int:
    """Dead runs that used up their attempts become mislukt, with a reason the user can act on."""
    maximum = settings.RAPPORT_MAX_POGINGEN
    return rapporten.filter(_dood(nu), pogingen__gte=maximum).update(
        status=Rapport.Status.MISLUKT,
        reden=FOUT_TE_VAAK_AFGEBROKEN.format(pogingen=maximum),
        klaar_op=nu,
    )


# --- Generation ---------------------------------------------------------------------------------


def rapport_claimen(*, rapport_pk: int):
    """Take the row for this worker; returns the claim time, or None when another run owns it.

    A 'bezig' row of a dead run (see `_dood`) was left by a killed worker and is taken over, unless
    it used up its attempts: then it becomes mislukt.
    """
    nu = timezone.now()
    rij = Rapport.objects.filter(pk=rapport_pk)
    vrij = Q(status=Rapport.Status.WACHTRIJ) | _dood(nu)
    genomen = rij.filter(vrij, pogingen__lt=settings.RAPPORT_MAX_POGINGEN).update(
        status=Rapport.Status.BEZIG,
        gestart_op=nu,
        hartslag_op=nu,
        pogingen=F("pogingen") + 1,
        voortgang=1,
        reden="",
        klaar_op=None,
    )
    if genomen == 1:
        return nu
    _opgeven_na_te_veel_pogingen(rij, nu=nu)
    return None


def rapport_genereren(*, rapport_pk: int, hartslag: bool = False) -> Rapport | None:
    """Make the PDF of one Rapport row. Returns the row when this run completed it, else None.

    1. Claim the row (conditional UPDATE); stop quietly if it is gone, done or owned by a live run.
       With `hartslag` (in a worker) a thread shows that this run is alive until it returns.
    2. Compute the figures and render the HTML, then the PDF; progress goes to the row as it grows.
    3. Write the file under a name of this attempt (temp file renamed into place), with its SHA-256.
    4. Mark the row klaar only if this run still owns it (same gestart_op); then remove files that
       killed attempts of this row left. A run that lost the row removes its own file instead.
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
    opslag.tijdelijke_opruimen(rapport)
    with _hartslag(eigen_run, seconden=settings.RAPPORT_HARTSLAG_SECONDEN if hartslag else 0):
        try:
            relatief, sha256, vaststelling = _bestand_maken(rapport, melder)
        except Exception as fout:
            logger.exception("Rapport %s mislukt", rapport_pk)
            opslag.tijdelijke_opruimen(rapport)
            eigen_run.update(
                status=Rapport.Status.MISLUKT, reden=leesbare_reden(fout)[:500], klaar_op=timezone.now()
            )
            return None
    klaar = eigen_run.update(
        status=Rapport.Status.KLAAR,
        voortgang=100,
        bestand=relatief,
        sha256=sha256,
        vaststelling=vaststelling,
        reden="",
        klaar_op=timezone.now(),
    )
    if vaststelling is not None:
        # The adopted PDF is the adoption's own file: never removed, whichever run completes the row.
        rapport.refresh_from_db()
        return rapport if klaar else None
    if not klaar:
        # Another run took the row over (or the request was deleted): its file is the one that counts.
        logger.warning("Rapport %s: deze run was de rij kwijt; eigen bestand verwijderd", rapport_pk)
        (Path(settings.RAPPORT_ROOT) / relatief).unlink(missing_ok=True)
        return None
    opslag.andere_pogingen_opruimen(rapport, behalve=relatief)
    rapport.refresh_from_db()
    return rapport


def _bestand_maken(rapport: Rapport, melder) -> tuple[str, str, object]:
    """(relative path, SHA-256, Vaststelling or None) of the file this row asks for."""
    if rapport.soort == Rapport.Soort.VASTSTELLING:
        from ..vaststelling.services import vaststelling_van_aanvraag

        vaststelling = vaststelling_van_aanvraag(rapport=rapport, voortgang=melder)
        return vaststelling.bestand, vaststelling.sha256, vaststelling
    inhoud = rapport_pdf_maken(jaar=rapport.jaar, onderdeel=rapport.onderdeel, voortgang=melder)
    return *opslag.opslaan(rapport, inhoud), None


@contextmanager
def _hartslag(eigen_run, *, seconden: float):
    """While the block runs, touch `hartslag_op` every few seconds from a thread of this process.

    A killed process stops beating, which is what lets another worker take over. Rendering holds the
    main thread for minutes at a time, hence a thread; it has its own database connection.
    """
    if not seconden:
        yield
        return
    stoppen = threading.Event()

    def kloppen():
        try:
            while not stoppen.wait(seconden):
                try:
                    eigen_run.update(hartslag_op=timezone.now())
                except Exception:  # a database hiccup must not end the beating
                    logger.warning("Hartslag van een rapport niet vastgelegd", exc_info=True)
        finally:
            connection.close()

    draad = threading.Thread(target=kloppen, name="rapport-hartslag", daemon=True)
    draad.start()
    try:
        yield
    finally:
        stoppen.set()
        draad.join(timeout=seconden + 10)


def rapport_pdf_maken(*, jaar: int, onderdeel=None, voortgang=None, tellijst=None) -> bytes:
    """Figures -> HTML -> PDF bytes; shared by the task and `manage.py genereer_jaarrapportage`.

    The Tellijst as last published (a requested report is a page like any other), unless `tellijst`
    says otherwise: the command passes the live rows.
    """
    from .. import inhoud

    melden = voortgang or (lambda procent: None)
    context = inhoud.rapport_context(jaar=jaar, onderdeel=onderdeel, tellijst=tellijst)
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
    if isinstance(fout, ValidationError | PermissionDenied):
        # Our own Dutch messages (e.g. 'al vastgesteld'): the user can act on them as they are.
        return " ".join(getattr(fout, "messages", None) or [str(fout)])
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
            self.eigen_run.update(voortgang=procent, hartslag_op=timezone.now())
