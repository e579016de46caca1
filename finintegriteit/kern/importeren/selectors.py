"""Reads of import rows: one's own preview, and an earlier import of the same content."""

from django.core.cache import cache
from django.http import Http404
from django.utils.crypto import salted_hmac

from ..models import Importbestand
from .fouten import Fout
from .soorten import importsoort

VOORTGANG_SLEUTEL = "import-voortgang:{pk}"


def eigenaren_van(gebruiker, *, soort: str) -> list[str]:
    """Every pseudonym under which this user's rows of this import may be stored, the current one first.

    The import rows of a Tellijst do not name their vertrouwenspersoon, yet a person's own earlier
    imports are found. The key lives outside the database: SECRET_KEY, or the import's own (see
    Importsoort.eigenaren).
    """
    if gebruiker is None:
        return [""]  # a management command run without a user
    if (eigenaren := importsoort(soort).eigenaren) is not None:
        return eigenaren(gebruiker)
    return [salted_hmac("finintegriteit.importbestand.eigenaar", str(gebruiker.pk)).hexdigest()]


def eigenaar_van(gebruiker, *, soort: str) -> str:
    """The pseudonym a new import row of this user gets."""
    return eigenaren_van(gebruiker, soort=soort)[0]


def importbestand_van(*, gebruiker, pk, soort: str) -> Importbestand:
    """This user's import row; someone else's does not exist (404)."""
    rij = Importbestand.objects.filter(
        pk=pk, soort=soort, eigenaar__in=eigenaren_van(gebruiker, soort=soort)
    ).first()
    if rij is None:
        raise Http404("Import niet gevonden.")
    return rij


def eerdere_import(*, importbestand: Importbestand) -> Importbestand | None:
    """The most recent finished import of exactly this content (same sha256), if any."""
    eerdere = Importbestand.objects.filter(
        soort=importbestand.soort, sha256=importbestand.sha256, status=Importbestand.Status.GEIMPORTEERD
    ).exclude(pk=importbestand.pk)
    if importsoort(importbestand.soort).anoniem:
        eerdere = eerdere.filter(eigenaar=importbestand.eigenaar)
    return eerdere.order_by("-klaar_op").first()


def fouten_van(importbestand: Importbestand) -> list[Fout]:
    return [Fout.van_dict(f) for f in importbestand.fouten]


def voortgang_van(importbestand: Importbestand) -> int:
    """Percentage done: on the row, or (while the writing transaction has not committed) in the cache."""
    if importbestand.status != Importbestand.Status.BEZIG:
        return importbestand.voortgang
    return max(importbestand.voortgang, cache.get(VOORTGANG_SLEUTEL.format(pk=importbestand.pk)) or 0)


def recente_imports(*, soort: str, gebruiker=None, aantal: int = 10):
    rijen = Importbestand.objects.filter(soort=soort, status=Importbestand.Status.GEIMPORTEERD)
    if gebruiker is not None:
        rijen = rijen.filter(eigenaar__in=eigenaren_van(gebruiker, soort=soort))
    return rijen.select_related("door")[:aantal]
