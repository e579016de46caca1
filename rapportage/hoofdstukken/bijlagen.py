"""Bijlage 1 (infographic), Bijlage 2 (every afgedane schending) and Bijlage 3 (per onderdeel)."""

from ..secties import Cijfers, Kader, Onderdeelrij, Telrij
from ..selectors.gegevens import OIF_AFDOENINGEN, OIF_MELDINGEN, TELLIJST
from ..selectors.oif import VOLLEDIG_FEITENONDERZOEK
from ..tabellen import (
    GEEN_GEGEVENS,
    TEKST,
    Bijlage2Groep,
    Hoofdstuk,
    InfoBlok,
    InfoRegel,
    Paragraaf,
    Rij,
    Tabel,
    enkele_tabel,
    verdeel_over_kolommen,
)
from ..vergelijken import pijl
from ._gemeen import (
    BIJLAGE2_TOELICHTING,
    Weergave,
    _id,
)
from .vertrouwenspersonen import _genummerd, _met_groepen

# --- Bijlage 1 Infographic ---------------------------------------------------------------------------------


def _regels(w: Weergave, rijen: list[Telrij], *, alleen_in_gebruik=False) -> list[InfoRegel]:
    """A line per row; `alleen_in_gebruik` (three-year rows) leaves out an option no longer in use that
    has no count."""
    uit = []
    for rij in rijen:
        if alleen_in_gebruik and not rij.in_gebruik and not rij.aantal:
            continue
        uit.append(InfoRegel(rij.label, w.a(rij.aantal), rij.pijl, rij.soort))
    return uit


def _legenda(blokken: list[InfoBlok]) -> str:
    """The legend of the arrows, on a page that shows an arrow (none without last year's data)."""
    return "met-legenda" if any(regel.teken for blok in blokken for regel in blok.regels) else ""


def _in_scope(titel: str, kader: Kader) -> str:
    """A caption of a total says whose total it is in an onderdeel report ('Totaal ... Douane')."""
    return f"{titel} {kader.onderdeel}" if kader.onderdeel else titel


def infographic(c: Cijfers, w: Weergave, nummer: str) -> Hoofdstuk:
    kader, vp, o, kern = c.kader, c.vertrouwenspersonen, c.oif, c.kerncijfers
    jaar, b1 = kader.jaar, vp.bijlage1
    aard = b1.aard
    # Against last year only when the Tellijst has rows of last year at all (selectors.gegevens).
    vorig_totaal = vp.totalen.get(jaar - 1)
    if jaar - 1 not in kader.getoonde_jaren(TELLIJST, [jaar - 1]):
        vorig_totaal = None
    wie, wie_voetnoten = _met_groepen(
        b1.wie_betreft_de_melding, vp.vergelijkingsgroepen.wie_betreft_de_melding
    )
    vp_blokken = [
        InfoBlok(
            _in_scope("Totaal aantal adviesvragen", kader),
            [
                InfoRegel(
                    "vorig jaar",
                    w.a(vorig_totaal),
                    pijl(vp.totaal, vorig_totaal),
                )
            ]
            if vorig_totaal is not None
            else [],
            groot=w.a(vp.totaal),
            onderschrift="Adviesvragen bij vertrouwenspersonen van het ministerie",
        ),
        InfoBlok("Adviesvragen naar aard", _regels(w, aard)),
    ]
    for hoofd in aard:
        if hoofd.uitsplitsen:
            vp_blokken.append(InfoBlok(hoofd.label, _regels(w, hoofd.subcategorieen, alleen_in_gebruik=True)))
    vp_blokken += [
        InfoBlok("Wie betreft de melding", _regels(w, wie, alleen_in_gebruik=True)),
        InfoBlok(
            "Wijze waarop is afgedaan",
            _regels(w, b1.wijze_van_afdoening, alleen_in_gebruik=True),
            breed=True,
        ),
        InfoBlok(
            "Situatie melder na interventie",
            _regels(w, b1.situatie_na_interventie, alleen_in_gebruik=True),
            breed=True,
        ),
    ]
    feiten = _regels(w, o.tabel("feitenonderzoek"))
    if o.misstanden:
        feiten.append(InfoRegel("Misstanden (extern uitbesteed onderzoek)", w.a(o.misstanden)))
    volledig = next((r.aantal for r in o.tabel("onderzoek") if r.code == VOLLEDIG_FEITENONDERZOEK), None)
    oif_blokken = [
        InfoBlok(_in_scope("Totaal aantal meldingen bij OIF", kader), [], groot=w.a(o.meldingen)),
        InfoBlok(
            "Totaal aantal OIF-onderzoeken",
            [],
            groot=w.a(volledig),
            onderschrift="Volledige feitenonderzoeken",
        ),
        InfoBlok("Melders van schendingen", _regels(w, o.tabel("melder"))),
        InfoBlok("Onderwerp melding", _regels(w, o.tabel("onderwerp"))),
        InfoBlok("Aantal onderzoeken", _regels(w, o.tabel("onderzoek"))),
        InfoBlok("Feitenonderzoek naar soort schending", feiten),
    ]
    medewerkers = kern.medewerkers
    gedeelte = []
    if medewerkers.totaal is not None:
        gedeelte = [
            InfoRegel("Niet betrokken medewerkers", w.a(medewerkers.niet_betrokken)),
            InfoRegel("Betrokkenen vermoedelijke incidenten", w.a(o.betrokkenen)),
            InfoRegel("Totaal aantal medewerkers", w.a(medewerkers.totaal)),
        ]
    betrokken_blokken = [
        InfoBlok(
            _in_scope("Totaal aantal betrokkenen", kader),
            [],
            groot=w.a(o.betrokkenen),
            onderschrift="Betrokkenen over wie na onderzoek is besloten",
        ),
        InfoBlok("Gedeelte medewerkers", gedeelte),
        InfoBlok("Betrokkenen: type onderzoek", _regels(w, o.tabel("onderzoek"))),
        InfoBlok("Betrokkenen: afdoening", _regels(w, o.tabel("afdoening_klasse"))),
        InfoBlok(
            "Aantal afgedane maatregelen",
            _regels(w, o.tabel("maatregelen_per_onderdeel")),
            groot=w.a(o.maatregelen),
            onderschrift="Afgedane maatregelen per onderdeel",
        ),
        InfoBlok(
            "Wijze waarop is afgedaan",
            _regels(w, o.tabel("afdoening")),
            groot=w.a(o.betrokkenen),
            onderschrift="Totaal aantal afdoeningen",
        ),
    ]
    paginas = [
        Paragraaf(
            "infographic-vp",
            f"Adviesvragen bij vertrouwenspersonen {jaar}",
            vp_blokken,
            klasse=_legenda(vp_blokken),
            voetnoten=wie_voetnoten,
        ),
        Paragraaf(
            "infographic-oif",
            f"Onderzoeksbureau Integriteit Financiën (OIF): meldingen en onderzoeken {jaar}",
            oif_blokken,
            klasse=_legenda(oif_blokken),
        ),
        Paragraaf(
            "infographic-betrokkenen", f"Integriteitsschendingen en betrokkenen {jaar}", betrokken_blokken
        ),
    ]
    for pagina, kolommen in zip(paginas, (3, 3, 3), strict=True):
        pagina.kolommen = verdeel_over_kolommen(pagina.blokken, kolommen)
    # A page of a part without rows in this year would be all zeros: it is left out, and said so.
    leeg = {
        "infographic-vp": (kader.zonder_gegevens(TELLIJST), "de vertrouwenspersonen"),
        "infographic-oif": (kader.zonder_gegevens(OIF_MELDINGEN), "de meldingen bij het OIF"),
        "infographic-betrokkenen": (kader.zonder_gegevens(OIF_AFDOENINGEN), "de afdoeningen van het OIF"),
    }
    inleiding = [
        f"Over {jaar}: {GEEN_GEGEVENS} van {wat}."
        for p in paginas
        for ontbreekt, wat in [leeg[p.id]]
        if ontbreekt
    ]
    return Hoofdstuk(
        "infographic",
        f"{nummer} Infographic",
        [p for p in paginas if not leeg[p.id][0]],
        inleiding=inleiding,
        is_bijlage=True,
        sjabloon="rapportage/pdf/_infographic.html",
        op_dashboard=False,
    )


# --- Bijlage 2 en 3 ---------------------------------------------------------------------------------


def bijlage2(c: Cijfers, nummer: str) -> tuple[Hoofdstuk, Hoofdstuk]:
    """The PDF chapter (a table per dienstonderdeel) and the dashboard chapter (a download)."""
    jaar, o = c.kader.jaar, c.oif
    rijen = o.bijlage2
    groepen, volgorde = {}, []
    for rij in rijen:
        if rij.dienstonderdeel not in groepen:
            groepen[rij.dienstonderdeel] = []
            volgorde.append(rij.dienstonderdeel)
        groepen[rij.dienstonderdeel].append((rij.schending, rij.inhoud, rij.afdoening))
    # One table per dienstonderdeel, running on over as many pages as it needs with its header repeated:
    # with the fixed table layout of the stylesheet WeasyPrint is no slower per page for a long table than
    # for many short ones (measured with up to 5.000 rows, docs/rapport.md), and short tables put a
    # header in the middle of a page wherever one ended.
    pdf_groepen = [
        Bijlage2Groep(naam, _id("bijlage2", naam), groepen[naam], len(groepen[naam])) for naam in volgorde
    ]
    kop = f"{nummer} Overzicht (vermoedelijke) schendingen en afdoeningen {jaar}"
    pdf_hoofdstuk = Hoofdstuk(
        "bijlage2",
        kop,
        [Paragraaf(g.id, f"{g.dienstonderdeel} ({g.aantal})", [], in_inhoud=True) for g in pdf_groepen],
        inleiding=[BIJLAGE2_TOELICHTING.format(jaar=jaar)],
        is_bijlage=True,
        sjabloon="rapportage/pdf/_bijlage2.html",
        op_dashboard=False,
        extra={"groepen": pdf_groepen},
    )
    lijst = Tabel(
        "bijlage2",
        kop,
        "Dienstonderdeel",
        ["Schending", "Inhoud (vermoedelijke) schending", "Afdoening"],
        [Rij(r.dienstonderdeel, [r.schending, r.inhoud, r.afdoening]) for r in rijen],
        [TEKST] * 3,
        alleen_download=True,
    )
    dashboard = Hoofdstuk(
        "bijlage2",
        kop,
        [
            Paragraaf(
                "bijlage2-lijst",
                "",
                [
                    enkele_tabel(
                        "bijlage2-per-onderdeel",
                        f"Afgedane schendingen per dienstonderdeel {jaar}",
                        "Dienstonderdeel",
                        # The dashboard's page figures carry the counts instead of the rows.
                        o.bijlage2_aantallen or {naam: len(groepen[naam]) for naam in volgorde},
                        kolom=str(jaar),
                    ),
                    lijst,
                ],
                False,
            )
        ],
        is_bijlage=True,
    )
    return pdf_hoofdstuk, dashboard


def per_onderdeel(c: Cijfers, w: Weergave, nummer: str) -> Hoofdstuk:
    tabel, jaar = c.vertrouwenspersonen.per_onderdeel_tabel, c.kader.jaar
    kolommen = [k.label for k in tabel.kolommen]
    metsom = len(kolommen) > 1

    def rij(r: Onderdeelrij, soort="", label=None):
        cellen = [w.a(x) for x in r.cellen] + ([w.a(r.aantal)] if metsom else [])
        return Rij(r.label if label is None else label, cellen, soort)

    aard = []
    for hoofd in tabel.aard:
        aard.append(rij(hoofd, "groep", _genummerd(hoofd)))
        aard += [rij(s, "sub") for s in hoofd.subcategorieen]
    aard.append(rij(tabel.totaal, "totaal", "Totaal aantal adviesvragen"))
    koppen = kolommen + (["Totaal"] if metsom else [])
    tabellen = [
        Tabel("vp-onderdeel-aard", f"Omschrijving melding {jaar}", "Omschrijving melding", koppen, aard)
    ]
    for sleutel, titel, dimensie in (
        ("wie_betreft_de_melding", "Wie betreft de melding", tabel.wie_betreft_de_melding),
        ("wijze_van_afdoening", "Wijze waarop de melding is afgedaan", tabel.wijze_van_afdoening),
        ("situatie_na_interventie", "Situatie van de melders na interventie", tabel.situatie_na_interventie),
    ):
        rijen = [rij(r) for r in dimensie] + [rij(tabel.totaal, "totaal", "Totaal")]
        tabellen.append(Tabel(_id("vp-onderdeel", sleutel), f"{titel} {jaar}", titel, koppen, rijen))
    titel = "Adviesvragen bij vertrouwenspersonen" + (" per onderdeel" if metsom else "")
    return Hoofdstuk(
        "per-onderdeel",
        f"{nummer} {titel} {jaar}",
        [Paragraaf("per-onderdeel-tabellen", "", tabellen, False)],
        is_bijlage=True,
    )
