"""Chapter 3: the vertrouwenspersonen (three-year tables from the Tellijst)."""

from dataclasses import replace

from ..secties import (
    Afhandeling,
    Beklaagdengroep,
    Cijfers,
    Driejaarsrij,
    Groepsrij,
    Hoofdcategorierij,
    Onderdeelhoofdrij,
)
from ..selectors.gegevens import TELLIJST
from ..tabellen import (
    Hoofdstuk,
    Paragraaf,
    Rij,
    Tabel,
    Tekst,
    Tussenkop,
    enkele_tabel,
    jaarkolommen,
    tabel_uit_telling,
)
from ._gemeen import VOETNOOTMERKEN, Weergave, _grafiek, _id, _t

# --- 3 Vertrouwenspersonen -------------------------------------------------------------------------------


def _met_groepen(
    rijen: tuple[Driejaarsrij, ...], groepen: tuple[Groepsrij, ...]
) -> tuple[list[Driejaarsrij], list[str]]:
    """Insert each comparison group (e.g. Leidinggevende = direct + andere) as a row before its members.

    The old option that the group continues (e.g. 'Leidinggevende' of 2022-2023) is folded into the
    group row, so no year is counted twice.
    """
    uit, voetnoten, gedaan = [], [], set()
    per_optie = {optie: g for g in groepen for optie in g.opties}
    for rij in rijen:
        groep = per_optie.get(rij.label)
        if groep is None:
            uit.append(rij)
            continue
        if groep.label not in gedaan:
            gedaan.add(groep.label)
            merk = f" {VOETNOOTMERKEN[len(voetnoten)]}" if groep.voetnoot else ""
            uit.append(replace(groep, label=groep.label + merk, soort="groep"))
            if groep.voetnoot:
                voetnoten.append(f"{merk.strip()} {groep.voetnoot}")
        if rij.label != groep.label:
            uit.append(replace(rij, soort="sub"))
    return uit, voetnoten


def vertrouwenspersonen(c: Cijfers, w: Weergave, nummer: int) -> Hoofdstuk:
    kader, vp = c.kader, c.vertrouwenspersonen
    jaar, b1 = kader.jaar, vp.bijlage1
    # Only years for which the Tellijst has rows at all; the report year always.
    jaren = kader.getoonde_jaren(TELLIJST, kader.jaren or [jaar])
    totalen = vp.totalen
    p = f"{nummer}."
    aard = b1.aard

    def driejaars(
        sleutel, titel, eerste_kolom, rijen, *, per_jaar=totalen, procent="procent", voetnoten=None
    ):
        """Counts of the years side by side, then their shares, and the totals of the years."""
        kolommen = jaarkolommen(jaren, procent=procent)
        return tabel_uit_telling(
            sleutel, titel, eerste_kolom, rijen, kolommen, totalen=per_jaar, weergave=w, voetnoten=voetnoten
        )

    paragrafen = [
        Paragraaf(
            "vp-aantal",
            f"{p}1 Aantal adviesvragen",
            [
                Tekst(
                    f"De vertrouwenspersonen kregen in {jaar} {_t(w.a(vp.totaal))} adviesvragen. Elke "
                    "vraag staat in de Tellijst zonder naam of andere gegevens waaruit blijkt om wie het "
                    "gaat."
                ),
                enkele_tabel(
                    "vp-totalen",
                    "Aantal adviesvragen per jaar",
                    "Jaar",
                    [(str(j), w.a(n)) for j, n in totalen.items() if j in jaren],
                    totaal=None,
                ),
                *_per_onderdeel_grafiek(vp.per_onderdeel, w, jaar=jaar),
            ],
        ),
        Paragraaf(
            "vp-aard",
            f"{p}2 Aard van de adviesvragen",
            [
                driejaars(
                    "vp-hoofdcategorie",
                    "Adviesvragen naar hoofdcategorie",
                    "Hoofdcategorie",
                    [replace(r, label=_genummerd(r)) for r in aard],
                ),
                _grafiek(
                    f"Adviesvragen in {jaar} naar hoofdcategorie",
                    {r.label: w.a(r.aantal) for r in aard},
                    sorteren=True,
                ),
            ],
        ),
    ]
    for hoofd in aard:
        if not hoofd.uitsplitsen:
            continue
        sleutel = _id("vp-sub", hoofd.code)
        tabel = driejaars(
            sleutel,
            hoofd.label,
            hoofd.label,
            hoofd.subcategorieen,
            per_jaar={v.jaar: v.aantal for v in hoofd.waarden},
            procent="procent_van_hoofdcategorie",
        )
        paragrafen.append(
            Paragraaf(
                sleutel,
                f"{p}{len(paragrafen) + 1} {hoofd.label}",
                [tabel, _afhandeling_tabel(w, vp.afhandeling_van(hoofd.code), jaar=jaar)],
            )
        )
    wie, voetnoten = _met_groepen(b1.wie_betreft_de_melding, vp.vergelijkingsgroepen.wie_betreft_de_melding)
    n = len(paragrafen)
    # (paragraph id, paragraph heading, table): one per dimension of the Tellijst, as the published report.
    dimensies = [
        (
            "vp-beklaagden",
            "Beklaagden",
            driejaars("vp-wie-betreft", "Wie betreft de melding", "Beklaagde", wie, voetnoten=voetnoten),
        ),
        (
            "vp-afdoening",
            "Afdoening",
            driejaars(
                "vp-afdoening",
                "Wijze waarop de melding is afgedaan",
                "Wijze van afdoening",
                b1.wijze_van_afdoening,
            ),
        ),
        (
            "vp-situatie",
            "Situatie van de melder na interventie",
            driejaars(
                "vp-situatie",
                "Situatie van de melders na interventie",
                "Situatie",
                b1.situatie_na_interventie,
            ),
        ),
        (
            "vp-alle-subcategorieen",
            f"Alle categorieën {_jaren_tekst(jaren)}",
            driejaars(
                "vp-aard-volledig",
                f"Totaal adviesvragen {kader.onderdeel or 'ministerie'} naar aard",
                "Omschrijving melding",
                _aard_rijen(aard),
                procent=None,
            ),
        ),
    ]
    # The published report shows this year's figures of these dimensions as bars as well, largest first.
    grafieken = {
        "vp-beklaagden": _jaar_grafiek(f"Adviesvragen in {jaar} naar beklaagde", wie, w),
        "vp-afdoening": _jaar_grafiek(
            f"Adviesvragen in {jaar} naar wijze van afdoening", b1.wijze_van_afdoening, w
        ),
        "vp-situatie": _jaar_grafiek(
            f"Melders in {jaar} naar situatie na interventie", b1.situatie_na_interventie, w
        ),
    }
    paragrafen += [
        Paragraaf(id_, f"{p}{n + i} {kop}", [*filter(None, [grafieken.get(id_)]), tabel])
        for i, (id_, kop, tabel) in enumerate(dimensies, start=1)
    ]
    # The beklaagden paragraph goes on with the aard of the adviesvragen per group of beklaagden.
    beklaagden = next(par for par in paragrafen if par.id == "vp-beklaagden")
    beklaagden.blokken += _aard_per_beklaagde(
        vp.aard_per_beklaagde, w, jaar=jaar, nummer=beklaagden.kop.split(" ", 1)[0]
    )
    register = c.kerncijfers.register
    if register:
        peildatum = register.peildatum
        titel = "Register van vertrouwenspersonen" + (
            f", peildatum {peildatum:%d-%m-%Y}" if peildatum else ""
        )
        if kader.onderdeel:
            # The register counts every vertrouwenspersoon of the ministry, whatever the report's scope.
            titel += " (hele ministerie)"
        paragrafen.append(
            Paragraaf(
                "vp-register",
                f"{p}{len(paragrafen) + 1} Vertrouwenspersonen",
                [
                    enkele_tabel(
                        "vp-register",
                        titel,
                        "Status",
                        register.per_status,
                        totaal="Totaal aantal vertrouwenspersonen",
                        totaal_waarde=register.totaal,
                    )
                ],
            )
        )
    return Hoofdstuk("vertrouwenspersonen", f"{nummer} Vertrouwenspersonen", paragrafen)


def _aard_per_beklaagde(groepen: tuple[Beklaagdengroep, ...], w: Weergave, *, jaar: int, nummer: str) -> list:
    """Per group of beklaagden a numbered heading, a bar chart per split-out hoofdcategorie (its
    subcategorieën, largest first) and a table with the same counts as the charts' text alternative.

    Figures frozen before these counts existed have no such key: then nothing is added.
    """
    blokken = []
    for i, groep in enumerate(groepen, start=1):
        als = f"{_klein(groep.label)} als beklaagde"
        blokken.append(Tussenkop(f"{nummer}.{i} {groep.label} als beklaagde"))
        rijen = []
        for hoofd in groep.hoofdcategorieen:
            subs = {s.label: w.a(s.aantal) for s in hoofd.subcategorieen}
            if any(isinstance(n, int) and n for n in subs.values()):
                blokken.append(_grafiek(f"{hoofd.label} naar aard, {als} {jaar}", subs, sorteren=True))
            rijen.append(Rij(hoofd.label, [w.a(hoofd.aantal)], "groep"))
            rijen += [Rij(label, [n], "sub") for label, n in subs.items()]
        blokken.append(
            Tabel(
                _id("vp-aard-beklaagde", groep.code),
                f"Aard van de adviesvragen met {als} {jaar}",
                "Omschrijving melding",
                [str(jaar)],
                rijen,
            )
        )
    return blokken


def _klein(label: str) -> str:
    return label[:1].lower() + label[1:]


def _genummerd(hoofd: Hoofdcategorierij | Onderdeelhoofdrij) -> str:
    return f"{'' if hoofd.nummer is None else hoofd.nummer}. {hoofd.label}".lstrip(". ")


def _jaren_tekst(jaren: list[int]) -> str:
    return f"{jaren[0]}–{jaren[-1]}" if len(jaren) > 1 else str(jaren[0])


def _aard_rijen(aard: tuple[Hoofdcategorierij, ...]) -> list[Driejaarsrij]:
    rijen = []
    for hoofd in aard:
        rijen.append(replace(hoofd, label=_genummerd(hoofd), soort="groep"))
        rijen += [replace(sub, soort="sub") for sub in hoofd.subcategorieen]
    return rijen


def _afhandeling_tabel(w: Weergave, hoofd: Afhandeling, *, jaar: int) -> Tabel:
    koppen = ["Totaal", "Afgehandeld", "Loopt door", "Genormaliseerd", "Niet genormaliseerd", "Onbekend"]
    rijen = [
        Rij(
            sub.label,
            [
                w.a(n)
                for n in (
                    sub.totaal,
                    sub.afgehandeld,
                    sub.loopt_door,
                    sub.genormaliseerd,
                    sub.niet_genormaliseerd,
                    sub.onbekend,
                )
            ],
        )
        for sub in hoofd.subcategorieen
    ]
    return Tabel(
        _id("vp-afhandeling", hoofd.code),
        f"{hoofd.label}: afhandeling en situatie van de melder {jaar}",
        "Subcategorie",
        koppen,
        rijen,
        voetnoten=[
            "Genormaliseerd: de melder kan op de eigen werkplek verder. Niet genormaliseerd: elke andere "
            "afloop. Loopt door: de situatie is aan het eind van het jaar nog niet afgesloten."
        ],
    )


def _per_onderdeel_grafiek(aantallen: dict, w: Weergave, *, jaar: int) -> list:
    """How the adviesvragen of the year spread over the onderdelen (only in a report of more than one)."""
    per_onderdeel = {k: v for k, v in w.dict(aantallen).items() if v}
    if len(per_onderdeel) < 2:
        return []
    return [_grafiek(f"Adviesvragen in {jaar} per onderdeel", per_onderdeel, sorteren=True)]


def _jaar_grafiek(titel: str, rijen: list[Driejaarsrij], w: Weergave):
    """Bars of the report year's counts, largest first; a group counts once (its members are left out)
    and loses its footnote marker, which belongs to the table below."""
    aantallen = {
        r.label.rstrip(" " + VOETNOOTMERKEN): w.a(r.aantal) for r in rijen if r.soort != "sub" and r.aantal
    }
    return _grafiek(titel, aantallen, sorteren=True) if aantallen else None
