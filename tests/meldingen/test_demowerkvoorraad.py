"""The demo werkvoorraad: open meldingen of this year for a new user, loaded twice gives the same database."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from meldingen.models import Aantekening, Document, Melding

pytestmark = pytest.mark.django_db


def test_demowerkvoorraad_open_meldingen_van_dit_jaar(analist_client, analist, settings, tmp_path, vandaag):
    settings.DOCUMENT_ROOT = tmp_path
    call_command("laad_demowerkvoorraad", stdout=None)
    call_command("laad_demowerkvoorraad", stdout=None)
    meldingen = Melding.objects.filter(jaar=vandaag.year)
    assert meldingen.count() == 3
    assert not meldingen.filter(status=Melding.Status.AFGEDAAN).exists()
    assert all(m.behandelaar == analist and m.betrokkenen.exists() for m in meldingen)
    assert Aantekening.objects.count() == 2 and Document.objects.count() == 2
    html = analist_client.get(reverse("meldingen:werkvoorraad")).content.decode()
    assert "3 open meldingen" in html
