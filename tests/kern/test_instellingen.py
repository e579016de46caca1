"""Configuration from the environment: safe defaults in development, loud failure in production."""

import pytest

from tests.bouwstenen.omgeving import PROJECT, manage


def test_productie_weigert_te_starten_zonder_secret_key():
    uitkomst = manage("check", DEBUG="0", ALLOWED_HOSTS="integriteit.example")
    assert uitkomst.returncode != 0
    assert "SECRET_KEY ontbreekt" in uitkomst.stderr


def test_productie_weigert_te_starten_zonder_eigen_tellijstsleutel(tmp_path):
    geheim = "productie-geheim-" + "x" * 50
    zonder = manage("check", DEBUG="0", SECRET_KEY=geheim, ALLOWED_HOSTS="integriteit.example")
    assert zonder.returncode != 0 and "TELLIJST_SLEUTEL ontbreekt" in zonder.stderr
    dezelfde = manage(
        "check", DEBUG="0", SECRET_KEY=geheim, TELLIJST_SLEUTEL=geheim, ALLOWED_HOSTS="integriteit.example"
    )
    assert dezelfde.returncode != 0 and "andere waarde" in dezelfde.stderr
    bestand = tmp_path / "tellijst-sleutel"
    bestand.write_text("uit-een-bestand-" + "z" * 40 + "\n")
    uit_bestand = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.TELLIJST_SLEUTEL)",
        DEBUG="0",
        SECRET_KEY=geheim,
        TELLIJST_SLEUTEL_FILE=str(bestand),
        MELDER_SLEUTEL="melder-" + "m" * 40,
        ALLOWED_HOSTS="integriteit.example",
    )
    assert uit_bestand.stdout.strip().splitlines()[-1] == "uit-een-bestand-" + "z" * 40


def test_check_deploy_zonder_waarschuwingen_met_productie_instellingen():
    uitkomst = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x" * 20 + "productie-geheim-met-voldoende-lengte-en-variatie-0123456789",
        TELLIJST_SLEUTEL="tellijst-" + "y" * 40,
        MELDER_SLEUTEL="melder-" + "m" * 40,
        ALLOWED_HOSTS="integriteit.example",
    )
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "no issues" in uitkomst.stdout


def test_zonder_redis_meldt_de_start_eenmaal_eager_op_stderr_niet_op_stdout():
    uitkomst = manage("check", DEBUG="1")
    assert uitkomst.returncode == 0
    assert uitkomst.stderr.count("REDIS_URL is niet gezet") == 1
    assert "REDIS_URL" not in uitkomst.stdout


PRODUCTIE = {
    "DEBUG": "0",
    "SECRET_KEY": "productie-geheim-" + "x" * 50,
    "TELLIJST_SLEUTEL": "tellijst-" + "y" * 40,
    "MELDER_SLEUTEL": "melder-" + "m" * 40,
    "ALLOWED_HOSTS": "integriteit.example",
}


def test_productie_zonder_redis_weigert_te_starten_met_een_nederlandse_melding():
    uitkomst = manage("check", **PRODUCTIE, TAKEN_IN_PROCES="")
    assert uitkomst.returncode != 0
    assert "REDIS_URL ontbreekt" in uitkomst.stderr and "TAKEN_IN_PROCES=1" in uitkomst.stderr
    assert manage("check", **PRODUCTIE, TAKEN_IN_PROCES="1").returncode == 0
    assert manage("check", **PRODUCTIE, REDIS_URL="redis://127.0.0.1:6379/0").returncode == 0


@pytest.mark.parametrize(
    "naam", ["DATABASE_URL", "REDIS_URL", "SECRET_KEY", "AXES_FAILURE_LIMIT", "MAX_UPLOAD_BYTES"]
)
def test_een_lege_variabele_telt_als_niet_gezet(naam):
    uitkomst = manage("check", DEBUG="1", **{naam: ""})
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert "KeyError" not in uitkomst.stderr and "Traceback" not in uitkomst.stderr


def test_elke_instelling_die_de_code_leest_staat_in_de_readme():
    """Every environment variable read by settings.py or elsewhere in the code has a row in the table."""
    import re

    bronnen = [PROJECT / "finintegriteit" / "settings.py"]
    bronnen += [p for p in PROJECT.glob("*/**/*.py") if ".venv" not in p.parts and "tests" not in p.parts]
    gelezen = set()
    for bron in bronnen:
        tekst = bron.read_text(encoding="utf-8")
        gelezen |= set(re.findall(r'env\.\w+\(\s*"([A-Z][A-Z0-9_]+)"', tekst))
        gelezen |= set(re.findall(r'_secret\(\s*"([A-Z][A-Z0-9_]+)"', tekst))
        gelezen |= set(re.findall(r'environ(?:\.get)?\(\s*"([A-Z][A-Z0-9_]+)"', tekst))
        gelezen |= set(re.findall(r'environ\[\s*"([A-Z][A-Z0-9_]+)"', tekst))
    gelezen -= {"DJANGO_SETTINGS_MODULE"}
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    eerste_cellen = [regel.split("|")[1] for regel in readme.splitlines() if regel.startswith("| `")]
    tabel = {naam for cel in eerste_cellen for naam in re.findall(r"`([A-Z][A-Z0-9_]+)`", cel)}
    assert gelezen - tabel == set()


@pytest.mark.django_db
def test_geen_ontbrekende_migraties():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_datums_als_dd_mm_jjjj():
    import datetime

    from django.utils import formats, translation

    with translation.override("nl"):
        assert formats.date_format(datetime.date(2024, 3, 7)) == "07-03-2024"


def test_productie_weigert_te_starten_zonder_eigen_meldersleutel():
    zonder = {k: v for k, v in PRODUCTIE.items() if k != "MELDER_SLEUTEL"}
    uitkomst = manage("check", **zonder, TAKEN_IN_PROCES="1")
    assert uitkomst.returncode != 0 and "MELDER_SLEUTEL ontbreekt" in uitkomst.stderr
    dezelfde = manage(
        "check", **{**PRODUCTIE, "MELDER_SLEUTEL": PRODUCTIE["TELLIJST_SLEUTEL"]}, TAKEN_IN_PROCES="1"
    )
    assert dezelfde.returncode != 0 and "MELDER_SLEUTEL moet een eigen waarde hebben" in dezelfde.stderr


def test_in_ontwikkeling_komt_een_mail_in_een_bestand_niet_in_het_serverlog(tmp_path):
    """The console backend wrote a mail to a melder, address and all, into what runserver prints: the
    server log of every demo."""
    uitkomst = manage(
        "shell",
        "-c",
        "from django.core.mail import send_mail; "
        "send_mail('U hebt een nieuw bericht', 'Kijk op de pagina.', None, ['petra.melder@example.org'])",
        DEBUG="1",
        EMAIL_FILE_PATH=str(tmp_path),
    )
    assert uitkomst.returncode == 0, uitkomst.stderr
    assert "petra.melder@example.org" not in uitkomst.stdout + uitkomst.stderr
    assert any("petra.melder@example.org" in bestand.read_text() for bestand in tmp_path.iterdir())
