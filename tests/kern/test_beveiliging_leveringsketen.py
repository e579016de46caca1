"""Supply chain: `make test` runs bandit over the code and pip-audit over the installed dependencies, and
a high-severity bandit finding fails it."""

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make ontbreekt")


def make_commandos(doel: str) -> list[str]:
    uitkomst = subprocess.run(["make", "-n", doel], cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert uitkomst.returncode == 0, uitkomst.stderr
    return uitkomst.stdout.splitlines()


def test_make_test_draait_bandit_en_pip_audit_voor_de_tests():
    commandos = make_commandos("test")
    pytest_regel = next(i for i, c in enumerate(commandos) if "-m pytest" in c)
    bandit = [i for i, c in enumerate(commandos) if "/bandit " in c]
    audit = [i for i, c in enumerate(commandos) if "/pip-audit " in c]
    assert bandit and bandit[0] < pytest_regel, "bandit draait niet in make test"
    assert audit and audit[0] < pytest_regel, "pip-audit draait niet in make test"
    assert "--severity-level high" in commandos[bandit[0]]
    assert "--ignore-vuln" not in commandos[audit[0]], "een bekende kwetsbaarheid wordt genegeerd"


def test_bandit_zoals_make_hem_draait_faalt_op_een_ernstig_probleem(tmp_path):
    bandit = next(c for c in make_commandos("lint") if "/bandit " in c)
    shutil.copy(PROJECT / "pyproject.toml", tmp_path / "pyproject.toml")
    pakket = tmp_path / "meldingen"
    pakket.mkdir()
    (pakket / "export.py").write_text(
        "import subprocess\n\n\ndef exporteer(naam):\n    subprocess.call('zip ' + naam, shell=True)\n"
    )
    argumenten = shlex.split(bandit)
    argumenten[0] = str(PROJECT / argumenten[0])
    uitkomst = subprocess.run(argumenten, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert uitkomst.returncode != 0, "bandit liet shell=True met invoer van buiten door"
    assert "B602" in uitkomst.stdout

    (pakket / "export.py").write_text("def exporteer(naam):\n    return naam\n")
    assert subprocess.run(argumenten, cwd=tmp_path, capture_output=True, timeout=120).returncode == 0
