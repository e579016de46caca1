"""The PDF's chapters from the year's structure: numbered titles, the texts, the generated content."""

from collections.abc import Callable
from dataclasses import replace

from django.utils.html import format_html
from django.utils.text import slugify

from ..models import Rapportdeel
from ..tabellen import Hoofdstuk, Opgemaakt, Paragraaf
from . import markdown


def _uniek(basis: str, gebruikt: set[str]) -> str:
    kandidaat, n = basis, 1
    while kandidaat in gebruikt:
        n += 1
        kandidaat = f"{basis}-{n}"
    gebruikt.add(kandidaat)
    return kandidaat


def hoofdstukken_uit_structuur(
    delen: list[Rapportdeel],
    *,
    gegenereerd: dict[str, Callable[[str], Hoofdstuk]],
    waarden: dict,
    toon_aantal=None,
    gepubliceerd: list | None = None,
    extra_voetnoten: dict[str, list[str]] | None = None,
) -> list[Hoofdstuk]:
    """1. A chapter gets the next number (appendices their own series), its text and its content; the
       generated content is built with that number, so its own sections are numbered 4.1, 4.2, ...
    2. A section belongs to the chapter before it and takes the next free number within it (none in an
       appendix); generated content in a section follows the section's text.
    3. Ids of generated chapters and sections stay as they are (the table of contents links to them);
       the others get an id from their title, made unique.
    4. A published figure that differs from the system's (`GepubliceerdCijfer`) becomes a footnote of
       the chapter that holds its generated content.
    """
    hoofdstukken: list[Hoofdstuk] = []
    gebruikt: set[str] = set()
    nummer = bijlage = sub = 0

    def html(deel):
        return markdown.naar_html(deel.tekst, waarden, toon_aantal=toon_aantal) if deel.tekst else ""

    extra = dict(extra_voetnoten or {})

    def voetnoten(inhoud: str) -> list[str]:
        # Each note once, under the first chapter with that content.
        return [*_voetnoten(inhoud, gepubliceerd, waarden), *extra.pop(inhoud, [])] if inhoud else []

    def bouw(deel, nr: str):
        return gegenereerd[deel.inhoud](nr) if deel.inhoud in gegenereerd else None

    for deel in delen:
        if deel.niveau == Rapportdeel.Niveau.HOOFDSTUK or not hoofdstukken:
            if deel.bijlage:
                bijlage += 1
                nr = f"Bijlage {bijlage}"
            else:
                nummer += 1
                nr = str(nummer)
            bron = bouw(deel, nr)
            kop = f"{nr} {deel.titel}"
            if bron is not None:
                gebruikt.update(p.id for p in bron.paragrafen)
                hoofdstuk = replace(
                    bron,
                    id=_uniek(bron.id, gebruikt),
                    kop=kop,
                    tekst_html=html(deel),
                    is_bijlage=deel.bijlage,
                )
            else:
                hid = _uniek(slugify(deel.titel) or "hoofdstuk", gebruikt)
                hoofdstuk = Hoofdstuk(hid, kop, [], tekst_html=html(deel), is_bijlage=deel.bijlage)
            sub = sum(1 for p in hoofdstuk.paragrafen if p.kop.startswith(f"{nr}."))
            hoofdstuk.voetnoten = [*hoofdstuk.voetnoten, *voetnoten(deel.inhoud)]
            hoofdstukken.append(hoofdstuk)
            continue
        hoofdstuk = hoofdstukken[-1]
        sub += 1
        kop = deel.titel if hoofdstuk.is_bijlage else f"{nummer}.{sub} {deel.titel}"
        if hoofdstuk.sjabloon != Hoofdstuk.sjabloon:
            # A chapter with a layout of its own (infographic, Bijlage 2) takes a section as text only.
            # The title is the coordinator's plain text: format_html escapes it; the texts are safe already.
            hoofdstuk.tekst_html = format_html("{}<h2>{}</h2>{}", hoofdstuk.tekst_html, kop, html(deel))
            continue
        blokken = [Opgemaakt(html(deel))] if deel.tekst else []
        hoofdstuk.paragrafen.append(Paragraaf(_uniek(slugify(kop), gebruikt), kop, blokken))
        bron = bouw(deel, f"{nummer}.{sub}")
        if bron is not None:
            gebruikt.update(p.id for p in bron.paragrafen)
            hoofdstuk.paragrafen.extend(bron.paragrafen)
            hoofdstuk.voetnoten = [*hoofdstuk.voetnoten, *voetnoten(deel.inhoud)]
    return hoofdstukken


VOETNOOT_GEPUBLICEERD = (
    "{omschrijving}: het gepubliceerde verslag over {jaar} vermeldde {gepubliceerd}; dit rapport toont het "
    "cijfer uit de registraties ({systeem}).{toelichting}"
)
VOETNOOT_GEPUBLICEERD_ZONDER_CIJFER = (
    "{omschrijving}: het gepubliceerde verslag over {jaar} vermeldde {gepubliceerd}; dat wijkt af van de "
    "registraties.{toelichting}"
)


def _voetnoten(inhoud: str, gepubliceerd: list | None, waarden: dict) -> list[str]:
    uit = []
    for cijfer in gepubliceerd or []:
        if not inhoud or cijfer.inhoud != inhoud:
            continue
        systeem = None
        if cijfer.naam:
            try:
                systeem = markdown.getal(markdown.cijfer(waarden, cijfer.naam))
            except markdown.Onbekend:
                systeem = None
        sjabloon = VOETNOOT_GEPUBLICEERD if systeem is not None else VOETNOOT_GEPUBLICEERD_ZONDER_CIJFER
        uit.append(
            sjabloon.format(
                omschrijving=cijfer.omschrijving,
                jaar=cijfer.jaar,
                gepubliceerd=cijfer.gepubliceerd,
                systeem=systeem,
                toelichting=f" {cijfer.toelichting}" if cijfer.toelichting else "",
            )
        )
    return uit
