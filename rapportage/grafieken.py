"""Horizontal bar charts as SVG, made on the server: the PDF carries no JavaScript.

The SVG uses presentation attributes only (no style attributes), so the same markup also passes the
Content-Security-Policy of the debug view. Text is escaped; the caller marks the result safe.
"""

from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

from .tabellen import aantal

BLAUW = "#154273"
LINT = "#01689b"
GRIJS = "#b4c3d3"
BREEDTE = 600
RIJ_HOOGTE = 20
LABEL_BREEDTE = 250
WAARDE_RUIMTE = 50
TEKEN_BREEDTE = 5.2  # average width of a 9px Source Sans character, for wrapping labels


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


def staafdiagram(staven: list[Staaf], *, titel: str, kleur: str = BLAUW) -> SafeString:
    """An accessible horizontal bar chart: role=img with a title listing every value."""
    staven = list(staven)
    hoogste = max((s.waarde for s in staven), default=0) or 1
    max_tekens = int(LABEL_BREEDTE / TEKEN_BREEDTE)
    rijen = [(s, _regels(s.label, max_tekens)) for s in staven]
    hoogtes = [RIJ_HOOGTE + (9 if len(r) > 1 else 0) for _, r in rijen]
    totaal_hoogte = sum(hoogtes) + 8
    schaal = (BREEDTE - LABEL_BREEDTE - WAARDE_RUIMTE) / hoogste
    beschrijving = "; ".join(f"{s.label}: {aantal(s.waarde)}" for s in staven)
    label = escape(titel, {'"': "&quot;"})
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {totaal_hoogte}" '
        f'width="{BREEDTE}" height="{totaal_hoogte}" role="img" aria-label="{label}">',
        f"<title>{escape(titel)}: {escape(beschrijving)}</title>",
        f'<line x1="{LABEL_BREEDTE}" y1="0" x2="{LABEL_BREEDTE}" y2="{totaal_hoogte - 4}" '
        f'stroke="{GRIJS}" stroke-width="1"/>',
    ]
    y = 4
    for (staaf, regels), hoogte in zip(rijen, hoogtes, strict=True):
        midden = y + hoogte / 2
        breedte = max(staaf.waarde * schaal, 0)
        for i, regel in enumerate(regels):
            dy = midden + 3 + (i - (len(regels) - 1) / 2) * 10
            delen.append(
                f'<text x="{LABEL_BREEDTE - 6}" y="{dy:.1f}" text-anchor="end" font-size="9" '
                f'fill="#1a1a1a">{escape(regel)}</text>'
            )
        delen.append(
            f'<rect x="{LABEL_BREEDTE}" y="{midden - 6:.1f}" width="{breedte:.1f}" height="12" '
            f'fill="{kleur}"/>'
        )
        delen.append(
            f'<text x="{LABEL_BREEDTE + breedte + 4:.1f}" y="{midden + 3:.1f}" font-size="9" '
            f'font-weight="700" fill="#1a1a1a">{aantal(staaf.waarde)}</text>'
        )
        y += hoogte
    delen.append("</svg>")
    # Every piece of text above went through escape(); numbers and colours are ours.
    return mark_safe("".join(delen))  # noqa: S308
