"""`exporteer_cijfers` prints the demo data's figures exactly as before, character for character.

The files in gouden/ were written by the command before the figures were restructured internally
(typed sections, one arrow helper); the JSON is a contract (adoptions freeze it, imports read it), so
any change to the code behind it must leave them as they are. A deliberate change of the export
replaces a file in the same commit and says why.
"""

import io
from pathlib import Path

import pytest
from django.core.management import call_command

from rapportage.demodata import demodata_laden

pytestmark = pytest.mark.django_db

GOUDEN = Path(__file__).parent / "gouden"


@pytest.mark.parametrize(
    ("bestand", "argumenten"),
    [
        ("export_2024.json", ["--jaar", "2024"]),
        ("export_2023.json", ["--jaar", "2023"]),
        ("export_2024_douane.json", ["--jaar", "2024", "--onderdeel", "douane"]),
    ],
)
def test_export_van_de_demodata_is_teken_voor_teken_gelijk(bestand, argumenten):
    demodata_laden()
    uitvoer = io.StringIO()

    call_command("exporteer_cijfers", *argumenten, stdout=uitvoer)

    assert uitvoer.getvalue() == (GOUDEN / bestand).read_text(encoding="utf-8")
