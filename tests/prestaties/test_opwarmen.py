"""A worker loads WeasyPrint as it starts; a web process never loads it. Both in a fresh interpreter,
because this test process may have imported WeasyPrint already."""

import subprocess
import sys

from django.conf import settings

CODE = """
import sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # every view module of the site is imported
print("web", "weasyprint" in sys.modules)
from celery.signals import worker_process_init
from finintegriteit.celery import app
worker_process_init.send(sender=None)
print("worker", "weasyprint" in sys.modules)
"""


def test_worker_laadt_weasyprint_bij_het_starten_en_de_website_nooit():
    uit = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "finintegriteit.settings", "DEBUG": "1", "PATH": ""},
        check=True,
        timeout=120,
    ).stdout.split("\n")

    assert "web False" in uit
    assert "worker True" in uit
