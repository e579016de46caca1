"""No page, export or log line tells anyone but the vertrouwenspersoon themself who registered a Tellijst row.

The strongest form of the rule is tested here: every page of the project, seen by every other role,
looks exactly the same whichever vertrouwenspersoon registered the rows.
"""

import logging
import re

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from rapportage import cijfercache
from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.factories import AdviesvraagFactory, gesloten
from tests.url_patronen import alle_urls
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij, upload
from vertrouwenspersonen.demodata import register_demo_laden
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.selectors import adviesvragen_van

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]

HERKENBAAR = "vp-herkenbaar-7731"
# Tokens and secrets that differ on every request.
VLUCHTIG = [
    re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'),
    re.compile(r"data:image/svg\+xml[^\"']+"),
    re.compile(r"\b[A-Z2-7]{4}(?: [A-Z2-7]{4}){3,}\b"),
]


@pytest.fixture
def twee_vertrouwenspersonen(maak_gebruiker):
    from finintegriteit.kern import rollen as r

    return maak_gebruiker(HERKENBAAR, r.VERTROUWENSPERSOON), maak_gebruiker("vp-tweede", r.VERTROUWENSPERSOON)


def test_de_tellijst_staat_niet_in_de_beheeromgeving(client, beheerder):
    assert not admin.site.is_registered(Adviesvraag)
    client.force_login(beheerder)
    assert client.get("/beheer/vertrouwenspersonen/adviesvraag/").status_code == 404
    assert "adviesvraag" not in client.get("/beheer/").content.decode().lower()


# Pages that show Tellijst figures for the years of the test rows, besides every URL pattern.
EXTRA = ["/rapportage/?jaar=2024", "/rapportage/voorbeeld/?jaar=2024"]
# Exports linked from those pages that hold Tellijst figures (each one recomputes its whole dashboard).
EXPORT = re.compile(r'href="(/[^"]*/vp-[^"]+?\.(?:xlsx|csv)[^"]*)"')


def _urls() -> list[str]:
    urls = []
    for url, _view in alle_urls():
        # The admin's object pages with an example id say nothing (and a third-party one answers 500
        # for an id that does not exist); its lists and forms are kept.
        if url.startswith("/beheer/") and ("/x/" in url or "/1/" in url):
            continue
        urls.append(url)
    return urls + EXTRA


def _als_tekst(antwoord) -> str:
    if antwoord.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        import io

        import openpyxl

        werkmap = openpyxl.load_workbook(io.BytesIO(antwoord.content), read_only=True)
        return "\n".join(repr(r) for blad in werkmap.worksheets for r in blad.iter_rows(values_only=True))
    tekst = antwoord.content.decode("utf-8", errors="replace")
    for patroon in VLUCHTIG:
        tekst = patroon.sub("", tekst)
    return tekst


def _pagina_s(client, urls=None) -> dict[str, str]:
    """Every page (and every export linked from one) this client can open, as comparable text."""
    inhoud, te_doen, gezien = {}, list(urls or _urls()), set()
    while te_doen:
        url = te_doen.pop(0)
        if url in gezien:
            continue
        gezien.add(url)
        antwoord = client.get(url)
        if antwoord.status_code != 200 or getattr(antwoord, "streaming", False):
            continue
        inhoud[url] = _als_tekst(antwoord)
        if urls is None and "jaar=2024" in url:
            # Exports of the year with the test rows (following every year's exports adds nothing but time).
            te_doen += [u.replace("&amp;", "&") for u in EXPORT.findall(inhoud[url])]
    return inhoud


@pytest.mark.parametrize("rol", ["analist", "coordinator", "beheerder", "andere_vertrouwenspersoon"])
def test_geen_pagina_verandert_als_een_andere_vertrouwenspersoon_de_rijen_had_gemaakt(
    client, request, rol, twee_vertrouwenspersonen, time_machine
):
    # Frozen clock: the dashboard prints when its figures were computed, and they are computed again below.
    time_machine.move_to(timezone.now(), tick=False)
    herkenbaar, tweede = twee_vertrouwenspersonen
    register_demo_laden()
    AdviesvraagFactory.create_batch(3, eigenaar=herkenbaar)
    AdviesvraagFactory.create_batch(2, eigenaar=herkenbaar, jaar=2023, **gesloten())
    client.force_login(request.getfixturevalue(rol))
    eerst = _pagina_s(client)
    # A page that differs between two visits in the same state (a fresh secret, the audit trail of this
    # very crawl) says nothing about the rows; all others must stay exactly the same.
    nog_eens = _pagina_s(client, urls=list(eerst))
    vast = [url for url in eerst if nog_eens.get(url) == eerst[url]]
    assert len(vast) >= 3, "te weinig pagina's vergeleken"
    if rol == "coordinator":
        assert "/rapportage/?jaar=2024" in vast, (
            "het dashboard met de Tellijstcijfers moet mee vergeleken worden"
        )
    Adviesvraag.objects.update(pseudoniem=pseudoniem_van(tweede))
    cijfercache.nieuwe_versie()  # a queryset update sends no signal; the dashboard must count afresh
    daarna = _pagina_s(client, urls=vast)
    verraden = sorted(url for url in vast if daarna.get(url) != eerst[url])
    assert verraden == [], f"deze pagina's verraden wie de rijen registreerde: {verraden}"
    for url, tekst in eerst.items():
        # Pages with Tellijst rows or figures never name a vertrouwenspersoon. (User lists elsewhere,
        # like the register or an audit filter, name people but say nothing about rows.)
        if url.startswith(("/tellijst/", "/rapportage/")) and not url.startswith("/tellijst/register/"):
            assert HERKENBAAR not in tekst, f"{url} noemt de vertrouwenspersoon"


def test_geen_logregel_noemt_de_vertrouwenspersoon(client, twee_vertrouwenspersonen, caplog, tmp_path):
    from django.core.management import call_command

    herkenbaar, _tweede = twee_vertrouwenspersonen
    caplog.set_level(logging.DEBUG)
    client.force_login(herkenbaar)
    client.post(
        reverse("vertrouwenspersonen:importeren"), {"bestand": upload(csv_bytes([rij(), rij(onderdeel="?")]))}
    )
    client.post(reverse("vertrouwenspersonen:importeren"), {"bestand": upload(csv_bytes([rij(), rij()]))})
    client.post(reverse("vertrouwenspersonen:importeren_bevestigen"))
    vraag = Adviesvraag.objects.first()
    nieuw = gesloten()
    client.post(
        reverse("vertrouwenspersonen:bijwerken", args=[vraag.pk]),
        {
            f"a{vraag.pk}-wijze_van_afdoening": nieuw["wijze_van_afdoening"].pk,
            f"a{vraag.pk}-situatie": nieuw["situatie"].pk,
            f"a{vraag.pk}-versie": vraag.versie,
        },
    )
    client.post(reverse("vertrouwenspersonen:verwijderen", args=[vraag.pk]))
    pad = tmp_path / "t.csv"
    pad.write_bytes(csv_bytes([rij()]))
    call_command("importeer_tellijst", str(pad), "--door", HERKENBAAR, stdout=open(tmp_path / "uit", "w"))  # noqa: SIM115
    assert adviesvragen_van(gebruiker=herkenbaar).count() == 2
    regels = [r.getMessage() for r in caplog.records]
    assert not [r for r in regels if HERKENBAAR in r or f"user {herkenbaar.pk}" in r], regels


def test_de_tellijst_schrijft_niets_in_de_audittrail(client, vertrouwenspersoon):
    from finintegriteit.kern.models import AuditRegel

    client.force_login(vertrouwenspersoon)  # the login itself is audited; the Tellijst writes nothing
    voor = AuditRegel.objects.count()
    client.post(reverse("vertrouwenspersonen:importeren"), {"bestand": upload(csv_bytes([rij()]))})
    client.post(reverse("vertrouwenspersonen:importeren_bevestigen"))
    assert Adviesvraag.objects.count() == 1
    assert AuditRegel.objects.count() == voor


def test_het_sjabloon_bevat_geen_gegevens_van_de_gebruiker(client, twee_vertrouwenspersonen):
    herkenbaar, _ = twee_vertrouwenspersonen
    AdviesvraagFactory(eigenaar=herkenbaar)
    client.force_login(herkenbaar)
    for naam in ("sjabloon_csv", "sjabloon_xlsx"):
        assert HERKENBAAR.encode() not in client.get(reverse(f"vertrouwenspersonen:{naam}")).content
