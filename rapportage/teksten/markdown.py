"""Markdown of the report's texts to safe HTML, with figure references filled in.

A text refers to a figure by its name in the JSON of `manage.py exporteer_cijfers` (the text's page lists
them all, `alle_cijfers`), e.g.
`{{ oif.meldingen }}` or `{{ vertrouwenspersonen.hoofdcategorie.Ongewenste omgangsvormen }}`, and to a
named key figure of the year as `{{ benoemd.<naam> }}`. References are filled in before the Markdown is
parsed, as plain text: a figure can never become markup. The HTML is then cleaned by nh3 with a short
list of tags, so neither raw HTML in the text nor a bug in a parser puts a script or style in a page.
"""

import re
from decimal import Decimal

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

from ..tabellen import GEEN_GEGEVENS, aantal

VERWIJZING = re.compile(r"\{\{\s*(.*?)\s*\}\}")
BENOEMD = "benoemd"

FOUT_ONBEKEND = (
    "Onbekende verwijzing naar een cijfer: {{{{ {naam} }}}}. Kies een naam uit ‘Cijfers in de tekst’ "
    "onder het formulier."
)
FOUT_GROEP = (
    "{{{{ {naam} }}}} is een groep cijfers, geen enkel cijfer; kies er één, "
    "bijv. {{{{ {naam}.{voorbeeld} }}}}."
)

TAGS = {
    "p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "code", "a",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "hr",
}  # fmt: skip
ATTRIBUTEN = {"a": {"href"}, "th": {"scope"}}

_md = MarkdownIt("commonmark", {"html": False}).enable("table")


class Onbekend(Exception):
    """A reference that names no figure (message in Dutch, for the form)."""


def _zoek(waarden, delen: list[str]):
    """The value at a dotted path; a key may itself contain dots (labels such as 'bijv. mediation')."""
    if not delen:
        return waarden
    if not isinstance(waarden, dict):
        raise KeyError
    for tot in range(len(delen), 0, -1):
        sleutel = ".".join(delen[:tot])
        if sleutel in waarden:
            try:
                return _zoek(waarden[sleutel], delen[tot:])
            except KeyError:
                continue
    raise KeyError


def cijfer(waarden: dict, naam: str):
    """The single figure a reference names, or Onbekend with the Dutch message."""
    try:
        waarde = _zoek(waarden, naam.split("."))
    except KeyError:
        raise Onbekend(FOUT_ONBEKEND.format(naam=naam)) from None
    if isinstance(waarde, dict | list):
        voorbeeld = next(iter(waarde), "…") if isinstance(waarde, dict) else "…"
        raise Onbekend(FOUT_GROEP.format(naam=naam, voorbeeld=voorbeeld))
    return waarde


def alle_cijfers(waarden: dict, voorvoegsel: str = "") -> list[tuple[str, str]]:
    """Every name a text can use, with its figure as the text would show it: the list to pick from."""
    cijfers = []
    for sleutel, waarde in waarden.items():
        naam = f"{voorvoegsel}{sleutel}"
        if isinstance(waarde, dict):
            cijfers.extend(alle_cijfers(waarde, f"{naam}."))
        elif not isinstance(waarde, list):
            cijfers.append((naam, als_tekst(naam, waarde)))
    return cijfers


def verwijzingen(tekst: str) -> list[str]:
    return [m.group(1) for m in VERWIJZING.finditer(tekst or "")]


def controleer(tekst: str, waarden: dict) -> list[str]:
    """The Dutch errors of every reference that names no single figure (empty: all fine)."""
    fouten = []
    for naam in verwijzingen(tekst):
        try:
            cijfer(waarden, naam)
        except Onbekend as fout:
            fouten.append(str(fout))
    return fouten


def getal(waarde, *, toon_aantal=None) -> str:
    """Dutch number format: 1.200 and 7,9; `toon_aantal` applies the threshold of an onderdeel report."""
    if waarde is None:
        return GEEN_GEGEVENS
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return aantal(toon_aantal(waarde) if toon_aantal else waarde)
    if isinstance(waarde, float | Decimal):
        d = Decimal(str(waarde)).normalize()
        if d == d.to_integral_value():
            return aantal(int(d))
        heel, _, breuk = f"{d:f}".partition(".")
        return f"{aantal(int(heel))},{breuk}" if heel != "-0" else f"-0,{breuk}"
    return str(waarde)


def als_tekst(naam: str, waarde, *, toon_aantal=None) -> str:
    # A year is a name, not an amount: 2024, never 2.024.
    return str(waarde) if naam.rsplit(".", 1)[-1] == "jaar" else getal(waarde, toon_aantal=toon_aantal)


def vul_in(tekst: str, waarden: dict, *, toon_aantal=None) -> str:
    """Fill in the references; one that names nothing (a copied text, a label gone) is shown, not hidden."""

    def vervang(m):
        naam = m.group(1)
        try:
            waarde = cijfer(waarden, naam)
        except Onbekend:
            return f"[onbekend cijfer: {naam}]"
        return als_tekst(naam, waarde, toon_aantal=toon_aantal)

    return VERWIJZING.sub(vervang, tekst or "")


def naar_html(tekst: str, waarden: dict, *, toon_aantal=None) -> SafeString:
    """The text as clean HTML. Headings in a text start at h3: h1 and h2 belong to chapter and section."""
    tokens = _md.parse(vul_in(tekst, waarden, toon_aantal=toon_aantal))
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(int(token.tag[1]) + 2, 6)}"
        if token.type == "th_open":
            token.attrs = {"scope": "col"}
    html = _md.renderer.render(tokens, _md.options, {})
    # The one place a coordinator's text becomes markup: rendered from the Markdown just now and cleaned
    # by nh3 to the tags above, never read back as HTML from the database or a cache.
    return mark_safe(nh3.clean(html, tags=TAGS, attributes=ATTRIBUTEN, url_schemes={"https", "mailto"}))  # noqa: S308
