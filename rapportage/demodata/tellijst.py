"""Tellijst rows for 2022-2024 that reproduce the published ministry totals of every dimension.

1. 2022 and 2023: the report gives only ministry totals per dimension (and for 2023 the totals per
   onderdeel). Each dimension's multiset is expanded, shuffled with a fixed seed, and zipped into rows.
2. 2024: per onderdeel the report gives every dimension (its Bijlage 2), and per subcategorie of
   ongewenste omgangsvormen and problematiek P&O the outcome classes (hoofdstuk 3). The data file holds
   a chosen split of those outcomes over the onderdelen that respects all published margins
   (`subcategorie_uitkomst`); the other subcategorieën take the remaining outcome classes of their
   onderdeel, and within a class the situatie options are zipped in.
Zipping in any order keeps every published margin; only the cross-tabulations that the report does
not publish depend on the seed.
"""

import random
from collections import defaultdict

from finintegriteit.referentie.models import (
    Onderdeel,
    SituatieNaInterventie,
    Subcategorie,
    WieBetreft,
    WijzeVanAfdoening,
)
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van

DIMENSIES = {
    "subcategorie": Subcategorie,
    "wie_betreft": WieBetreft,
    "wijze_van_afdoening": WijzeVanAfdoening,
    "situatie": SituatieNaInterventie,
}


class DemodataFout(ValueError):
    """The data file does not add up; raised before anything is written."""


def uitgerold(aantallen: dict, *, zaad: str) -> list[str]:
    """The multiset {code: n} as a list of codes, shuffled with a fixed seed (same order every run)."""
    codes = [code for code, n in aantallen.items() for _ in range(n)]
    random.Random(zaad).shuffle(codes)
    return codes


def _zelfde_lengte(naam: str, *lijsten) -> None:
    lengtes = {len(lijst) for lijst in lijsten}
    if len(lengtes) != 1:
        raise DemodataFout(
            f"Demodata {naam}: de dimensies tellen niet op tot hetzelfde totaal ({sorted(lengtes)})."
        )


def tellijst_rijen(gegevens: dict, *, door) -> list[Adviesvraag]:
    pseudoniem = pseudoniem_van(door)
    opties = {sleutel: {o.code: o for o in model.objects.all()} for sleutel, model in DIMENSIES.items()}
    opties["onderdeel"] = {o.code: o for o in Onderdeel.objects.all()}
    rijen = []
    for jaar_tekst, jaar_gegevens in gegevens.items():
        jaar = int(jaar_tekst)
        if "per_onderdeel" in jaar_gegevens:
            combinaties = _per_onderdeel(jaar, jaar_gegevens, situaties=opties["situatie"])
        else:
            combinaties = _ministerie(jaar, jaar_gegevens)
        for onderdeel, sub, wie, wijze, situatie in combinaties:
            subcategorie = opties["subcategorie"][sub]
            rijen.append(
                Adviesvraag(
                    jaar=jaar,
                    onderdeel=opties["onderdeel"][onderdeel],
                    hoofdcategorie_id=subcategorie.hoofdcategorie_id,
                    subcategorie=subcategorie,
                    wie_betreft=opties["wie_betreft"][wie],
                    wijze_van_afdoening=opties["wijze_van_afdoening"][wijze],
                    situatie=opties["situatie"][situatie],
                    pseudoniem=pseudoniem,
                )
            )
    return rijen


def _ministerie(jaar: int, gegevens: dict) -> list[tuple]:
    lijsten = [
        uitgerold(gegevens[sleutel], zaad=f"{jaar}-{sleutel}")
        for sleutel in ("onderdeel", "subcategorie", "wie_betreft", "wijze_van_afdoening", "situatie")
    ]
    _zelfde_lengte(str(jaar), *lijsten)
    return list(zip(*lijsten, strict=True))


def _per_onderdeel(jaar: int, gegevens: dict, *, situaties: dict) -> list[tuple]:
    uitkomst_van = {code: optie.uitkomst for code, optie in situaties.items()}
    combinaties = []
    for onderdeel, dims in gegevens["per_onderdeel"].items():
        zaad = f"{jaar}-{onderdeel}"
        vast = gegevens.get("subcategorie_uitkomst", {}).get(onderdeel, {})
        # Outcome classes still free after the subcategorieën whose outcomes the report gives.
        vrij = defaultdict(int)
        for situatie, n in dims["situatie"].items():
            vrij[uitkomst_van[situatie]] += n
        paren = []
        for sub, per_uitkomst in vast.items():
            if sum(per_uitkomst.values()) != dims["subcategorie"].get(sub, 0):
                raise DemodataFout(f"Demodata {jaar} {onderdeel} {sub}: uitkomsten tellen niet op.")
            for uitkomst, n in per_uitkomst.items():
                vrij[uitkomst] -= n
                paren += [(sub, uitkomst)] * n
        if any(n < 0 for n in vrij.values()):
            raise DemodataFout(
                f"Demodata {jaar} {onderdeel}: meer uitkomsten vastgelegd dan er situaties zijn."
            )
        overig = uitgerold(
            {s: n for s, n in dims["subcategorie"].items() if s not in vast}, zaad=f"{zaad}-sub"
        )
        klassen = uitgerold(dict(sorted(vrij.items())), zaad=f"{zaad}-uitkomst")
        _zelfde_lengte(f"{jaar} {onderdeel} uitkomsten", overig, klassen)
        paren += list(zip(overig, klassen, strict=True))

        # Within each outcome class, the onderdeel's situatie options of that class.
        per_klasse = defaultdict(list)
        for sub, uitkomst in paren:
            per_klasse[uitkomst].append(sub)
        subs, situatie_lijst = [], []
        for uitkomst, subs_in_klasse in sorted(per_klasse.items()):
            opties = {s: n for s, n in dims["situatie"].items() if uitkomst_van[s] == uitkomst}
            in_klasse = uitgerold(opties, zaad=f"{zaad}-{uitkomst}")
            _zelfde_lengte(f"{jaar} {onderdeel} {uitkomst}", subs_in_klasse, in_klasse)
            subs += subs_in_klasse
            situatie_lijst += in_klasse
        wie = uitgerold(dims["wie_betreft"], zaad=f"{zaad}-wie")
        wijze = uitgerold(dims["wijze_van_afdoening"], zaad=f"{zaad}-wijze")
        _zelfde_lengte(f"{jaar} {onderdeel}", subs, wie, wijze, situatie_lijst)
        combinaties += [(onderdeel, *rij) for rij in zip(subs, wie, wijze, situatie_lijst, strict=True)]
    return combinaties
