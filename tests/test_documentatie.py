"""Every test the documentation names as the proof of a promise exists.

docs/beveiliging.md and the other documents pair each promise with the test that fails when the
promise breaks. A renamed or removed test would leave a promise that nothing checks while the
document still says it is checked. References are written as `tests/pad/test_x.py::test_naam`, or
`::test_naam` for another test in the file named last, or `test_x.py::test_naam` for a file in the
folder named last (or the only file of that name under tests/).
"""

import ast
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCUMENTEN = sorted([*ROOT.glob("docs/*.md"), ROOT / "README.md"])
VERWIJZING = re.compile(r"`([\w/.\-]*\.py)?((?:::[\w\[\]\-]+)*)`")


def _namen(pad: pathlib.Path) -> set[str] | None:
    if not pad.is_file():
        return None
    boom = ast.parse(pad.read_text())
    return {
        knoop.name
        for knoop in ast.walk(boom)
        if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }


def _bestand(naam: str, vorige: pathlib.Path | None) -> pathlib.Path:
    if "/" in naam:
        return ROOT / naam
    if vorige is not None and (vorige.parent / naam).exists():
        return vorige.parent / naam
    gevonden = list(ROOT.glob(f"tests/**/{naam}"))
    return gevonden[0] if len(gevonden) == 1 else ROOT / "tests" / naam


def _dode_verwijzingen(document: pathlib.Path) -> list[str]:
    dood, vorige = [], None
    for nummer, regel in enumerate(document.read_text().splitlines(), 1):
        for gevonden in VERWIJZING.finditer(regel):
            naam, delen = gevonden.group(1), [d for d in gevonden.group(2).split("::") if d]
            if naam and "/" not in naam and not naam.startswith("test_"):
                continue  # a module of the application (`services.py`), not a test file
            if naam:
                pad = _bestand(naam, vorige)
                if not pad.relative_to(ROOT).parts[0] == "tests":
                    continue
                vorige = pad
            elif not delen or vorige is None:
                continue
            namen = _namen(vorige)
            plaats = f"{document.name}:{nummer}"
            if namen is None:
                dood.append(f"{plaats}: {vorige.relative_to(ROOT)} bestaat niet")
                continue
            dood += [
                f"{plaats}: {vorige.relative_to(ROOT)}::{deel} bestaat niet"
                for deel in delen
                if deel.split("[")[0] not in namen
            ]
    return dood


@pytest.mark.parametrize("document", DOCUMENTEN, ids=lambda pad: pad.name)
def test_elke_genoemde_test_bestaat(document):
    assert _dode_verwijzingen(document) == []


def test_een_verwijzing_naar_een_verdwenen_test_valt_op(tmp_path):
    document = tmp_path / "belofte.md"
    document.write_text(
        "| belofte | `tests/test_documentatie.py::test_elke_genoemde_test_bestaat`, `::test_bestaat_niet` |\n"
    )
    assert _dode_verwijzingen(document) == [
        "belofte.md:1: tests/test_documentatie.py::test_bestaat_niet bestaat niet"
    ]
