"""Which hoofdcategorieën the report splits out is data on the taxonomy (Hoofdcategorie.uitsplitsen)."""

import datetime
import json

import pytest
import time_machine

from finintegriteit.referentie import models as ref
from rapportage import inhoud, pdf
from rapportage.selectors import jaarcijfers
from rapportage.services.publicatie import tellijst_publiceren
from rapportage.vaststelling.bevriezen import als_json, jaarcijfers_terug
from tests.bouwstenen import tellijst

pytestmark = pytest.mark.django_db

NU = datetime.datetime(2025, 6, 16, 10, 0, tzinfo=datetime.UTC)


def paragrafen(html: str) -> list[str]:
    vp = html.split('id="vertrouwenspersonen"', 1)[1].split('class="hoofdstuk"', 1)[0]
    return [kop.split("</h2>", 1)[0].split(" ", 1)[1] for kop in vp.split("<h2>")[1:]]


def test_de_figuren_dragen_de_vlag_van_de_taxonomie():
    aard = jaarcijfers(jaar=2024)["vertrouwenspersonen"]["bijlage1"]["aard"]

    assert [h["code"] for h in aard if h["uitsplitsen"]] == [
        "ongewenste-omgangsvormen",
        "problematiek-personeel-en-organisatie",
    ]


@time_machine.travel(NU, tick=False)
def test_een_andere_vlag_geeft_een_andere_indeling():
    tellijst(6, sub="1-fraude")
    tellijst(6, sub="5-intimidatie")
    tellijst_publiceren()
    ref.Hoofdcategorie.objects.filter(code="financiele-schendingen").update(uitsplitsen=True)
    ref.Hoofdcategorie.objects.filter(code="problematiek-personeel-en-organisatie").update(uitsplitsen=False)

    html = pdf.rapport_html(inhoud.rapport_context(jaar=2024))

    koppen = paragrafen(html)
    assert "Financiële schendingen" in koppen and "Ongewenste omgangsvormen" in koppen
    assert "Problematiek personeel en organisatie" not in koppen


@time_machine.travel(NU, tick=False)
def test_bevroren_cijfers_van_voor_de_vlag_krijgen_haar_uit_de_taxonomie():
    tellijst(6, sub="5-intimidatie")
    tellijst_publiceren()
    cijfers = inhoud.rapportcijfers(jaar=2024)
    oud = json.loads(als_json(cijfers))
    for hoofd in oud["vertrouwenspersonen"]["bijlage1"]["aard"]:
        del hoofd["uitsplitsen"]

    hersteld = jaarcijfers_terug(json.dumps(oud))

    assert [h["code"] for h in hersteld["vertrouwenspersonen"]["bijlage1"]["aard"] if h["uitsplitsen"]] == [
        "ongewenste-omgangsvormen",
        "problematiek-personeel-en-organisatie",
    ]
    assert paragrafen(pdf.rapport_html(inhoud.rapport_context(jaar=2024, cijfers=hersteld))) == paragrafen(
        pdf.rapport_html(inhoud.rapport_context(jaar=2024, cijfers=cijfers))
    )
