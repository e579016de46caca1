"""Import of existing Tellijsten.

The flow (upload, check, preview, confirm, background run) and the file reading are the shared
framework of finintegriteit.kern.importeren; this package says only what is the Tellijst's own:

controle   the columns and the rules of a row (a pure function of header and rows)
sjabloon   the downloadable templates
The rows are saved by vertrouwenspersonen.services.tellijst_importeren.
"""

import datetime

from django.utils import timezone

from finintegriteit.kern.importeren import BestandFout, Importsoort, Uitkomst, Upload, lees_tabel
from finintegriteit.kern.models import Importbestand

from ..pseudoniem import importeurs_van
from .controle import Controle, Opzoektabellen, controleer_tellijst

# A preview holds what was said in confidence: it does not wait long for its confirmation.
BEWAARTIJD_VOORBEELD = datetime.timedelta(hours=6)


def controleer_bestand(
    upload: Upload, *, vandaag: datetime.date, voortgang=None, opslaan=None, blokgrootte: int = 2000
) -> Controle:
    """Read and check an uploaded Tellijst; the taxonomy tables cost one query each.

    The file is read as a stream and the rows that pass go to `opslaan` block by block (see
    controleer_tellijst). A file that cannot be read comes back as a Controle with that one error
    (the page shows it in the same table as the errors of the rows).
    """
    try:
        tabel = lees_tabel(upload)
        rijen = tabel.rijen
        if voortgang is not None:
            rijen = _met_voortgang(rijen, voortgang)
        return controleer_tellijst(
            tabel.kop,
            rijen,
            tabellen=Opzoektabellen.laden(),
            vandaag=vandaag,
            kopregel=tabel.kopregel,
            opslaan=opslaan,
            blokgrootte=blokgrootte,
        )
    except BestandFout as fout:
        return Controle(fouten=[fout.als_fout()])


def _met_voortgang(rijen, voortgang):
    for gedaan, rij in enumerate(rijen, start=1):
        if gedaan % 2000 == 0:
            voortgang.rijen(gedaan)
        yield rij


def tellijst_controleren(upload: Upload) -> Uitkomst:
    controle = controleer_bestand(upload, vandaag=timezone.localdate())
    aantallen = {
        "rijen": controle.aantal_rijen,
        "in_orde": controle.aantal_in_orde,
        "open": controle.aantal_open,
        "gesloten": controle.aantal_gesloten,
        "per_jaar": {str(jaar): aantal for jaar, aantal in controle.aantallen_per_jaar},
    }
    return Uitkomst(aantallen=aantallen, fouten=controle.fouten)


def tellijst_opslaan(*, upload: Upload, door, voortgang) -> dict:
    # Imported here: the services module imports this package for its checks.
    from ..services import tellijst_importeren

    controle = tellijst_importeren(door=door, upload=upload, voortgang=voortgang)
    return {"in_orde": controle.aantal_in_orde}


TELLIJSTIMPORT = Importsoort(
    code=Importbestand.Soort.TELLIJST,
    controleren=tellijst_controleren,
    vastleggen=tellijst_opslaan,
    bewaartijd=BEWAARTIJD_VOORBEELD,
    anoniem=True,
    # The page's message after the import ('N adviesvragen geïmporteerd') and the warning about an
    # earlier import ('… N regels'); the split per year and open/gesloten are for the preview only.
    blijvende_aantallen=("rijen", "in_orde"),
    eigenaren=importeurs_van,
)
