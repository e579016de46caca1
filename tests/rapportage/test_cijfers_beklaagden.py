"""The aard of the adviesvragen per group of beklaagden (chapter 3, Beklaagden), against hand-built rows."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from finintegriteit.referentie import models as ref
from rapportage import inhoud, pdf
from rapportage.selectors import gepubliceerd
from rapportage.selectors.afscherming import VERBORGEN
from rapportage.selectors.beklaagden import aard_per_beklaagdengroep
from rapportage.services.publicatie import tellijst_publiceren
from tests.bouwstenen import tellijst

pytestmark = pytest.mark.django_db

NU = datetime.datetime(2025, 6, 16, 10, 0, tzinfo=datetime.UTC)  # 2024 is closed


def rijen():
    """2024: leidinggevenden (direct + andere), collega's (eigen + ander onderdeel), and rows that the
    breakdown leaves out: the melder zelf, a hoofdcategorie that is not split out, another year."""
    tellijst(6, sub="5-intimidatie", wie="direct-leidinggevende")
    tellijst(3, sub="5-intimidatie", wie="andere-leidinggevende")
    tellijst(7, sub="8-arbeidsconflict", wie="direct-leidinggevende")
    tellijst(8, sub="5-pesten-treiteren-roddelen-buitensluiten", wie="collega-eigen-organisatieonderdeel")
    tellijst(2, sub="5-discriminatie", wie="medewerker-ander-organisatieonderdeel")
    tellijst(5, sub="5-intimidatie", wie="melder-zelf")
    tellijst(4, sub="1-fraude", wie="direct-leidinggevende")
    tellijst(9, jaar=2023, sub="5-intimidatie", wie="leidinggevende")


def per_sub(groepen) -> dict:
    return {
        (groep["code"], hoofd["code"], sub["label"]): sub["aantal"]
        for groep in groepen
        for hoofd in groep["hoofdcategorieen"]
        for sub in hoofd["subcategorieen"]
    }


def hoofd(groepen, groep, code) -> dict:
    return next(h for g in groepen if g["code"] == groep for h in g["hoofdcategorieen"] if h["code"] == code)


def test_groepen_en_hoofdcategorieen_komen_uit_de_taxonomie():
    assert set(
        ref.WieBetreft.objects.filter(beklaagdengroep="leidinggevende").values_list("code", flat=True)
    ) == {
        "leidinggevende",
        "direct-leidinggevende",
        "andere-leidinggevende",
    }
    assert set(ref.WieBetreft.objects.filter(beklaagdengroep="collega").values_list("code", flat=True)) == {
        "collega-eigen-organisatieonderdeel",
        "medewerker-ander-organisatieonderdeel",
    }
    assert list(ref.Hoofdcategorie.objects.filter(uitsplitsen=True).values_list("nummer", flat=True)) == [
        5,
        8,
    ]


def test_telt_de_publicatie_per_groep_van_beklaagden_en_subcategorie(django_assert_num_queries):
    rijen()
    tellijst_publiceren()
    tellijst(20, sub="5-intimidatie", wie="direct-leidinggevende")  # after the publication: not counted
    bron = gepubliceerd()
    hoofdcategorieen, subcategorieen = (
        list(ref.Hoofdcategorie.objects.all()),
        list(ref.Subcategorie.objects.all()),
    )

    with django_assert_num_queries(1):
        groepen = aard_per_beklaagdengroep(
            jaar=2024, bron=bron, hoofdcategorieen=hoofdcategorieen, subcategorieen=subcategorieen
        )

    assert [g["code"] for g in groepen] == ["leidinggevende", "collega"]
    assert [h["code"] for h in groepen[0]["hoofdcategorieen"]] == [
        "ongewenste-omgangsvormen",
        "problematiek-personeel-en-organisatie",
    ]
    aantallen = per_sub(groepen)
    # Direct and andere leidinggevende added up; the 2023 'Leidinggevende' rows are another year.
    assert aantallen["leidinggevende", "ongewenste-omgangsvormen", "Intimidatie"] == 9
    assert aantallen["leidinggevende", "problematiek-personeel-en-organisatie", "Arbeidsconflict"] == 7
    assert aantallen["collega", "ongewenste-omgangsvormen", "Pesten, treiteren, roddelen, buitensluiten"] == 8
    assert aantallen["collega", "ongewenste-omgangsvormen", "Discriminatie"] == 2
    # The melder zelf is in no group.
    assert aantallen["collega", "ongewenste-omgangsvormen", "Intimidatie"] == 0
    assert hoofd(groepen, "leidinggevende", "ongewenste-omgangsvormen")["aantal"] == 9
    assert hoofd(groepen, "collega", "problematiek-personeel-en-organisatie")["aantal"] == 0
    # Every subcategorie of the year is listed, with zero where there are no rows.
    assert len([k for k in aantallen if k[:2] == ("collega", "problematiek-personeel-en-organisatie")]) == 5


def test_een_onderdeel_telt_alleen_zijn_eigen_rijen():
    rijen()
    tellijst(4, sub="5-intimidatie", wie="direct-leidinggevende", onderdeel="toeslagen")
    tellijst_publiceren()

    groepen = aard_per_beklaagdengroep(
        jaar=2024, bron=gepubliceerd(), onderdeel=ref.Onderdeel.objects.get(code="toeslagen")
    )

    assert hoofd(groepen, "leidinggevende", "ongewenste-omgangsvormen")["aantal"] == 4
    assert hoofd(groepen, "collega", "ongewenste-omgangsvormen")["aantal"] == 0


def test_voor_de_eerste_publicatie_telt_er_niets():
    rijen()

    groepen = aard_per_beklaagdengroep(jaar=2024, bron=gepubliceerd())

    assert all(h["aantal"] == 0 for g in groepen for h in g["hoofdcategorieen"])


@time_machine.travel(NU, tick=False)
def test_een_kleine_telling_wordt_verborgen_met_een_tweede_van_dezelfde_som():
    rijen()
    # Another onderdeel's discriminatie by a collega: the published total of 7 is not all Douane's.
    tellijst(5, sub="5-discriminatie", wie="collega-eigen-organisatieonderdeel", onderdeel="belastingdienst")
    tellijst_publiceren()

    # One onderdeel's figures are never exact: the 2 discriminatie by a collega is below the threshold.
    cijfers = inhoud.paginacijfers(jaar=2024, onderdeel=ref.Onderdeel.objects.get(code="douane"))
    groepen = cijfers["vertrouwenspersonen"]["aard_per_beklaagde"]

    collega = hoofd(groepen, "collega", "ongewenste-omgangsvormen")
    assert {s["label"]: s["aantal"] for s in collega["subcategorieen"] if s["aantal"]} == {
        "Pesten, treiteren, roddelen, buitensluiten": VERBORGEN,
        "Discriminatie": VERBORGEN,
    }
    assert collega["aantal"] == 10
    # The whole ministry's figures of a closed year are exact, as the published report.
    exact = inhoud.paginacijfers(jaar=2024)["vertrouwenspersonen"]["aard_per_beklaagde"]
    assert hoofd(exact, "collega", "ongewenste-omgangsvormen")["aantal"] == 15
    assert per_sub(exact)["collega", "ongewenste-omgangsvormen", "Discriminatie"] == 7
    # The ministry's 7 less Belastingdienst's count would give Douane's 2: that is hidden as well.
    ander = inhoud.paginacijfers(jaar=2024, onderdeel=ref.Onderdeel.objects.get(code="belastingdienst"))
    per_sub_ander = per_sub(ander["vertrouwenspersonen"]["aard_per_beklaagde"])
    assert per_sub_ander["collega", "ongewenste-omgangsvormen", "Discriminatie"] == VERBORGEN


def _sectie(html: str) -> str:
    return html.split('id="vp-beklaagden"', 1)[1].split("</section>", 1)[0]


@time_machine.travel(NU, tick=False)
def test_rapport_en_voorbeeld_tonen_de_vier_grafieken_bij_beklaagden(client, coordinator):
    rijen()
    tellijst_publiceren()

    sectie = _sectie(pdf.rapport_html(inhoud.rapport_context(jaar=2024)))

    # Numbered under the paragraph (chapter 5 of the standard structure, 3.4 in the published Bijlage 3).
    nummer = sectie.split("<h2>", 1)[1].split(" ", 1)[0]
    assert f"<h3>{nummer}.1 Leidinggevende als beklaagde</h3>" in sectie
    assert (
        f"<h3>{nummer}.2 Collega of medewerker van een ander organisatieonderdeel als beklaagde</h3>"
        in sectie
    )
    titels = [
        "Ongewenste omgangsvormen naar aard, leidinggevende als beklaagde 2024",
        "Problematiek personeel en organisatie naar aard, leidinggevende als beklaagde 2024",
        "Ongewenste omgangsvormen naar aard, collega of medewerker van een ander organisatieonderdeel "
        "als beklaagde 2024",
    ]
    for titel in titels:
        assert f"<figcaption>{titel}</figcaption>" in sectie, titel
    # The counts in the chart's text alternative and in the table.
    assert "Intimidatie: 9;" in sectie and "Arbeidsconflict: 7;" in sectie
    assert "Pesten, treiteren, roddelen, buitensluiten: 8;" in sectie and "Discriminatie: 2;" in sectie
    # No rows at all: no chart of zeros, the table says 0.
    assert "Problematiek personeel en organisatie naar aard, collega" not in sectie
    assert "<caption>Aard van de adviesvragen met leidinggevende als beklaagde 2024</caption>" in sectie
    assert '<th scope="row">Discriminatie</th><td class="getal">2</td>' in sectie

    client.force_login(coordinator)
    voorbeeld = client.get(reverse("rapportage:voorbeeld"), {"jaar": 2024}).content.decode()
    assert _sectie(voorbeeld).count("<figcaption>") == sectie.count("<figcaption>")


@time_machine.travel(NU, tick=False)
def test_een_vastgesteld_rapport_toont_de_bevroren_aantallen_en_de_export_blijft_gelijk(
    coordinator, settings, tmp_path
):
    from rapportage.vaststelling.services import rapport_vaststellen

    settings.RAPPORT_ROOT = tmp_path
    rijen()
    tellijst_publiceren()
    vaststelling = rapport_vaststellen(jaar=2024, door=coordinator)
    # A late row after the adoption, published: the live figures change, the adopted report does not.
    tellijst(5, sub="5-intimidatie", wie="andere-leidinggevende")
    tellijst_publiceren()

    sectie = _sectie(pdf.rapport_html(inhoud.rapport_context(jaar=2024)))
    assert "Intimidatie: 9;" in sectie and "Intimidatie: 14" not in sectie
    assert "Intimidatie: 14;" in _sectie(
        pdf.rapport_html(inhoud.rapport_context(jaar=2024, cijfers=inhoud.rapportcijfers(jaar=2024)))
    )
    # The export (and so what 'Wijzigingen na de vaststelling' compares) has no key for these figures.
    assert "aard_per_beklaagde" not in vaststelling.cijfers_json
    assert "aard_per_beklaagde" in vaststelling.grondslag_json
