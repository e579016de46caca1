"""Earlier years in the report's comparisons come from their adopted (or imported) figures.

The published report compares with the figures it published before, not with a recount: a late row in
2023 does not change the 2023 column of the 2024 report, but it is footnoted. A year that was imported
from a published report (no rows in the system) is compared with in the same way.

Only the rows of earlier years change here; the report year's own figures, and therefore the
`exporteer_cijfers` JSON, stay exactly as counted.

This rewrites the figures' dict in place (an adoption freezes the result), so it works on the dict, not
on the read-only sections of rapportage.secties. It reads that dict, just counted by `jaarcijfers`, by
its keys; `.get()` is kept for the earlier years' export JSON, whose figures are looked up by label and
whose older versions may lack a key.
"""

import json

from ..selectors.gegevens import OIF_AFDOENINGEN, OIF_MELDINGEN, TELLIJST
from ..vergelijken import pijl, procent

# Dimension of bijlage1 -> key of the export.
VP_DIMENSIES = {
    "wie_betreft_de_melding": "wie_betreft_de_melding",
    "wijze_van_afdoening": "wijze_van_afdoening",
    "situatie_na_interventie": "situatie_na_interventie",
}
OIF_MELDINGEN_TABELLEN = ("melder", "onderwerp")


def _waarde_van(rij: dict, jaar: int) -> dict | None:
    return next((w for w in rij["waarden"] if w["jaar"] == jaar), None)


class _Verschillen:
    def __init__(self):
        self.regels: list[tuple[int, str, object, object]] = []

    def noteer(self, jaar, label, vastgesteld, live, *, live_telt: bool):
        if live_telt and vastgesteld != live:
            self.regels.append((jaar, label, vastgesteld, live))


def _vp_rij(rij, jaar, nieuw, totaal, *, rapportjaar, verschillen, live_telt):
    waarde = _waarde_van(rij, jaar)
    if waarde is None:
        return
    verschillen.noteer(jaar, rij["label"], nieuw, waarde["aantal"], live_telt=live_telt)
    waarde["aantal"] = nieuw
    waarde["in_gebruik"] = nieuw is not None
    waarde["procent"] = procent(nieuw, totaal) if nieuw is not None else None
    if jaar == rapportjaar - 1:
        rij["vorig_jaar"] = nieuw
        rij["pijl"] = pijl(rij["aantal"] or 0, nieuw) if nieuw is not None else None


def _vertrouwenspersonen(vp: dict, jaar: int, export: dict, *, rapportjaar, verschillen, live_telt):
    totaal = export.get("totaal")
    for t in vp["totalen"]:
        if t["jaar"] == jaar:
            verschillen.noteer(jaar, "Totaal adviesvragen", totaal, t["aantal"], live_telt=live_telt)
            t["aantal"] = totaal
    b1 = vp["bijlage1"]
    hoofd, sub = export.get("hoofdcategorie") or {}, export.get("subcategorie") or {}
    for rij in b1["aard"]:
        _vp_rij(
            rij,
            jaar,
            hoofd.get(rij["label"]),
            totaal,
            rapportjaar=rapportjaar,
            verschillen=verschillen,
            live_telt=live_telt,
        )
        for subrij in rij["subcategorieen"]:
            nieuw = (sub.get(rij["label"]) or {}).get(subrij["label"])
            _vp_rij(
                subrij,
                jaar,
                nieuw,
                totaal,
                rapportjaar=rapportjaar,
                verschillen=verschillen,
                live_telt=live_telt,
            )
    for dimensie, sleutel in VP_DIMENSIES.items():
        waarden = export.get(sleutel) or {}
        for rij in b1[dimensie]:
            if rij["label"] in waarden:
                _vp_rij(
                    rij,
                    jaar,
                    waarden[rij["label"]],
                    totaal,
                    rapportjaar=rapportjaar,
                    verschillen=verschillen,
                    live_telt=live_telt,
                )


def _oif(o: dict, export: dict, *, verschillen, jaar, live_telt):
    for naam, rijen in o["tabellen"].items():
        waarden = export.get(naam)
        if not isinstance(waarden, dict):
            continue
        for rij in rijen:
            nieuw = waarden.get(rij["label"])
            verschillen.noteer(jaar, rij["label"], nieuw, rij["vorig_jaar"], live_telt=live_telt)
            rij["vorig_jaar"] = nieuw
            rij["pijl"] = pijl(rij["aantal"] or 0, nieuw) if nieuw is not None else None


def met_vastgestelde_jaren(cijfers: dict, vastgesteld: dict) -> dict:
    """Replace the earlier years of `cijfers` (from `jaarcijfers`) by their adopted figures, in place.

    `vastgesteld` maps a year to its `Vaststelling`. Returns {content key: [footnotes]} for the report:
    which years are adopted figures, and where the registrations now count otherwise.
    """
    rapportjaar = cijfers["jaar"]
    met_gegevens = cijfers.setdefault("jaren_met_gegevens", {})
    voetnoten: dict[str, list[str]] = {}
    for jaar in sorted(vastgesteld):
        if jaar >= rapportjaar:
            continue
        v = vastgesteld[jaar]
        export = json.loads(v.cijfers_json)
        bron = "ingelezen uit het gepubliceerde verslag" if v.bron == v.Bron.IMPORT else "vastgesteld"
        datum = f"{v.vastgesteld_op:%d-%m-%Y}"
        for sleutel, delen in (
            ("vertrouwenspersonen", (TELLIJST,)),
            ("oif", (OIF_MELDINGEN, OIF_AFDOENINGEN)),
        ):
            if sleutel == "oif" and jaar != rapportjaar - 1:
                continue  # the OIF chapter compares with last year only
            deel_export = export.get(sleutel) or {}
            if not deel_export:
                continue
            verschillen = _Verschillen()
            live_telt = any(jaar in met_gegevens.get(d, []) for d in delen)
            if sleutel == "vertrouwenspersonen":
                _vertrouwenspersonen(
                    cijfers["vertrouwenspersonen"],
                    jaar,
                    deel_export,
                    rapportjaar=rapportjaar,
                    verschillen=verschillen,
                    live_telt=live_telt,
                )
            else:
                _oif(
                    cijfers["oif"],
                    deel_export,
                    verschillen=verschillen,
                    jaar=jaar,
                    live_telt=live_telt,
                )
            for deel in delen:
                if jaar not in met_gegevens.setdefault(deel, []):
                    met_gegevens[deel] = sorted([*met_gegevens[deel], jaar])
            noten = voetnoten.setdefault(sleutel, [])
            noten.append(f"De cijfers van {jaar} in de vergelijkingen zijn de {bron} cijfers ({datum}).")
            if verschillen.regels:
                lijst = "; ".join(
                    f"{label}: {_t(oud)} (nu {_t(nieuw)})"
                    for _j, label, oud, nieuw in verschillen.regels[:20]
                )
                meer = len(verschillen.regels) - 20
                noten.append(
                    f"Sinds de vaststelling telt het systeem voor {jaar} anders bij: {lijst}"
                    + (f" en {meer} andere." if meer > 0 else ".")
                )
    return voetnoten


def _t(waarde) -> str:
    from ..teksten.markdown import getal

    return getal(waarde)
