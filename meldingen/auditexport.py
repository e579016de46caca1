"""The audit trail as an .xlsx workbook for an auditor: the rows of the page's filter, named as on the
page, and no cell that a spreadsheet would run as a formula. Free-text reasons are case content and
stay out, as they stay off the page."""

from io import BytesIO

from django.utils import timezone
from openpyxl import Workbook

from finintegriteit.kern.export import veilige_rij

from .auditnamen import auditregels_benoemen

KOLOMMEN = ["Tijdstip", "Gebruiker", "Actie", "Object", "Melding", "Velden", "Ook getoond", "Controlewaarde"]
BLOK = 2000
# An auditor's question is about a period or a person; a bigger selection asks for a narrower filter.
MAX_REGELS = 100_000


def audittrail_werkmap(regels) -> bytes:
    """The rows of a queryset (newest first, as on the page) in one sheet; names per block of rows."""
    boek = Workbook(write_only=True)
    blad = boek.create_sheet("Audittrail")
    blad.append(KOLOMMEN)
    blok = []
    for regel in regels.iterator(chunk_size=BLOK):
        blok.append(regel)
        if len(blok) == BLOK:
            _schrijf(blad, blok)
            blok = []
    _schrijf(blad, blok)
    uitvoer = BytesIO()
    boek.save(uitvoer)
    return uitvoer.getvalue()


def _schrijf(blad, blok) -> None:
    for b in auditregels_benoemen(blok):
        regel = b.regel
        blad.append(
            veilige_rij(
                [
                    timezone.localtime(regel.op).strftime("%d-%m-%Y %H:%M:%S"),
                    regel.gebruiker.username if regel.gebruiker else "",
                    regel.get_actie_display(),
                    b.object,
                    b.nummer,
                    ", ".join(b.velden),
                    ", ".join(b.getoond),
                    regel.hash,
                ]
            )
        )
