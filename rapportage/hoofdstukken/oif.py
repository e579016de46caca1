"""Chapter 2: the Onderzoeksbureau Integriteit Financiën."""

from ..tabellen import (
    Hoofdstuk,
    Paragraaf,
    Tekst,
)
from ._gemeen import Weergave, _grafiek, _rijentabel, _t

# --- 2 OIF --------------------------------------------------------------------------------------------


def oif(c: dict, w: Weergave, nummer: int) -> Hoofdstuk:
    jaar, o = c["jaar"], c.get("oif", {})
    t = o.get("tabellen", {})
    klassen = {r["code"]: r for r in t.get("afdoening_klasse", [])}
    geen = klassen.get("geen afdoening", {}).get("aantal")
    nd = klassen.get("niet-disciplinair", {}).get("aantal")
    dis = klassen.get("disciplinair", {}).get("aantal")
    samenvatting = (
        f"In {jaar} ontving het Onderzoeksbureau Integriteit Financiën (OIF) "
        f"{_t(w.a(o.get('meldingen')))} meldingen "
        f"en zijn {_t(w.a(o.get('betrokkenen')))} (vermoedelijke) integriteitsschendingen afgedaan. "
        f"In {_t(w.a(geen))} "
        "gevallen bestond geen aanleiding voor een formele afdoening. De overige "
        f"{_t(w.a(o.get('maatregelen')))} "
        f"gevallen zijn met een maatregel afgedaan: {_t(w.a(nd))} niet-disciplinair en {_t(w.a(dis))} "
        "disciplinair."
    )
    p = f"{nummer}."
    paragrafen = [
        Paragraaf(
            "oif-meldingen",
            f"{p}1 Meldingen",
            [
                Tekst(samenvatting),
                _rijentabel(
                    w,
                    "oif-melder",
                    f"Melders van (vermoedelijke) schendingen {jaar}",
                    "Melder",
                    t.get("melder"),
                    jaar=jaar,
                    totaal=o.get("meldingen"),
                ),
                _rijentabel(
                    w,
                    "oif-onderwerp",
                    f"Onderwerp van de meldingen {jaar}",
                    "Onderwerp",
                    t.get("onderwerp"),
                    jaar=jaar,
                    totaal=o.get("meldingen"),
                ),
            ],
        ),
        Paragraaf(
            "oif-onderzoek",
            f"{p}2 Onderzoek",
            [
                _rijentabel(
                    w,
                    "oif-onderzoek",
                    f"Betrokkenen naar type onderzoek {jaar}",
                    "Type onderzoek",
                    t.get("onderzoek"),
                    jaar=jaar,
                    totaal=o.get("betrokkenen"),
                ),
                _rijentabel(
                    w,
                    "oif-feitenonderzoek",
                    f"Volledige feitenonderzoeken naar soort schending {jaar}",
                    "Soort schending",
                    t.get("feitenonderzoek"),
                    jaar=jaar,
                    voetnoten=_misstanden_voetnoot(o, w),
                ),
            ],
        ),
        Paragraaf(
            "oif-afdoeningen",
            f"{p}3 Afdoeningen",
            [
                _grafiek(f"Afgedane schendingen in {jaar} naar soort schending", w.dict(o.get("schending"))),
                _rijentabel(
                    w,
                    "oif-schending",
                    f"Afgedane schendingen naar soort schending {jaar}",
                    "Soort schending",
                    t.get("schending"),
                    jaar=jaar,
                    totaal=o.get("betrokkenen"),
                ),
                _rijentabel(
                    w,
                    "oif-afdoening-klasse",
                    f"Afdoeningen naar categorie {jaar}",
                    "Categorie",
                    t.get("afdoening_klasse"),
                    jaar=jaar,
                    totaal=o.get("betrokkenen"),
                ),
                _rijentabel(
                    w,
                    "oif-maatregelen-klasse",
                    f"Maatregelen naar categorie {jaar}",
                    "Categorie",
                    t.get("maatregelen_klasse"),
                    jaar=jaar,
                    totaal=o.get("maatregelen"),
                ),
                _rijentabel(
                    w,
                    "oif-afdoening",
                    f"Wijze waarop is afgedaan {jaar}",
                    "Afdoening",
                    t.get("afdoening"),
                    jaar=jaar,
                    totaal=o.get("betrokkenen"),
                ),
                _grafiek(
                    f"Afgedane maatregelen in {jaar} per onderdeel",
                    w.dict(o.get("maatregelen_per_onderdeel")),
                ),
                _rijentabel(
                    w,
                    "oif-maatregelen-per-onderdeel",
                    f"Afgedane maatregelen per onderdeel {jaar}",
                    "Onderdeel",
                    t.get("maatregelen_per_onderdeel"),
                    jaar=jaar,
                    totaal=o.get("maatregelen"),
                ),
            ],
        ),
    ]
    return Hoofdstuk("oif", f"{nummer} Onderzoeksbureau Integriteit Financiën (OIF)", paragrafen)


def _misstanden_voetnoot(o: dict, w: Weergave) -> list[str]:
    misstanden = o.get("misstanden")
    if not misstanden:
        return []
    return [
        f"Daarnaast zijn {_t(w.a(misstanden))} vermoedelijke misstanden (klokkenluidersregeling) extern "
        "onderzocht (uitbesteed onderzoek)."
    ]
