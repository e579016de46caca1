"""Fixtures shared by the report tests."""

import pytest

from rapportage import inhoud
from tests.bouwstenen.rapportage import klein_context


@pytest.fixture
def klein_rapport(monkeypatch, settings, tmp_path):
    """Reports of one small table (the job's path is tested, not the figures), written under tmp_path."""
    settings.RAPPORT_ROOT = tmp_path / "rapporten"
    monkeypatch.setattr(inhoud, "rapport_context", klein_context)
