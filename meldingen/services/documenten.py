"""Documents of a case: add (checked by content and size), download (audited), erase with the case."""

import datetime
import hashlib
import os
import uuid
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finintegriteit.kern.datums import begin_van_vandaag
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen

from .. import metadata
from ..bestandssoort import TOEGESTAAN, soort_van
from ..models import Document, Melding, Opschoning
from . import fouten
from .status import stap_datum_controleren, terugdateren


def _root() -> Path:
    return Path(settings.DOCUMENT_ROOT)


def _mb(aantal: int) -> str:
    return f"{aantal / (1024 * 1024):.0f}"


def _veilige_naam(naam: str) -> str:
    """Only the last part of what the browser sent, without control characters, at most 255 long."""
    naam = PurePath((naam or "").replace("\\", "/")).name
    naam = "".join(c for c in naam if c.isprintable() and c not in '"<>|:*?')
    stam, extensie = os.path.splitext(naam.strip())
    return f"{stam[: 255 - len(extensie)]}{extensie}" or "document"


def _melder_naam(melding: Melding, soort) -> str:
    """The name a melder's file is kept under: 'bijlage-<n>' and the extension of what it really is.

    The browser's name is never stored: a camera or scanner puts the capture time or the owner's name in
    it (IMG_20261205_055812_JanJansen.jpg). Numbered per melding by the rows already there (also erased
    ones), counted under the melding's row lock, so two aanvullingen never get the same number.
    """
    eerdere = Document.objects.filter(melding=melding).exclude(opschoning="").count()
    return f"bijlage-{eerdere + 1}{soort.extensies[0]}"


def _alleen_de_dag(pad: Path, dag: datetime.datetime) -> None:
    """Access and modification time of a melder's file back to the day start its row carries: the file
    system must not tell the second the database hides. ctime cannot be set (docs/beveiliging.md)."""
    tijdstip = dag.timestamp()
    os.utime(pad, (tijdstip, tijdstip))


def _opgeschoond(inhoud: bytes, *, soort: str) -> tuple[bytes, str]:
    """A melder's file as it is stored, and what happened to its metadata (meldingen/metadata.py).

    Cleaned here, before anything is written: the original, with its camera, GPS position or author,
    never reaches the disk, and a photo or PDF that cannot be cleaned (damaged, protected) is refused
    while the melder can still choose another file; the form promises that these kinds are cleaned.
    Word, e-mail and the like are kept as they are: the melder was told so beforehand.
    """
    if soort not in metadata.OPSCHOONBAAR:
        return inhoud, Opschoning.NIET_MOGELIJK
    resultaat = metadata.opschonen(inhoud, soort=soort)
    if resultaat.inhoud is None:
        raise ValidationError({"bestand": fouten.BIJLAGE_NIET_OP_TE_SCHONEN.format(uitleg=resultaat.uitleg)})
    return resultaat.inhoud, Opschoning.VERWIJDERD


def document_toevoegen(
    *,
    melding: Melding,
    door,
    bestand,
    van_melder: bool = False,
    gebeurd_op: datetime.datetime | None = None,
) -> Document:
    """Store an uploaded file with an open case. ValidationError (nothing stored) when it is too big,
    empty, or not what its name says it is (the content decides, see bestandssoort.py).

    `van_melder`: sent through the meldkanaal (door is None). The file is stored without its metadata
    (`_opgeschoond`); the row and the file's times carry only the day, not the time of the upload, and
    the name is a neutral 'bijlage-<n>.<ext>' instead of the browser's.
    `gebeurd_op`: for demo data and imports only, as in melding_status_wijzigen.
    """
    maximum = settings.DOCUMENT_MAX_BYTES
    if (getattr(bestand, "size", 0) or 0) > maximum:
        raise ValidationError({"bestand": fouten.DOCUMENT_TE_GROOT.format(maximum=_mb(maximum))})
    inhoud = bestand.read(maximum + 1)
    if len(inhoud) > maximum:
        raise ValidationError({"bestand": fouten.DOCUMENT_TE_GROOT.format(maximum=_mb(maximum))})
    if not inhoud:
        raise ValidationError({"bestand": fouten.DOCUMENT_LEEG})
    naam = _veilige_naam(getattr(bestand, "name", ""))
    soort = soort_van(inhoud, extensie=os.path.splitext(naam)[1])
    if soort is None:
        raise ValidationError({"bestand": fouten.DOCUMENT_SOORT.format(toegestaan=", ".join(TOEGESTAAN))})
    opschoning = ""
    if van_melder:
        inhoud, opschoning = _opgeschoond(inhoud, soort=soort.code)
    pad = uuid.uuid4().hex
    doel = _root() / pad
    doel.parent.mkdir(parents=True, exist_ok=True)
    try:
        with transaction.atomic():
            huidig = Melding.objects.select_for_update().get(pk=melding.pk)
            if huidig.is_afgedaan:
                raise ValidationError(fouten.MELDING_AFGEDAAN)
            if gebeurd_op is not None:
                stap_datum_controleren(huidig, gebeurd_op)
            if van_melder:
                naam, dag = _melder_naam(huidig, soort), begin_van_vandaag()
            # Written inside the transaction: when the row cannot be saved the file is removed below.
            with open(doel, "xb") as uit:
                uit.write(inhoud)
            os.chmod(doel, 0o600)
            if van_melder:
                _alleen_de_dag(doel, dag)
            document = Document.objects.create(
                melding=huidig,
                bestandsnaam=naam,
                soort=soort.code,
                content_type=soort.content_type,
                grootte=len(inhoud),
                sha256=hashlib.sha256(inhoud).hexdigest(),
                pad=pad,
                door=None if van_melder else door,
                opschoning=opschoning,
                # A melder's file is inserted with the day, never updated to it: the old row version
                # would keep the time in the table's pages and the WAL.
                op=dag if van_melder else timezone.now(),
            )
            gedateerd = terugdateren(document, gebeurd_op)
            audit_vastleggen(
                gebruiker=door,
                actie=AuditRegel.Actie.AANGEMAAKT,
                object=document,
                velden=["bestand", *gedateerd],
            )
    except BaseException:
        doel.unlink(missing_ok=True)
        raise
    return document


def document_openen(*, document: Document, door):
    """The file to send, after writing the audit row of the download; None when it was erased."""
    if not document.pad:
        return None
    audit_vastleggen(gebruiker=door, actie=AuditRegel.Actie.GEEXPORTEERD, object=document, velden=["bestand"])
    return open(_root() / document.pad, "rb")


def bestanden_opruimen(*, documenten: list[Document]) -> None:
    """Remove the files of documents whose rows are being rolled back (a later file of the same upload
    was refused), so that no file without a row stays behind."""
    for document in documenten:
        if document.pad:
            (_root() / document.pad).unlink(missing_ok=True)


def documenten_wissen(*, melding: Melding) -> None:
    """For the bewaartermijn: remove the files and their names; the rows stay for the timeline."""
    for document in Document.objects.filter(melding=melding).exclude(pad=""):
        (_root() / document.pad).unlink(missing_ok=True)
    Document.objects.filter(melding=melding).update(pad="", bestandsnaam="")
