"""Dates look the same on every page: dd-mm-jjjj, never '4-3-2025' next to '04-03-2025' or '4 maart 2025'."""

import datetime
import re
from pathlib import Path

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories import MeldingFactory, RapportFactory

PROJECT = Path(__file__).resolve().parents[2]
MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
# Anything a reader takes for a date: 4-3-2025, 04/03/2025, 4 maart 2025, 2025-03-04.
DATUMACHTIG = re.compile(
    rf"\b\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}}\b"
    rf"|\b\d{{1,2}} (?:{MAANDEN}) \d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)
GOED = re.compile(r"\d{2}-\d{2}-\d{4}")
# For a datetime="" attribute, read by software, never shown.
MACHINE = {"c", "Y-m-d"}
# The printed annual report writes dates out in words, as a publication does.
PDF = "/pdf/"


def andere_datums(html: str) -> list[str]:
    """Date-like texts on a page that are not dd-mm-jjjj (attribute values such as datetime= skipped)."""
    tekst = re.sub(r"<[^>]*>", " ", html)
    return [d for d in DATUMACHTIG.findall(tekst) if not GOED.fullmatch(d)]


def test_de_zoeker_herkent_de_afwijkende_schrijfwijzen():
    assert andere_datums("<td>4-3-2025</td><td>04-03-2025</td><p>op 4 maart 2025</p>") == [
        "4-3-2025",
        "4 maart 2025",
    ]
    assert andere_datums('<time datetime="2025-03-04T10:00">04-03-2025 10:00</time>') == []


def test_elk_sjabloon_toont_datums_als_dd_mm_jjjj():
    formaten = {}
    for sjabloon in PROJECT.glob("**/templates/**/*.html"):
        pad = sjabloon.relative_to(PROJECT).as_posix()
        if pad.startswith((".venv/", "var/")) or PDF in pad:
            continue
        for formaat in re.findall(r"\|date:[\"']([^\"']*)[\"']", sjabloon.read_text(encoding="utf-8")):
            if formaat not in MACHINE and not formaat.startswith("d-m-Y"):
                formaten.setdefault(pad, []).append(formaat)
    assert formaten == {}, "gebruik d-m-Y (eventueel met H:i) voor elke datum op een pagina"


@pytest.mark.django_db
@time_machine.travel("2025-03-04 09:05 +0100")
def test_lijsten_tonen_een_vroege_datum_met_voorloopnullen(client, coordinator, analist):
    # Day and month below 10, so 'j-n-Y' (4-3-2025) and 'd-m-Y' (04-03-2025) differ.
    RapportFactory(aangevraagd_door=coordinator, aangevraagd_op=timezone.now())
    MeldingFactory(ontvangen_op=datetime.date(2025, 3, 4), behandelaar=analist)
    for gebruiker, url in ((coordinator, "rapportage:rapporten"), (analist, "meldingen:werkvoorraad")):
        client.force_login(gebruiker)
        html = client.get(reverse(url)).content.decode()
        assert "04-03-2025" in html, url
        assert andere_datums(html) == [], url
