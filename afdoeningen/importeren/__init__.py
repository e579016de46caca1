"""Import of the existing OIF register (.xlsx or .csv, one row per betrokkene).

The flow (upload, check, preview, confirm, background run) and the file reading are the shared
framework of finintegriteit.kern.importeren; this package says only what is the register's own:

controle     file -> rows (lees_register), rows -> meldingen to create + every error (valideer_register)
rijcontrole  the rules of one row, and the taxonomy look-ups
opslaan      the all-or-nothing write in one transaction
sjabloon     the downloadable templates
"""

import datetime

from finintegriteit.kern.importeren import Importsoort
from finintegriteit.kern.models import Importbestand

from .controle import KOLOMMEN, lees_register, register_controleren, valideer_register
from .opslaan import Samenvatting, register_importeren, register_opslaan, register_vastleggen
from .rijcontrole import Register, Taxonomie

# The register holds case data that should not linger in a second place: unconfirmed uploads go after a day.
BEWAARTIJD_VOORBEELD = datetime.timedelta(days=1)

REGISTERIMPORT = Importsoort(
    code=Importbestand.Soort.OIF_REGISTER,
    controleren=register_controleren,
    vastleggen=register_opslaan,
    bewaartijd=BEWAARTIJD_VOORBEELD,
)

__all__ = [
    "KOLOMMEN",
    "REGISTERIMPORT",
    "Register",
    "Samenvatting",
    "Taxonomie",
    "lees_register",
    "register_controleren",
    "register_importeren",
    "register_vastleggen",
    "valideer_register",
]
