"""Charts as SVG, made on the server: the PDF carries no JavaScript.

Horizontal bars (`staafdiagram`) and a ring with shares (`taartdiagram`), as the published report has
them. The SVG uses presentation attributes only (no style attributes), so the same markup also passes
the Content-Security-Policy of the debug view and the dashboard. Text is escaped here and set in the
body font of the report; colours are shades of the house blue only, so that no colour reads as a
judgement.
"""

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

from .tabellen import aantal, procent
from .vergelijken import procent as afgerond

BLAUW = "#154273"
LINT = "#01689b"
GRIJS = "#b4c3d3"
BREEDTE = 600
RIJ_HOOGTE = 20
LABEL_BREEDTE = 250
WAARDE_RUIMTE = 50
TEKEN_BREEDTE = 5.2  # average width of a 9px Source Sans character, for wrapping labels
# The body font of the report (static/css/rapport-pdf.css); an SVG does not inherit it in WeasyPrint.
LETTER = "Source Sans 3, DejaVu Sans, sans-serif"
# Ring slices: from dark to light blue, grey last (usually 'geen afdoening' or 'overig').
TINTEN = (BLAUW, LINT, "#5b8db8", "#8fb4d6", "#c3d6e8", "#9aa5b1", "#d5dbe1")


@dataclass(frozen=True)
class Staaf:
    label: str
    waarde: int


def _regels(tekst: str, max_tekens: int) -> list[str]:
    """Wrap a label on word boundaries into at most two lines (the second one shortened)."""
    woorden, regels, huidig = tekst.split(), [], ""
    for woord in woorden:
        kandidaat = f"{huidig} {woord}".strip()
        if len(kandidaat) <= max_tekens or not huidig:
            huidig = kandidaat
        else:
            regels.append(huidig)
            huidig = woord
    regels.append(huidig)
    if len(regels) > 2:
        regels = [regels[0], " ".join(regels[1:])]
    if len(regels[-1]) > max_tekens:
        regels[-1] = regels[-1][: max_tekens - 1].rstrip() + "…"
    return regels


def _label(titel: str) -> str:
    return escape(titel, {'"': "&quot;"})


def _svg_begin(*, breedte: int, hoogte: float, titel: str, beschrijving: str) -> list[str]:
    """The opening of every chart: an image with the title as its name, in the report's font, and a
    <title> that also reads out the values, so that a screen reader gets the chart as text."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte:.0f}" '
        f'width="{breedte}" height="{hoogte:.0f}" role="img" aria-label="{_label(titel)}" '
        f'font-family="{LETTER}">',
        f"<title>{escape(titel)}: {escape(beschrijving)}</title>",
    ]


def _svg_af(stukken: list[str]) -> SafeString:
    # Every piece of text in a chart went through escape(); numbers and colours are ours.
    return mark_safe("".join([*stukken, "</svg>"]))  # noqa: S308


def staafdiagram(
    staven: list[Staaf],
    *,
    titel: str,
    kleur: str = BLAUW,
    sorteren: bool = False,
    breedte: int = BREEDTE,
    label_breedte: int = LABEL_BREEDTE,
) -> SafeString:
    """An accessible horizontal bar chart: role=img with a title listing every value.

    `sorteren`: largest first, as the published report orders categories (equal values keep their order).
    `breedte`/`label_breedte`: a chart with short labels (years, months) drawn narrower, so that a narrow
    column of the dashboard scales it down less and its 9-pixel text stays readable.
    """
    staven = sorted(staven, key=lambda s: -s.waarde) if sorteren else list(staven)
    hoogste = max((s.waarde for s in staven), default=0) or 1
    max_tekens = int(label_breedte / TEKEN_BREEDTE)
    rijen = [(s, _regels(s.label, max_tekens)) for s in staven]
    hoogtes = [RIJ_HOOGTE + (9 if len(r) > 1 else 0) for _, r in rijen]
    totaal_hoogte = sum(hoogtes) + 8
    schaal = (breedte - label_breedte - WAARDE_RUIMTE) / hoogste
    beschrijving = "; ".join(f"{s.label}: {aantal(s.waarde)}" for s in staven)
    delen = [
        *_svg_begin(breedte=breedte, hoogte=totaal_hoogte, titel=titel, beschrijving=beschrijving),
        f'<line x1="{label_breedte}" y1="0" x2="{label_breedte}" y2="{totaal_hoogte - 4}" '
        f'stroke="{GRIJS}" stroke-width="1"/>',
    ]
    y = 4
    for (staaf, regels), hoogte in zip(rijen, hoogtes, strict=True):
        midden = y + hoogte / 2
        breedte = max(staaf.waarde * schaal, 0)
        for i, regel in enumerate(regels):
            dy = midden + 3 + (i - (len(regels) - 1) / 2) * 10
            delen.append(
                f'<text x="{label_breedte - 6}" y="{dy:.1f}" text-anchor="end" font-size="9" '
                f'fill="#1a1a1a">{escape(regel)}</text>'
            )
        delen.append(
            f'<rect x="{label_breedte}" y="{midden - 6:.1f}" width="{breedte:.1f}" height="12" '
            f'fill="{kleur}"/>'
        )
        delen.append(
            f'<text x="{label_breedte + breedte + 4:.1f}" y="{midden + 3:.1f}" font-size="9" '
            f'font-weight="700" fill="#1a1a1a">{aantal(staaf.waarde)}</text>'
        )
        y += hoogte
    return _svg_af(delen)


@dataclass(frozen=True)
class Deel:
    """A slice of a ring chart; `betekenis` says in words what the slice stands for."""

    label: str
    waarde: int
    betekenis: str = ""


RING_BREEDTE = 600
RING_STRAAL = 62
RING_DIKTE = 26
LEGENDA_X = 170


def _boog(cx: float, cy: float, begin: float, einde: float) -> str:
    """The path of one ring segment between two angles (radians, clockwise from the top)."""
    buiten, binnen = RING_STRAAL, RING_STRAAL - RING_DIKTE
    groot = 1 if einde - begin > math.pi else 0

    def punt(straal, hoek):
        return f"{cx + straal * math.sin(hoek):.2f} {cy - straal * math.cos(hoek):.2f}"

    return (
        f"M {punt(buiten, begin)} A {buiten} {buiten} 0 {groot} 1 {punt(buiten, einde)} "
        f"L {punt(binnen, einde)} A {binnen} {binnen} 0 {groot} 0 {punt(binnen, begin)} Z"
    )


def taartdiagram(delen: list[Deel], *, titel: str, totaal_label: str = "totaal") -> SafeString:
    """A ring chart with the total in the middle and a legend: label, count, share and meaning.

    Shares are whole percents of the total (`procent`); an empty total draws an empty ring.
    """
    delen = [d for d in delen if isinstance(d.waarde, int)]
    totaal = sum(d.waarde for d in delen)
    max_tekens = int((RING_BREEDTE - LEGENDA_X - 20) / TEKEN_BREEDTE)
    # The first line of a label also holds its share: it gets fewer characters.
    koppen = [_regels(f"{d.label} ({aantal(d.waarde)})", max_tekens - 6) for d in delen]
    uitleg = [_regels(d.betekenis, max_tekens) if d.betekenis else [] for d in delen]
    legenda_hoogte = sum(20 + 11 * (len(k) - 1 + len(u)) for k, u in zip(koppen, uitleg, strict=True))
    hoogte = max(2 * RING_STRAAL + 16, legenda_hoogte + 8)
    cx, cy = RING_STRAAL + 8, hoogte / 2
    beschrijving = "; ".join(f"{d.label}: {aantal(d.waarde)} ({_aandeel(d.waarde, totaal)})" for d in delen)
    stukken = [
        *_svg_begin(breedte=RING_BREEDTE, hoogte=hoogte, titel=titel, beschrijving=beschrijving),
        f'<circle cx="{cx}" cy="{cy:.1f}" r="{RING_STRAAL - RING_DIKTE / 2}" fill="none" stroke="{GRIJS}" '
        f'stroke-width="{RING_DIKTE}" stroke-opacity="0.35"/>',
    ]
    hoek = 0.0
    for i, deel in enumerate(delen):
        if not totaal or not deel.waarde:
            continue
        kleur = TINTEN[i % len(TINTEN)]
        if deel.waarde == totaal:
            stukken.append(
                f'<circle cx="{cx}" cy="{cy:.1f}" r="{RING_STRAAL - RING_DIKTE / 2}" fill="none" '
                f'stroke="{kleur}" stroke-width="{RING_DIKTE}"/>'
            )
            break
        einde = hoek + 2 * math.pi * deel.waarde / totaal
        stukken.append(
            f'<path d="{_boog(cx, cy, hoek, einde)}" fill="{kleur}" stroke="#fff" stroke-width="1"/>'
        )
        hoek = einde
    stukken += [
        f'<text x="{cx}" y="{cy + 2:.1f}" text-anchor="middle" font-size="16" font-weight="700" '
        f'fill="{BLAUW}">{aantal(totaal)}</text>',
        f'<text x="{cx}" y="{cy + 13:.1f}" text-anchor="middle" font-size="8" fill="#444">'
        f"{escape(totaal_label)}</text>",
    ]
    y = (hoogte - legenda_hoogte) / 2 + 12
    for i, (deel, kop, regels) in enumerate(zip(delen, koppen, uitleg, strict=True)):
        kleur = TINTEN[i % len(TINTEN)]
        stukken += [
            f'<rect x="{LEGENDA_X}" y="{y - 8:.1f}" width="10" height="10" fill="{kleur}"/>',
            f'<text x="{LEGENDA_X + 16}" y="{y:.1f}" font-size="9.5" fill="#1a1a1a">'
            f'<tspan font-weight="700">{escape(_aandeel(deel.waarde, totaal))}</tspan> '
            f"{escape(kop[0])}</text>",
        ]
        for vervolg in kop[1:]:
            y += 11
            stukken.append(
                f'<text x="{LEGENDA_X + 16}" y="{y:.1f}" font-size="9.5" fill="#1a1a1a">'
                f"{escape(vervolg)}</text>"
            )
        for regel in regels:
            y += 11
            stukken.append(
                f'<text x="{LEGENDA_X + 16}" y="{y:.1f}" font-size="8" fill="#444">{escape(regel)}</text>'
            )
        y += 20
    return _svg_af(stukken)


def _aandeel(waarde: int, totaal: int) -> str:
    return procent(afgerond(waarde, totaal), aantal=waarde, totaal=totaal) if totaal else "–"
