"""Chapter 3: the vertrouwenspersonen (three-year tables from the Tellijst)."""

from ..tabellen import (
    Hoofdstuk,
    Paragraaf,
    Rij,
    Tabel,
    Tekst,
)
from ._gemeen import VOETNOOTMERKEN, Weergave, _d, _driejaarstabel, _id, _t

# --- 3 Vertrouwenspersonen -------------------------------------------------------------------------------


def _met_groepen(rijen: list[dict], groepen: list[dict]) -> tuple[list[dict], list[str]]:
    """Insert each comparison group (e.g. Leidinggevende = direct + andere) as a row before its members.

    The old option that the group continues (e.g. 'Leidinggevende' of 2022-2023) is folded into the
    group row, so no year is counted twice.
    """
    uit, voetnoten, gedaan = [], [], set()
    per_optie = {optie: g for g in groepen for optie in g.get("opties", [])}
    for rij in rijen:
        groep = per_optie.get(rij["label"])
        if groep is None:
            uit.append(rij)
            continue
        if groep["label"] not in gedaan:
            gedaan.add(groep["label"])
            merk = f" {VOETNOOTMERKEN[len(voetnoten)]}" if groep.get("voetnoot") else ""
            uit.append({**groep, "label": groep["label"] + merk, "soort": "groep"})
            if groep.get("voetnoot"):
                voetnoten.append(f"{merk.strip()} {groep['voetnoot']}")
        if rij["label"] != groep["label"]:
            uit.append({**rij, "soort": "sub"})
    return uit, voetnoten


def vertrouwenspersonen(c: dict, w: Weergave, nummer: int) -> Hoofdstuk:
    jaar, jaren, vp = c["jaar"], c.get("jaren", [c["jaar"]]), c.get("vertrouwenspersonen", {})
    b1, groepen = vp.get("bijlage1", {}), vp.get("vergelijkingsgroepen", {})
    totalen = [t["aantal"] for t in vp.get("totalen", [])]
    p = f"{nummer}."
    aard = b1.get("aard", [])
    paragrafen = [
        Paragraaf(
            "vp-aantal",
            f"{p}1 Aantal adviesvragen",
            [
                Tekst(
                    f"In {jaar} ontvingen de vertrouwenspersonen {_t(w.a(vp.get('totaal')))} "
                    "adviesvragen. Alle "
                    "adviesvragen worden anoniem en niet naar een persoon herleidbaar geregistreerd "
                    "in de Tellijst."
                ),
                Tabel(
                    "vp-totalen",
                    "Aantal adviesvragen per jaar",
                    "Jaar",
                    ["Aantal"],
                    [Rij(str(t["jaar"]), [w.a(t["aantal"])]) for t in vp.get("totalen", [])],
                ),
            ],
        ),
        Paragraaf(
            "vp-aard",
            f"{p}2 Aard van de adviesvragen",
            [
                _driejaarstabel(
                    w,
                    "vp-hoofdcategorie",
                    "Adviesvragen naar hoofdcategorie",
                    "Hoofdcategorie",
                    jaren,
                    [{**r, "label": f"{r.get('nummer', '')}. {r['label']}".lstrip(". ")} for r in aard],
                    totalen=totalen,
                )
            ],
        ),
    ]
    for hoofd in aard:
        if hoofd.get("nummer") not in (5, 8):
            continue
        sleutel = _id("vp-sub", hoofd["code"])
        paragrafen.append(
            Paragraaf(
                sleutel,
                f"{p}{len(paragrafen) + 1} {hoofd['label']}",
                [
                    _driejaarstabel(
                        w,
                        sleutel,
                        hoofd["label"],
                        hoofd["label"],
                        jaren,
                        hoofd.get("subcategorieen", []),
                        totalen=[v["aantal"] for v in hoofd.get("waarden", [])],
                        procent_sleutel="procent_van_hoofdcategorie",
                    ),
                    _afhandeling_tabel(w, c, hoofd["code"]),
                ],
            )
        )
    wie, voetnoten = _met_groepen(
        b1.get("wie_betreft_de_melding", []), groepen.get("wie_betreft_de_melding", [])
    )
    paragrafen += [
        Paragraaf(
            "vp-beklaagden",
            f"{p}{len(paragrafen) + 1} Beklaagden",
            [
                _driejaarstabel(
                    w,
                    "vp-wie-betreft",
                    "Wie betreft de melding",
                    "Beklaagde",
                    jaren,
                    wie,
                    totalen=totalen,
                    voetnoten=voetnoten,
                )
            ],
        ),
        Paragraaf(
            "vp-afdoening",
            f"{p}{len(paragrafen) + 2} Afdoening",
            [
                _driejaarstabel(
                    w,
                    "vp-afdoening",
                    "Wijze waarop de melding is afgedaan",
                    "Wijze van afdoening",
                    jaren,
                    b1.get("wijze_van_afdoening", []),
                    totalen=totalen,
                )
            ],
        ),
        Paragraaf(
            "vp-situatie",
            f"{p}{len(paragrafen) + 3} Situatie van de melder na interventie",
            [
                _driejaarstabel(
                    w,
                    "vp-situatie",
                    "Situatie van de melders na interventie",
                    "Situatie",
                    jaren,
                    b1.get("situatie_na_interventie", []),
                    totalen=totalen,
                )
            ],
        ),
        Paragraaf(
            "vp-alle-subcategorieen",
            f"{p}{len(paragrafen) + 4} Alle categorieën {jaren[0]}–{jaren[-1]}",
            [
                _driejaarstabel(
                    w,
                    "vp-aard-volledig",
                    "Totaal meldingen ministerie naar aard",
                    "Omschrijving melding",
                    jaren,
                    _aard_rijen(aard),
                    totalen=totalen,
                    met_procent=False,
                )
            ],
        ),
    ]
    register = _d(c, "kerncijfers", "register")
    if register:
        rijen = [Rij(label, [n]) for label, n in (register.get("per_status") or {}).items()]
        rijen.append(Rij("Totaal aantal vertrouwenspersonen", [register.get("totaal")], "totaal"))
        peildatum = register.get("peildatum")
        titel = "Register van vertrouwenspersonen" + (
            f", peildatum {peildatum:%d-%m-%Y}" if peildatum else ""
        )
        paragrafen.append(
            Paragraaf(
                "vp-register",
                f"{p}{len(paragrafen) + 1} Vertrouwenspersonen",
                [Tabel("vp-register", titel, "Status", ["Aantal"], rijen)],
            )
        )
    return Hoofdstuk("vertrouwenspersonen", f"{nummer} Vertrouwenspersonen", paragrafen)


def _aard_rijen(aard: list[dict]) -> list[dict]:
    rijen = []
    for hoofd in aard:
        rijen.append(
            {**hoofd, "label": f"{hoofd.get('nummer', '')}. {hoofd['label']}".lstrip(". "), "soort": "groep"}
        )
        rijen += [{**sub, "soort": "sub"} for sub in hoofd.get("subcategorieen", [])]
    return rijen


def _afhandeling_tabel(w: Weergave, c: dict, code: str) -> Tabel:
    hoofd = next(
        (
            h
            for h in _d(c, "vertrouwenspersonen", "afhandeling_per_subcategorie", standaard=[])
            if h["code"] == code
        ),
        {"label": code, "subcategorieen": []},
    )
    velden = [
        ("totaal", "Totaal"),
        ("afgehandeld", "Afgehandeld"),
        ("loopt_door", "Loopt door"),
        ("genormaliseerd", "Genormaliseerd"),
        ("niet_genormaliseerd", "Niet genormaliseerd"),
        ("onbekend", "Onbekend"),
    ]
    rijen = [
        Rij(sub["label"], [w.a(sub.get(v)) for v, _ in velden]) for sub in hoofd.get("subcategorieen", [])
    ]
    return Tabel(
        _id("vp-afhandeling", code),
        f"{hoofd['label']}: afhandeling en situatie van de melder {c['jaar']}",
        "Subcategorie",
        [k for _, k in velden],
        rijen,
        voetnoten=[
            "Onder genormaliseerd verstaan wij dat de melder verder kan in de huidige werkomgeving; niet "
            "genormaliseerd is iedere andere uitkomst. Loopt door: de situatie loopt door in het "
            "volgende jaar."
        ],
    )
