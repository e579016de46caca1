"""Documents of a case: add (checked by content and size), download (audited), erase with the case."""

import hashlib
import os
import uuid
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from ..audit import audit_vastleggen
from ..bestandssoort import TOEGESTAAN, soort_van
from ..models import AuditRegel, Document, Melding
from . import fouten


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


def document_toevoegen(*, melding: Melding, door, bestand) -> Document:
    """Store an uploaded file with an open case. ValidationError (nothing stored) when it is too big,
    empty, or not what its name says it is (the content decides, see bestandssoort.py)."""
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
    pad = uuid.uuid4().hex
    doel = _root() / pad
    doel.parent.mkdir(parents=True, exist_ok=True)
    try:
        with transaction.atomic():
            huidig = Melding.objects.select_for_update().get(pk=melding.pk)
            if huidig.is_afgedaan:
                raise ValidationError(fouten.MELDING_AFGEDAAN)
            # Written inside the transaction: when the row cannot be saved the file is removed below.
            with open(doel, "xb") as uit:
                uit.write(inhoud)
            os.chmod(doel, 0o600)
            document = Document.objects.create(
                melding=huidig,
                bestandsnaam=naam,
                soort=soort.code,
                content_type=soort.content_type,
                grootte=len(inhoud),
                sha256=hashlib.sha256(inhoud).hexdigest(),
                pad=pad,
                door=door,
            )
            audit_vastleggen(
                gebruiker=door, actie=AuditRegel.Actie.AANGEMAAKT, object=document, velden=["bestand"]
            )
    except BaseException:
        doel.unlink(missing_ok=True)
        raise
    return document


def document_openen(*, document: Document, door):
    """The file to send, after writing the audit row of the download. None when it was erased."""
    if not document.pad:
        return None
    audit_vastleggen(gebruiker=door, actie=AuditRegel.Actie.GEEXPORTEERD, object=document, velden=["bestand"])
    return open(_root() / document.pad, "rb")


def documenten_wissen(*, melding: Melding) -> None:
    """For the bewaartermijn: remove the files and their names; the rows stay for the timeline."""
    for document in Document.objects.filter(melding=melding).exclude(pad=""):
        (_root() / document.pad).unlink(missing_ok=True)
    Document.objects.filter(melding=melding).update(pad="", bestandsnaam="")
