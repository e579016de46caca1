"""The PDF itself: structure (cover, contents with page numbers, chapters), accessibility and figures.

Figures come from a small hand-built figures dict in the documented shape (docs/cijfers.md), from
tests/bouwstenen/cijfers.py, so the test knows every number; test_pdf_demodata.py checks the real report
from the demo data.
"""

import copy
import io
import re

import pytest
from pypdf import PdfReader

from rapportage import inhoud, pdf, services
from rapportage.tabellen import KORTE_TABEL, Tabel
from tests.bouwstenen.cijfers import klein_cijfers
from tests.bouwstenen.rapportage import pdf_tekst

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def gerenderd(django_db_setup, django_db_blocker):
    # django_db_setup: the test database must exist before this module-wide fixture reads it, also when
    # this module is the first of a run.
    with django_db_blocker.unblock():
        context = inhoud.rapport_context(jaar=2024, cijfers=klein_cijfers())
        html = pdf.rapport_html(context)
        return html, pdf.html_naar_pdf(html)


def test_het_rapport_heeft_omslag_inhoudsopgave_met_paginanummers_en_alle_hoofdstukken(gerenderd):
    _html, inhoud_pdf = gerenderd
    lezer = PdfReader(io.BytesIO(inhoud_pdf))
    omslag = lezer.pages[0].extract_text()
    assert "Jaarrapportage integriteit 2024" in omslag and "Ministerie van Financiën" in omslag
    # Without a structure of its own the year gets the published report's chapters (teksten.standaard).
    inhoudsopgave = lezer.pages[1].extract_text() + lezer.pages[2].extract_text()
    for titel in [
        "1 Voorwoord",
        "2 Jaar in vogelvlucht",
        "4 Melden van",
        "5 Vertrouwenspersonen",
        "6 Klachtencommissie Ongewenste Omgangsvormen",
        "7 Commissie sociale veiligheid en integriteit Financiën",
        "10 Nevenwerkzaamheden",
        "14 Ambities",
        "Bijlage 1 Infographic",
        "Bijlage 2 Overzicht schendingen en afdoeningen",
        "Bijlage 3 Jaarverslag vertrouwenspersonen",
    ]:
        regel = next((r for r in inhoudsopgave.splitlines() if titel in r), None)
        assert regel is not None, f"{titel} ontbreekt in de inhoudsopgave"
        paginanummer = int(re.search(r"(\d+)\s*$", regel).group(1))
        assert titel.split(" (")[0] in lezer.pages[paginanummer - 1].extract_text(), (
            f"{titel} niet op p. {paginanummer}"
        )


def test_elke_pagina_na_de_omslag_heeft_kop_en_paginanummer(gerenderd):
    lezer = PdfReader(io.BytesIO(gerenderd[1]))
    for nummer, pagina in enumerate(lezer.pages[1:], start=2):
        tekst = pagina.extract_text()
        assert "Jaarrapportage integriteit 2024" in tekst, f"lopende kop ontbreekt op p. {nummer}"
        assert (
            re.search(rf"\b{nummer}\s*$", tekst.strip()) or f"\n{nummer}\n" in tekst or str(nummer) in tekst
        )


def test_de_pdf_is_getagd_met_titel_en_taal(gerenderd):
    lezer = PdfReader(io.BytesIO(gerenderd[1]))
    catalogus = lezer.trailer["/Root"]
    assert "/StructTreeRoot" in catalogus, "PDF/UA vraagt een getagde PDF"
    assert catalogus["/Lang"] == "nl"
    assert lezer.metadata.title == "Jaarrapportage integriteit 2024"
    assert catalogus["/MarkInfo"]["/Marked"]


def test_tabellen_hebben_kopcellen_met_scope(gerenderd):
    html = gerenderd[0]
    assert html.count('<th scope="col"') > 50
    assert '<th scope="row">' in html
    assert "<script" not in html, "geen JavaScript in de PDF"


@pytest.mark.parametrize(
    "verwacht",
    [
        "Decentrale meldpunten 146 68% 120",
        "Geen onderzoek 170 91%",
        # 1 of 214 meldingen: rounded to 0%, but not nobody.
        "Anoniem 1 <1% 2",
        "Leidinggevende ¹ 30 35 54",
        "Direct leidinggevende 41",
        "Intimidatie 57 47 10 20 19 8",
        "Intimidatie 40 45 57 69% 69% 69%",
        "Ongewenste omgangsvormen 61 22 83",
        "DG Belastingdienst 3.327",
        "Ontvangen 17",
        "uitkomst niet vermeld 5",
        "Medewerkers 41.069",
        "LVV-registervertrouwenspersoon 54",
    ],
)
def test_de_cijfers_staan_tabel_voor_tabel_in_de_pdf(gerenderd, verwacht):
    tekst = re.sub(r"[ \t]+", " ", pdf_tekst(gerenderd[1]))
    assert verwacht in tekst


def test_bijlage2_heeft_elke_rij_per_dienstonderdeel(gerenderd):
    tekst = pdf_tekst(gerenderd[1])
    assert "Belastingdienst (1)" in tekst and "Douane (1)" in tekst
    assert "Medewerker heeft zich grensoverschrijdend gedragen." in tekst


def test_pijlen_in_de_infographic_staan_in_het_lettertype():
    from django.contrib.staticfiles import finders
    from fontTools.ttLib import TTFont

    for gewicht in (400, 700):
        cmap = TTFont(finders.find(f"fonts/source-sans-3-{gewicht}.woff2")).getBestCmap()
        assert ord("↑") in cmap and ord("↓") in cmap and ord("ë") in cmap


def test_lange_bijlage2_blijft_een_tabel_per_onderdeel_met_een_kop():
    """The header repeats at the top of each page by itself (thead); a second table would put one mid-page."""
    cijfers = klein_cijfers()
    basis = cijfers["oif"]["bijlage2"][0]
    cijfers["oif"]["bijlage2"] = [basis] * 150
    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024, cijfers=cijfers))
    deel = html.split('id="bijlage2"', 1)[1].split('id="per-onderdeel"', 1)[0]
    assert deel.count("<table") == 1
    assert deel.count("<thead>") == 1
    assert deel.count('<tr><th scope="row">') == 150


def test_korte_tabellen_breken_niet_af():
    kort = Tabel("x", "x", "x", ["a"], [None] * KORTE_TABEL)
    lang = Tabel("y", "y", "y", ["a"], [None] * (KORTE_TABEL + 1))
    assert "kort" in kort.css and "kort" not in lang.css


class TestUrlFetcher:
    @pytest.mark.parametrize(
        "url",
        [
            "file:///etc/passwd",
            "https://voorbeeld.nl/static/css/rapport-pdf.css",
            "http://127.0.0.1:8000/static/css/rapport-pdf.css",
            pdf.BASIS_URL + "static/../finintegriteit/settings.py",
            pdf.BASIS_URL + "media/iets.pdf",
        ],
    )
    def test_alleen_statische_bestanden_van_de_applicatie(self, url):
        with pytest.raises(pdf.GeweigerdeURL):
            pdf.statisch_bestand(url)

    def test_het_stijlblad_komt_van_schijf(self):
        assert pdf.statisch_bestand(pdf.BASIS_URL + "static/css/rapport-pdf.css").name == "rapport-pdf.css"

    def test_een_externe_afbeelding_laat_het_rapport_mislukken(self):
        from weasyprint.urls import FatalURLFetchingError

        with pytest.raises(FatalURLFetchingError):
            pdf.html_naar_pdf('<html lang="nl"><title>x</title><img src="https://voorbeeld.nl/x.png"></html>')

    def test_de_reden_is_leesbaar(self):
        fout = pdf.GeweigerdeURL(pdf.FOUT_URL_GEWEIGERD.format(url="https://voorbeeld.nl/x.png"))
        verpakt = RuntimeError("fetch")
        verpakt.__cause__ = fout
        assert services.leesbare_reden(verpakt).startswith("Een onderdeel van de opmaak")


def test_een_leeg_jaar_geeft_toch_een_rapport(django_db_blocker):
    """No data at all (a new year): every chapter says so instead of failing."""
    cijfers = copy.deepcopy(klein_cijfers())
    cijfers["oif"] = {}
    cijfers["vertrouwenspersonen"] = {}
    cijfers["kerncijfers"] = {"ingevoerd": False}
    tekst = pdf_tekst(pdf.html_naar_pdf(pdf.rapport_html(inhoud.rapport_context(jaar=2024, cijfers=cijfers))))
    assert "nog niet ingevoerd" in tekst
    assert "Er zijn in dit jaar geen schendingen afgedaan." in tekst
