"""One framework for the spreadsheet imports (the OIF register, the Tellijst).

bestand    upload → Upload: size, real format, and the unpacking limits of an .xlsx (before parsing)
lezen      Upload → header and numbered rows, row limit while reading; cell conversion; header check
fouten     Fout (one problem on a line) and BestandFout (the file as a whole)
berichten  every message of the framework
soorten    what an import declares: how to check, how to save, how long a preview is kept
services   upload → check → preview → confirm → import, on the Importbestand row (kern.models)
selectors  one's own row, an earlier import of the same content, progress

Each import lives in its own app (`afdoeningen.importeren`, `vertrouwenspersonen.importeren`) and
says only its columns and rules.
"""

from .bestand import Upload, herken, lees_upload
from .fouten import BestandFout, Fout
from .lezen import Kolommen, Tabel, celtekst, celwaarde, kop_controleren, lees_tabel
from .soorten import ImportFout, Importsoort, Uitkomst, Voortgang, registreren

__all__ = [
    "BestandFout",
    "Fout",
    "ImportFout",
    "Importsoort",
    "Kolommen",
    "Tabel",
    "Uitkomst",
    "Voortgang",
    "Upload",
    "celtekst",
    "celwaarde",
    "herken",
    "kop_controleren",
    "lees_tabel",
    "lees_upload",
    "registreren",
]
