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
    paginas = []
    for pagina in pypdf.PdfReader(io.BytesIO(pdf.html_naar_pdf(bron))).pages:
        regels = [" ".join(r.split()) for r in pagina.extract_text().splitlines() if r.strip()]
        # The running header and the footer (margin boxes) come last in the text of a page.
        paginas.append(regels[:-2])
    return bron, paginas


@pytest.mark.django_db
@pytest.mark.parametrize("onderdeel_code", [None, "douane"])
def test_opmaak_van_het_demorapport_2024(onderdeel_code):
    """Rendered once per scope (it takes seconds); each check below names the page where it fails."""
    bron, paginas = demo_pdf(onderdeel_code)
    geen_kop_alleen_onderaan(bron, paginas)
    voetnoot_op_de_pagina_van_het_merkteken(paginas)
    bijlage2_doorlopend_per_onderdeel(bron, paginas)


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
