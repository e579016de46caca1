"""Adopt a year's report: freeze the figures (exporteer_cijfers JSON), the texts and the PDF.

An adoption is never changed: there is no service that updates or removes one, and the PDF is written
once under a name of its own.
"""

from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from vertrouwenspersonen.regels import sluitdatum_tekst

from ..models import Rapport, Vaststelling
from ..opslag import atomair_schrijven
from ..selectors.tellijstbron import gepubliceerd
from ..toegang import onderdeel_van, scope_naam
from . import bevriezen, selectors

RECHT = "rapportage.rapport_vaststellen"
FOUT_GEEN_RECHT = "U hebt niet het recht om een jaarrapportage vast te stellen."
FOUT_ANDER_ONDERDEEL = "U kunt alleen het rapport van uw eigen onderdeel vaststellen."
FOUT_AL_VASTGESTELD = "Het rapport over {jaar} ({scope}) is al vastgesteld op {op:%d-%m-%Y} door {door}."
FOUT_TOEKOMST = (
    "De cijfers over {jaar} kunnen nog niet worden vastgesteld of ingelezen: het jaar is niet voorbij."
)
FOUT_TELLIJST_OPEN = (
    "De cijfers over {jaar} kunnen nog niet worden vastgesteld of ingelezen: de Tellijst van {jaar} sluit op "
    "{sluitdatum} en de cijfers zijn exact vanaf de publicatie op die dag."
)


def _al_vastgesteld(*, jaar: int, onderdeel, op, door) -> ValidationError:
    return ValidationError(
        FOUT_AL_VASTGESTELD.format(jaar=jaar, scope=scope_naam(onderdeel), op=op, door=door)
    )


def _niet_al_vastgesteld(*, jaar: int, onderdeel) -> None:
    """An adoption is never replaced: refuse a year that already has one, saying when and by whom."""
    bestaand = selectors.vaststelling_van(jaar=jaar, onderdeel=onderdeel)
    if bestaand is not None:
        raise _al_vastgesteld(
            jaar=jaar, onderdeel=onderdeel, op=bestaand.vastgesteld_op, door=bestaand.vastgesteld_door
        )


def mag_vaststellen(*, gebruiker, onderdeel=None) -> bool:
    eigen = onderdeel_van(gebruiker=gebruiker)
    return gebruiker.has_perm(RECHT) and (eigen is None or eigen == onderdeel)


def _schrijf(relatief: str, inhoud: bytes) -> None:
    doel = Path(settings.RAPPORT_ROOT) / relatief
    doel.parent.mkdir(parents=True, exist_ok=True)
    # An adopted PDF is never overwritten: writing fails if the name exists.
    atomair_schrijven(doel, inhoud, prefix=".vastgesteld-", overschrijven=False)


def _controleren(*, jaar: int, onderdeel, door) -> None:
    """The right, the scope, a year that is over and not yet adopted; else PermissionDenied or
    ValidationError."""
    if not door.has_perm(RECHT):
        raise PermissionDenied(FOUT_GEEN_RECHT)
    if not mag_vaststellen(gebruiker=door, onderdeel=onderdeel):
        raise PermissionDenied(FOUT_ANDER_ONDERDEEL)
    _jaar_afgesloten(jaar=jaar)
    _niet_al_vastgesteld(jaar=jaar, onderdeel=onderdeel)


def _jaar_afgesloten(*, jaar: int) -> None:
    """A year that is over, with a Tellijst closed as of the latest publication; else ValidationError.

    Asked before anything that looks at rows: a closed year's Tellijst rows no longer change, so no answer
    that follows can tell when a vertrouwenspersoon saved one.
    """
    if jaar >= timezone.localdate().year:
        raise ValidationError(FOUT_TOEKOMST.format(jaar=jaar))
    if not gepubliceerd().exact(jaar=jaar):
        raise ValidationError(FOUT_TELLIJST_OPEN.format(jaar=jaar, sluitdatum=sluitdatum_tekst(jaar)))


def bezwaar_tegen_vaststellen(*, jaar: int, onderdeel=None, door) -> str | None:
    """Why this year and scope cannot be adopted now, in the words of the refusal; None if they can.

    The page asks this before it offers the irreversible button, so nobody confirms in vain.
    """
    try:
        _controleren(jaar=jaar, onderdeel=onderdeel, door=door)
    except ValidationError as fout:
        return " ".join(fout.messages)
    except PermissionDenied as fout:
        return str(fout)
    return None


def vaststelling_aanvragen(*, jaar: int, onderdeel=None, door) -> Rapport:
    """Queue the adoption as a report task (rendering the PDF takes too long for a request).

    The checks run now as well, so that a refusal is shown at once instead of as a failed row; the task
    checks again (someone else may adopt in between). A request already in the making is reused.
    """
    from ..services import lopend_rapport_vergrendelen, rapport_in_wachtrij_zetten

    _controleren(jaar=jaar, onderdeel=onderdeel, door=door)
    with transaction.atomic():
        lopend = lopend_rapport_vergrendelen(jaar=jaar, onderdeel=onderdeel, soort=Rapport.Soort.VASTSTELLING)
        if lopend is not None:
            return lopend
        rapport = Rapport.objects.create(
            jaar=jaar, onderdeel=onderdeel, aangevraagd_door=door, soort=Rapport.Soort.VASTSTELLING
        )
        transaction.on_commit(partial(rapport_in_wachtrij_zetten, rapport_pk=rapport.pk))
    return rapport


def vaststelling_van_aanvraag(*, rapport: Rapport, voortgang=None) -> Vaststelling:
    """The adoption a queued request asks for (the task's work).

    A run that takes over the row of a run killed after it had saved the adoption finds that adoption
    (linked to the row in the same transaction), instead of failing on 'al vastgesteld'.
    """
    eerder = Rapport.objects.filter(pk=rapport.pk).values_list("vaststelling", flat=True).first()
    if eerder is not None:
        return Vaststelling.objects.get(pk=eerder)
    return rapport_vaststellen(
        jaar=rapport.jaar,
        onderdeel=rapport.onderdeel,
        door=rapport.aangevraagd_door,
        voortgang=voortgang,
        aanvraag=rapport,
    )


def rapport_vaststellen(
    *, jaar: int, onderdeel=None, door, voortgang=None, aanvraag: Rapport | None = None
) -> Vaststelling:
    """1. Check the right (and the scope of a coordinator of one onderdeel) and that it is not adopted.
       `voortgang` (from the task) hears the progress in percent, as for any report.
    2. Count the figures once; freeze them as the export JSON and as the report's full figures.
    3. Freeze the year's structure, texts and named key figures.
    4. Render the PDF from exactly those frozen figures and texts, with the colophon on the cover.
    5. Write the PDF under a name of its own and store the row; a second adoption at the same time
       loses on the unique constraint and leaves nothing behind.
    """
    from .. import inhoud, pdf
    from ..selectors import export_uit_jaarcijfers
    from ..teksten import selectors as teksten
    from .selectors import eerdere_vaststellingen
    from .vergelijking import met_vastgestelde_jaren

    melden = voortgang or (lambda procent: None)
    _controleren(jaar=jaar, onderdeel=onderdeel, door=door)
    # What the coordinator sees on every page: the Tellijst as last published, never the live rows.
    cijfers = inhoud.paginacijfers(jaar=jaar, onderdeel=onderdeel)
    cijfers_json = bevriezen.als_json(export_uit_jaarcijfers(cijfers))
    # Earlier years as the report compares them (their adopted figures), frozen with the rest.
    eerder = eerdere_vaststellingen(jaar=jaar, onderdeel=onderdeel)
    cijfers["vergelijking_voetnoten"] = met_vastgestelde_jaren(cijfers, eerder) if eerder else {}
    grondslag_json = bevriezen.als_json(cijfers)
    teksten_json = bevriezen.teksten_als_json(
        teksten.rapportdelen(jaar=jaar), teksten.benoemde_kerncijfers(jaar=jaar)
    )
    vaststelling = Vaststelling(
        jaar=jaar,
        onderdeel=onderdeel,
        cijfers_json=cijfers_json,
        cijfers_sha256=bevriezen.sha256(cijfers_json),
        grondslag_json=grondslag_json,
        teksten_json=teksten_json,
        vastgesteld_door=door,
        vastgesteld_op=timezone.now(),
    )
    # Rendered from the frozen JSON, not from `cijfers`: the PDF is what any later copy will show.
    melden(20)
    context = inhoud.rapport_context(jaar=jaar, onderdeel=onderdeel, vaststelling=vaststelling)
    html = pdf.rapport_html(context)
    melden(30)
    inhoud_pdf = pdf.html_naar_pdf(
        html,
        voortgang=voortgang,
        voortgang_van=30,
        voortgang_tot=90,
        verwachte_paginas=context.get("verwachte_paginas", 40),
    )
    scope = onderdeel.code if onderdeel is not None else "ministerie"
    vaststelling.bestand = (
        f"vastgesteld/{jaar}-{scope}-v{vaststelling.versie}-{vaststelling.cijfers_sha256[:12]}.pdf"
    )
    vaststelling.sha256 = bevriezen.sha256_bytes(inhoud_pdf)
    try:
        with transaction.atomic():
            vaststelling.save()
            if aanvraag is not None:
                Rapport.objects.filter(pk=aanvraag.pk).update(vaststelling=vaststelling)
            _schrijf(vaststelling.bestand, inhoud_pdf)
    except (IntegrityError, FileExistsError):
        # Another adoption of the same year won the race between the check and the write.
        raise _al_vastgesteld(jaar=jaar, onderdeel=onderdeel, op=timezone.now(), door="een ander") from None
    return vaststelling


# --- History from published reports ----------------------------------------------------------------

FOUT_GEEN_JSON = "Het bestand is geen cijferexport (JSON van exporteer_cijfers): {fout}"
FOUT_VORM = "Het bestand mist ‘{sleutel}’; gebruik de vorm van exporteer_cijfers."
FOUT_ONBEKEND_ONDERDEEL = "Het bestand noemt een onbekend onderdeel: ‘{naam}’."
FOUT_JAAR_MET_RIJEN = (
    "Over {jaar} staan al rijen in het systeem ({delen}). Ingelezen cijfers zijn alleen voor een jaar "
    "zonder rijen; stel het rapport van {jaar} vast in plaats daarvan."
)
DELEN = {"tellijst": "Tellijst", "oif_meldingen": "OIF-meldingen", "oif_afdoeningen": "OIF-afdoeningen"}


def _gelezen(tekst: str) -> tuple[dict, object]:
    import json

    from finintegriteit.referentie.models import Onderdeel
    from finintegriteit.referentie.selectors import LabelZoeker

    try:
        cijfers = json.loads(tekst)
    except ValueError as fout:
        raise ValidationError(FOUT_GEEN_JSON.format(fout=fout)) from None
    if not isinstance(cijfers, dict):
        raise ValidationError(FOUT_GEEN_JSON.format(fout="geen object"))
    if not isinstance(cijfers.get("jaar"), int) or isinstance(cijfers.get("jaar"), bool):
        raise ValidationError(FOUT_VORM.format(sleutel="jaar"))
    for sleutel in ("vertrouwenspersonen", "oif", "kerncijfers"):
        if not isinstance(cijfers.get(sleutel), dict):
            raise ValidationError(FOUT_VORM.format(sleutel=sleutel))
    onderdeel = None
    if cijfers.get("onderdeel"):
        onderdeel = LabelZoeker(Onderdeel).zoek(str(cijfers["onderdeel"]))
        if onderdeel is None:
            raise ValidationError(FOUT_ONBEKEND_ONDERDEEL.format(naam=cijfers["onderdeel"]))
    return cijfers, onderdeel


def cijfers_importeren(*, tekst: str, door) -> Vaststelling:
    """Load a published year's figures (export JSON) as the adopted figures of a year without rows.

    1. Read and check the shape; the year and scope come from the file itself.
    2. Refuse without the right, outside one's onderdeel, for a year that is not closed (as an
       adoption), has rows of any part of the system, or is already adopted or imported.
    3. Store the text as it is (exporteer_cijfers --vastgesteld prints it back unchanged).
    """
    from ..selectors.gegevens import jaren_met_gegevens

    cijfers, onderdeel = _gelezen(tekst)
    jaar = cijfers["jaar"]
    if not door.has_perm(RECHT):
        raise PermissionDenied(FOUT_GEEN_RECHT)
    if not mag_vaststellen(gebruiker=door, onderdeel=onderdeel):
        raise PermissionDenied(FOUT_ANDER_ONDERDEEL)
    _jaar_afgesloten(jaar=jaar)
    met_rijen = [DELEN[deel] for deel, jaren in jaren_met_gegevens(jaar=jaar).items() if jaar in jaren]
    if met_rijen:
        raise ValidationError(FOUT_JAAR_MET_RIJEN.format(jaar=jaar, delen=", ".join(met_rijen)))
    _niet_al_vastgesteld(jaar=jaar, onderdeel=onderdeel)
    bewaard = tekst.strip()
    try:
        with transaction.atomic():
            return Vaststelling.objects.create(
                jaar=jaar,
                onderdeel=onderdeel,
                bron=Vaststelling.Bron.IMPORT,
                cijfers_json=bewaard,
                cijfers_sha256=bevriezen.sha256(bewaard),
                vastgesteld_door=door,
                vastgesteld_op=timezone.now(),
            )
    except IntegrityError:
        # Another adoption of the same year won the race between the check and the write.
        raise _al_vastgesteld(jaar=jaar, onderdeel=onderdeel, op=timezone.now(), door="een ander") from None
