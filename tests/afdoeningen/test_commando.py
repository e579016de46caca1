"""python manage.py importeer_oif PAD: counts on success; on any error a non-zero exit and no changes."""

import pytest
from django.core.management import CommandError, call_command

from finintegriteit.kern.models import AuditRegel
from meldingen.models import Melding

from .registerbestanden import als_csv, als_xlsx, open_regel, regel

pytestmark = pytest.mark.django_db


def test_importeert_en_toont_de_aantallen(tmp_path, capsys, analist):
    pad = tmp_path / "register.xlsx"
    pad.write_bytes(
        als_xlsx([regel(meldingsnummer="OIF-2024-0003"), open_regel(meldingsnummer="OIF-2024-0003"), regel()])
    )
    call_command("importeer_oif", str(pad), "--gebruiker", "analist")
    uit = capsys.readouterr().out
    assert "Geïmporteerd: 2 meldingen (1 afgedaan), 3 betrokkenen, 2 afdoeningen" in uit
    assert "ontvangen in 2024: 2 meldingen" in uit
    assert "nieuwe nummers: OIF-2024-0004" in uit, "de regel zonder nummer volgt op 0003"
    assert Melding.objects.count() == 2
    assert AuditRegel.objects.filter(gebruiker=analist).count() == 2 + 3 + 2


def test_alleen_controleren_slaat_niets_op(tmp_path, capsys):
    pad = tmp_path / "register.csv"
    pad.write_bytes(als_csv([regel()]))
    call_command("importeer_oif", str(pad), "--controleer")
    assert "Gecontroleerd, niets opgeslagen: 1 meldingen" in capsys.readouterr().out
    assert Melding.objects.count() == 0


def test_fouten_per_regel_en_niets_opgeslagen(tmp_path, capsys):
    pad = tmp_path / "register.csv"
    pad.write_bytes(als_csv([regel(), regel(melder="Collega"), regel(datum_afdoening="morgen")]))
    with pytest.raises(CommandError, match="2 fout"):
        call_command("importeer_oif", str(pad))
    fouten = capsys.readouterr().err
    assert "regel 3, kolom melder, waarde 'Collega': Onbekende waarde voor melder." in fouten
    assert "regel 4, kolom datum_afdoening, waarde 'morgen'" in fouten
    assert Melding.objects.count() == 0


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"", "leeg"),
        (b"%PDF-1.7\x00", "geen .xlsx- of .csv-bestand"),
        ("kop\nDouane é".encode("latin-1"), "regel 2"),
    ],
)
def test_onbruikbaar_bestand(tmp_path, inhoud, melding):
    pad = tmp_path / "register.csv"
    pad.write_bytes(inhoud)
    with pytest.raises(CommandError, match=melding):
        call_command("importeer_oif", str(pad))
    assert Melding.objects.count() == 0


def test_onbekend_pad_en_onbekende_gebruiker(tmp_path):
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("importeer_oif", str(tmp_path / "weg.csv"))
    pad = tmp_path / "register.csv"
    pad.write_bytes(als_csv([regel()]))
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("importeer_oif", str(pad), "--gebruiker", "niemand")


def test_exitcode_is_niet_nul_bij_een_fout(tmp_path, monkeypatch):
    from django.core.management import ManagementUtility, base

    # run_from_argv closes every connection when done; that would end the test's own transaction.
    monkeypatch.setattr(base.connections, "close_all", lambda: None)

    pad = tmp_path / "register.csv"
    pad.write_bytes(als_csv([regel(melder="Collega")]))
    with pytest.raises(SystemExit) as afloop:
        ManagementUtility(["manage.py", "importeer_oif", str(pad), "--skip-checks"]).execute()
    assert afloop.value.code == 1
    assert Melding.objects.count() == 0
