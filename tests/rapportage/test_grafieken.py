"""The charts of the report as a reader (or a screen reader) meets them: order, shares, meaning, font."""

import re
from xml.etree import ElementTree

from rapportage.grafieken import LETTER, Deel, Staaf, staafdiagram, taartdiagram


def test_staven_op_grootte_gesorteerd_grootste_eerst():
    svg = staafdiagram(
        [Staaf("Fraude", 2), Staaf("Pesten", 51), Staaf("Lekken", 23)], titel="Schendingen", sorteren=True
    )

    labels = re.findall(r'text-anchor="end"[^>]*>([^<]+)<', svg)
    assert labels == ["Pesten", "Lekken", "Fraude"]
    assert "Schendingen: Pesten: 51; Lekken: 23; Fraude: 2" in svg
    assert f'font-family="{LETTER}"' in svg


def test_ring_toont_aandelen_die_optellen_tot_honderd_met_hun_betekenis():
    svg = taartdiagram(
        [
            Deel("geen afdoening", 100, "Geen maatregel nodig."),
            Deel("niet-disciplinair", 66),
            Deel("disciplinair", 20, "Een straf."),
        ],
        titel="Afdoeningen",
        totaal_label="afgedaan",
    )

    aandelen = [int(p) for p in re.findall(r'font-weight="700">(\d+)%</tspan>', svg)]
    assert aandelen == [54, 35, 11] and sum(aandelen) == 100
    assert "Geen maatregel nodig." in svg and "Een straf." in svg
    assert ">186</text>" in svg and ">afgedaan</text>" in svg
    assert svg.count("<path ") == 3
    # No colour of judgement: every slice is a shade of the house blue or grey.
    assert not re.search(r'fill="#(?:a4001d|275937|ff0000|00ff00)"', svg)


def test_een_klein_deel_van_de_ring_is_geen_nul_procent_en_de_rest_geen_honderd():
    svg = taartdiagram([Deel("anoniem", 1), Deel("medewerker", 213)], titel="Melders")

    aandelen = [ElementTree.fromstring(t).text for t in re.findall(r"<tspan[^>]*>[^<]*</tspan>", svg)]
    assert aandelen == ["<1%", ">99%"]
    assert "anoniem: 1 (&lt;1%); medewerker: 213 (&gt;99%)" in svg
    ElementTree.fromstring(svg)  # still well-formed: the '<' is escaped


def test_tekst_in_een_grafiek_wordt_ontsnapt():
    svg = taartdiagram([Deel("<script>", 1)], titel='a"b')

    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'aria-label="a&quot;b"' in svg
