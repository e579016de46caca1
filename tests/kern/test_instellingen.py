"""Configuration from the environment: safe defaults in development, loud failure in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests' conftest and would fail `check --deploy`.
    weg = {"DEBUG", "SECRET_KEY", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    omgeving = {k: v for k, v in os.environ.items() if k not in weg}
    omgeving.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_productie_weigert_te_starten_zonder_secret_key():
    uitkomst = manage("check", DEBUG="0", ALLOWED_HOSTS="integriteit.example")
    assert uitkomst.returncode != 0
    assert "SECRET_KEY ontbreekt" in uitkomst.stderr


def test_check_deploy_zonder_waarschuwingen_met_productie_instellingen():
    uitkomst = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x" * 20 + "productie-geheim-met-voldoende-lengte-en-variatie-0123456789",
        ALLOWED_HOSTS="integriteit.example",
    )
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "no issues" in uitkomst.stdout


def test_zonder_redis_meldt_de_start_eenmaal_eager_op_stderr_niet_op_stdout():
    uitkomst = manage("check", DEBUG="1")
    assert uitkomst.returncode == 0
    assert uitkomst.stderr.count("REDIS_URL is niet gezet") == 1
    assert "REDIS_URL" not in uitkomst.stdout


@pytest.mark.django_db
def test_geen_ontbrekende_migraties():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_datums_als_dd_mm_jjjj():
    import datetime

    from django.utils import formats, translation

    with translation.override("nl"):
        assert formats.date_format(datetime.date(2024, 3, 7)) == "07-03-2024"
