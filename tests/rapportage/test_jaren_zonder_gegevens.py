"""A previous year for which the system holds no data is left out, not shown as zeros, nor compared with.

The published 2024 report has no OIF column of 2023 (there are no OIF figures of 2023) and shows the
Tellijst tables for 2022-2024 (the Tellijst has all three years). 'No data' means no rows at all of
that part of the system (Tellijst, OIF meldingen, OIF afdoeningen) in that year, ministry-wide: a zero
in one cell, or an onderdeel without meldingen in a year the system did register, is a real zero.
"""

import datetime
import re

import pytest

from finintegriteit.referentie.models import Onderdeel
from rapportage import inhoud, pdf
from rapportage.selectors import jaarcijfers, jaren_met_gegevens
from tests.bouwstenen import afgedaan, melding
from tests.bouwstenen.rapportage import pdf_tekst
from tests.bouwstenen.tellijst import tellijst_gepubliceerd

pytestmark = pytest.mark.django_db

VORIG_JAAR = datetime.date(2023, 5, 1)


def tabel(sleutel: str, onderdeel=None):
    return inhoud.dashboard_tabel(sleutel, jaar=2024, onderdeel=onderdeel)


def cellen(tabel, label: str) -> list:
    return next(rij.waarden for rij in tabel.rijen if rij.label == label)


def douane():
    return Onderdeel.objects.get(code="douane")


def infographic_oif(onderdeel=None) -> str:
    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024, onderdeel=onderdeel))
    return html.split('id="infographic-oif"', 1)[1].split("</section>", 1)[0]


# --- The selector: which years hold data ---------------------------------------------------------------


def test_de_selector_kent_per_deel_de_jaren_met_rijen_in_een_query(django_assert_num_queries):
    melding(ontvangen_op=VORIG_JAAR)
    afgedaan(datum=datetime.date(2024, 2, 1))
    tellijst_gepubliceerd(1, jaar=2022)
    tellijst_gepubliceerd(1, jaar=2024)

    with django_assert_num_queries(1):
        jaren = jaren_met_gegevens(jaar=2024)

    assert jaren == {
        "tellijst": [2022, 2024],
        "oif_meldingen": [2023, 2024],  # the afgedane melding was received in January 2024
        "oif_afdoeningen": [2024],
    }


def test_een_leeg_systeem_heeft_geen_enkel_jaar():
    assert jaren_met_gegevens(jaar=2024) == {"tellijst": [], "oif_meldingen": [], "oif_afdoeningen": []}


# --- OIF: the column of last year ------------------------------------------------------------------------


def test_met_alleen_oif_gegevens_van_2024_heeft_geen_oif_tabel_een_kolom_2023():
    melding(melder="burger")
    afgedaan()

    for sleutel in ["oif-melder", "oif-onderwerp", "oif-onderzoek", "oif-schending", "oif-afdoening"]:
        assert tabel(sleutel).kolommen == ["2024", "%"], sleutel
    assert cellen(tabel("oif-melder"), "Burger") == [1, 50]
    assert all(r["pijl"] is None for r in jaarcijfers(jaar=2024)["oif"]["tabellen"]["melder"])


def test_met_oif_gegevens_van_2023_staat_de_kolom_2023_er_ook_waar_hij_nul_is():
    melding(melder="burger")
    melding(melder="management", ontvangen_op=VORIG_JAAR)

    melder = tabel("oif-melder")

    assert melder.kolommen == ["2024", "%", "2023"]
    assert cellen(melder, "Burger") == [1, 100, 0], "a zero of a year with data is a real zero"
    assert cellen(melder, "Management") == [0, 0, 1]
    # Afdoeningen are another part: none of 2023, so the betrokkenen tables have no 2023 column.
    assert tabel("oif-schending").kolommen == ["2024", "%"]


def test_een_onderdeel_zonder_meldingen_in_een_geregistreerd_jaar_krijgt_de_kolom_met_nullen():
    melding(melder="management", ontvangen_op=VORIG_JAAR, onderdeel="belastingdienst")
    melding(melder="burger", onderdeel="douane")

    melder = tabel("oif-melder", onderdeel=douane())

    assert melder.kolommen == ["2024", "%", "2023"]
    assert cellen(melder, "Burger")[2] == 0
    burger = next(
        r
        for r in jaarcijfers(jaar=2024, onderdeel=douane())["oif"]["tabellen"]["melder"]
        if r["label"] == "Burger"
    )
    assert burger["pijl"] == "↑", "0 in a registered year is a real 0: the rise is real"


@pytest.mark.parametrize("met_2023", [False, True], ids=["alleen-2024", "ook-2023"])
def test_de_pdf_toont_de_kolom_2023_alleen_met_gegevens_van_2023(met_2023):
    melding(melder="burger")
    afgedaan()
    if met_2023:
        melding(melder="management", ontvangen_op=VORIG_JAAR)

    tekst = re.sub(
        r"\s+", " ", pdf_tekst(pdf.html_naar_pdf(pdf.rapport_html(inhoud.rapport_context(jaar=2024))))
    )

    assert "Melder 2024 %" in tekst
    assert ("Melder 2024 % 2023" in tekst) is met_2023
    if not met_2023:
        assert "2023" not in tekst, "no year without data anywhere in the report"


# --- The infographic: no arrow against a year without data ---------------------------------------------


def test_de_infographic_toont_geen_pijlen_en_geen_legenda_zonder_oif_gegevens_van_vorig_jaar():
    melding(melder="burger")
    afgedaan()

    pagina = infographic_oif()

    assert "Burger" in pagina
    assert "↑" not in pagina and "↓" not in pagina
    assert "legenda" not in pagina


def test_de_infographic_toont_pijlen_met_oif_gegevens_van_vorig_jaar():
    melding(melder="burger")
    melding(melder="management", ontvangen_op=VORIG_JAAR)

    pagina = infographic_oif()

    assert '<span class="pijl op">↑</span> 1' in pagina  # Burger 0 -> 1
    assert '<span class="pijl neer">↓</span> 0' in pagina  # Management 1 -> 0
    assert "legenda" in pagina


def test_geen_pijl_bij_het_totaal_van_de_tellijst_zonder_gegevens_van_vorig_jaar():
    tellijst_gepubliceerd(3, jaar=2024)
    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024))
    assert "vorig jaar" not in html.split('id="infographic-vp"', 1)[1].split("</section>")[0]

    tellijst_gepubliceerd(2, jaar=2023)
    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024))
    vp_pagina = html.split('id="infographic-vp"', 1)[1].split("</section>")[0]
    assert "vorig jaar" in vp_pagina and '<span class="pijl op">↑</span> 2' in vp_pagina


# --- The Tellijst: three years side by side ------------------------------------------------------------


def test_een_jaar_zonder_tellijstrijen_staat_niet_in_de_driejaarstabellen():
    tellijst_gepubliceerd(2, jaar=2023)
    tellijst_gepubliceerd(3, jaar=2024)

    hoofdcategorie = tabel("vp-hoofdcategorie")

    assert hoofdcategorie.kolommen == ["2023", "2024", "2023 %", "2024 %"]
    assert cellen(hoofdcategorie, "5. Ongewenste omgangsvormen") == [2, 3, 100, 100]
    assert tabel("vp-aard-volledig").kolommen == ["2023", "2024"]
    assert [rij.label for rij in tabel("vp-totalen").rijen] == ["2023", "2024"]
    koppen = [p.kop for h in inhoud.dashboard_hoofdstukken(jaar=2024) for p in h.paragrafen]
    assert any(kop.endswith(" Alle categorieën 2023–2024") for kop in koppen), koppen


def test_met_tellijstrijen_in_alle_drie_de_jaren_staan_ze_alle_drie_er_ook_met_nullen():
    tellijst_gepubliceerd(1, jaar=2022, onderdeel="belastingdienst")
    tellijst_gepubliceerd(6, jaar=2023)  # at or above the threshold of an onderdeel's Tellijst cells
    tellijst_gepubliceerd(7, jaar=2024)

    hoofdcategorie = tabel("vp-hoofdcategorie", onderdeel=douane())

    assert hoofdcategorie.kolommen == ["2022", "2023", "2024", "2022 %", "2023 %", "2024 %"]
    assert cellen(hoofdcategorie, "5. Ongewenste omgangsvormen")[:3] == [0, 6, 7], (
        "Douane had nothing in 2022, but 2022 was registered: a real 0"
    )


# --- The report year itself without data of a part: said, never zeros ----------------------------------


def test_een_jaar_zonder_oif_rijen_zegt_geen_gegevens_in_plaats_van_nullen(coordinator):
    from rapportage.models import Rapportdeel
    from rapportage.teksten import services

    tellijst_gepubliceerd(3, jaar=2023)
    services.structuur_aanmaken(jaar=2023, door=coordinator)
    voorwoord = Rapportdeel.objects.get(jaar=2023, titel="Voorwoord")
    services.rapportdeel_opslaan(
        deel=voorwoord, door=coordinator, tekst="Het OIF ontving {{ oif.meldingen }} meldingen."
    )

    html = pdf.rapport_html(inhoud.rapport_context(jaar=2023))
    tekst = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))

    assert "Het OIF ontving geen gegevens geregistreerd meldingen." in tekst
    assert "Meldingen bij het OIF geen gegevens geregistreerd" in tekst  # the kerncijfers table
    assert "Over 2023 zijn in het systeem geen gegevens geregistreerd van het Onderzoeksbureau" in tekst
    assert "Over 2023 zijn in het systeem geen gegevens geregistreerd van afgedane schendingen" in tekst
    assert 'id="infographic-oif"' not in html and 'id="infographic-betrokkenen"' not in html
    assert "geen schendingen afgedaan" not in tekst
    assert "Meldingen bij het OIF 0" not in tekst and 'class="groot">0<' not in html
