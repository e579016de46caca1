"""The layout of the 2024 demo report, page by page: what a reader of the printed report would notice.

No heading stands alone at the foot of a page, every footnote marker has its footnote on the same page,
and Bijlage 2 is one table per onderdeel whose header appears again only at the top of a page.
"""

import html
import io
import re

import pypdf
import pytest
from django.core.management import call_command

from rapportage import inhoud, pdf
from rapportage.hoofdstukken._gemeen import VOETNOOTMERKEN

B2_KOP = "Schending Inhoud (vermoedelijke) schending Afdoening"


def _tekst(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def demo_pdf(onderdeel_code: str | None):
    """(HTML, text lines per page) of the demo report of the ministry or of one onderdeel."""
    from finintegriteit.referentie.models import Onderdeel

    call_command("laad_demodata", verbosity=0)
    onderdeel = Onderdeel.objects.get(code=onderdeel_code) if onderdeel_code else None
    bron = pdf.rapport_html(inhoud.rapport_context(jaar=2024, onderdeel=onderdeel))
    paginas = [
        _regels_van_boven_naar_beneden(p) for p in pypdf.PdfReader(io.BytesIO(pdf.html_naar_pdf(bron))).pages
    ]
    return bron, paginas


def _regels_van_boven_naar_beneden(pagina) -> list[str]:
    """The lines of a page as a reader sees them, top to bottom, without the running header and footer.

    By position, not in the order the PDF paints its text: a heading above floated blocks is painted
    after them, so the text order would put it at the foot of a page where it does not stand.
    """
    stukken = []

    def bewaar(tekst, cm, tm, _font, _grootte):
        if tekst.strip():
            stukken.append((round(tm[5] * cm[3] + cm[5]), tm[4] * cm[0] + cm[4], " ".join(tekst.split())))

    pagina.extract_text(visitor_text=bewaar)
    per_hoogte: dict[int, list] = {}
    for y, x, tekst in stukken:
        per_hoogte.setdefault(y, []).append((x, tekst))
    regels = [" ".join(t for _x, t in sorted(per_hoogte[y])) for y in sorted(per_hoogte, reverse=True)]
    return regels[1:-1]  # the running header is the top line, the footer the bottom one


@pytest.mark.django_db
@pytest.mark.parametrize("onderdeel_code", [None, "douane"])
def test_opmaak_van_het_demorapport_2024(onderdeel_code):
    """Rendered once per scope (it takes seconds); each check below names the page where it fails."""
    bron, paginas = demo_pdf(onderdeel_code)
    inhoud_op_een_pagina(paginas)
    geen_kop_alleen_onderaan(bron, paginas)
    voetnoot_op_de_pagina_van_het_merkteken(paginas)
    bijlage2_doorlopend_per_onderdeel(bron, paginas)


def inhoud_op_een_pagina(paginas: list[list[str]]) -> None:
    """The contents fill page 2 and no more: a third page with its last few lines is a page a reader
    turns for nothing."""
    regels_met_paginanummer = [r for r in paginas[2] if re.search(r"(\. ?){4,}\s*\d+$", r)]
    assert not regels_met_paginanummer, f"de inhoud loopt door op pagina 3: {regels_met_paginanummer}"
    assert paginas[1] and paginas[1][0] == "Inhoud"


def geen_kop_alleen_onderaan(bron: str, paginas: list[list[str]]) -> None:
    koppen = {_tekst(k) for k in re.findall(r"<(?:h[1-3]|caption|figcaption)[^>]*>(.*?)</", bron, re.S)}
    koppen.discard("")
    for nummer, regels in enumerate(paginas[2:], start=3):  # after the cover and the contents
        laatste = regels[-1] if regels else ""
        alleen = [k for k in koppen if k == laatste or (len(laatste) > 8 and k.endswith(laatste))]
        assert not alleen, f"pagina {nummer} eindigt met de kop ‘{alleen[0]}’"


def voetnoot_op_de_pagina_van_het_merkteken(paginas: list[list[str]]) -> None:
    gecontroleerd = 0
    for nummer, regels in enumerate(paginas, start=1):
        for merk in VOETNOOTMERKEN:
            noten = [r for r in regels if r.startswith(merk)]
            gebruikt = [r for r in regels if merk in r and not r.startswith(merk)]
            if gebruikt:
                gecontroleerd += 1
                assert noten, f"pagina {nummer}: merkteken {merk} zonder voetnoot ({gebruikt[0]})"
    assert gecontroleerd >= 2  # the Leidinggevende footnote in chapter 5 and in the infographic at least


def bijlage2_doorlopend_per_onderdeel(bron: str, paginas: list[list[str]]) -> None:
    onderdelen = [
        _tekst(k) for k in re.findall(r'<section id="bijlage2-[^"]*">\s*<h2>(.*?)</h2>', bron, re.S)
    ]
    assert onderdelen
    for nummer, regels in enumerate(paginas, start=1):
        koppen = sum(r == B2_KOP for r in regels)
        nieuwe_tabellen = sum(r in onderdelen for r in regels)
        # The header stands at the top of a page (repeated) and where an onderdeel's table begins; never
        # anywhere else.
        assert koppen <= 1 + nieuwe_tabellen, f"pagina {nummer}: {koppen} keer de kop van Bijlage 2"
        if koppen and regels[0] != B2_KOP and nieuwe_tabellen == 0:
            pytest.fail(f"pagina {nummer}: kop van Bijlage 2 midden op de pagina")


def test_de_controle_ziet_een_kop_die_alleen_onderaan_staat_en_niet_een_kop_boven_zwevende_blokken():
    """The check itself, on pages made for it: it must fail on a real orphan and pass the infographic's
    layout, where the heading is painted after the floated blocks below it."""
    pagina = (
        "@page { size: A5; margin: 20mm 15mm; @top-left { content: 'kop' } @bottom-left { content: 'voet' } }"
    )
    kop_onderaan = (
        f"<html lang='nl'><style>{pagina} h2 {{ break-after: auto }} p {{ margin: 0 }}</style>"
        "<p>begin</p><div style='height: 145mm'></div><h2>Een kop die alleen staat</h2>"
        "<div style='height: 100mm; break-inside: avoid'>tekst erna</div>"
    )
    boven_blokken = (
        f"<html lang='nl'><style>{pagina} .k {{ float: left; width: 45% }}</style>"
        "<h2>Een kop boven blokken</h2><div class='k'><p>links</p></div><div class='k'><p>rechts</p></div>"
    )
    for bron, fout in ((kop_onderaan, True), (boven_blokken, False)):
        paginas = [
            _regels_van_boven_naar_beneden(p)
            for p in pypdf.PdfReader(io.BytesIO(pdf.html_naar_pdf(bron))).pages
        ]
        try:
            geen_kop_alleen_onderaan(bron, [[], [], *paginas])
        except AssertionError:
            assert fout, "de controle zag een kop onderaan die er niet staat"
        else:
            assert not fout, "de controle zag de kop onderaan de pagina niet"
