"""The project's manage.py in a process of its own, with the environment a test gives it, and the
database role the application runs as."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROJECT = Path(__file__).resolve().parents[2]

# The runtime role of DATABASE_URL when DATABASE_MIGRATIE_URL names a second one (kern/databaserollen.py).
# Read when the root conftest imports this module, before its django_db_modify_db_settings puts the
# owner's name and password in the same connection settings.
RUNTIME_ROL = {
    sleutel: settings.DATABASES["default"].get(sleutel) for sleutel in ("USER", "PASSWORD", "HOST", "PORT")
}


def manage(*args, **env):
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests' conftest and would fail `check --deploy`.
    weg = {
        "DEBUG",
        "SECRET_KEY",
        "TELLIJST_SLEUTEL",
        "MELDER_SLEUTEL",
        "REDIS_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "TAKEN_IN_PROCES",
    }
    omgeving = {k: v for k, v in os.environ.items() if k not in weg}
    if env.get("DEBUG") == "0" and "REDIS_URL" not in env:
        # Production settings without Redis refuse to start unless this allows it (test_instellingen.py).
        omgeving["TAKEN_IN_PROCES"] = "1"
    omgeving.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )
