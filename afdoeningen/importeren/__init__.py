"""Import of the existing OIF register (.xlsx or .csv, one row per betrokkene).

lezen      file -> rows (dicts) with line numbers; header errors
validatie  rows -> meldingen to create + every error by line and column (pure; reusable by loaders)
opslaan    preview, and the all-or-nothing write in one transaction
sjabloon   the downloadable template
"""

from .lezen import KOLOMMEN, BestandFout, Fout, lees_register
from .opslaan import (
    RegisterFout,
    Samenvatting,
    register_controleren,
    register_importeren,
    register_vastleggen,
)
from .validatie import Register, Taxonomie, valideer_register

__all__ = [
    "KOLOMMEN",
    "BestandFout",
    "Fout",
    "Register",
    "RegisterFout",
    "Samenvatting",
    "Taxonomie",
    "lees_register",
    "register_controleren",
    "register_importeren",
    "register_vastleggen",
    "valideer_register",
]
