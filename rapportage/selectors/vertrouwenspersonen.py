"""Figures of the Tellijst: Bijlage 1 (three years), the per-onderdeel table and chapter 3 of the report.

Four GROUP BY queries over the Tellijst, each grouped by jaar and onderdeel as well, serve both the
three-year tables and the per-onderdeel table; a fifth crosses subcategorie with situatie for the
outcomes per subcategorie, a sixth subcategorie with the group of beklaagden (selectors.beklaagden).
Python only adds up the few hundred groups the database returns and joins the labels.
"""

from collections import defaultdict

from django.db.models import Q

from finintegriteit.referentie.models import (
    Hoofdcategorie,
    SituatieNaInterventie,
    Subcategorie,
    WieBetreft,
    WijzeVanAfdoening,
)

from ..vergelijken import pijl, procent
from ._gemeen import voetnoot_vergelijkingsgroep, zichtbare_opties
from .beklaagden import aard_per_beklaagdengroep
from .gegevens import TELLIJST
from .tellijstbron import Tellijstbron

# Key in the figures -> (field of Adviesvraag, option model).
DIMENSIES = {
    "wie_betreft_de_melding": ("wie_betreft", WieBetreft),
    "wijze_van_afdoening": ("wijze_van_afdoening", WijzeVanAfdoening),
    "situatie_na_interventie": ("situatie", SituatieNaInterventie),
}
Uitkomst = SituatieNaInterventie.Uitkomst
UITKOMSTEN = {
    Uitkomst.GENORMALISEERD: "genormaliseerd",
    Uitkomst.NIET_GENORMALISEERD: "niet_genormaliseerd",
    Uitkomst.ONBEKEND: "onbekend",
    Uitkomst.LOOPT_DOOR: "loopt_door",
}


class _Telling:
    """Counts per (jaar, option) over the years, and per (onderdeel, option) in the report year."""

    def __init__(self, groepen, veld: str, *, jaar: int):
        self.per_jaar = defaultdict(int)
        self.per_onderdeel = defaultdict(int)
        self.per_optie = defaultdict(int)
        for groep in groepen:
            optie, n = groep[veld], groep["n"]
            self.per_jaar[groep["jaar"], optie] += n
            self.per_optie[optie] += n
            if groep["jaar"] == jaar:
                self.per_onderdeel[groep["onderdeel_id"], optie] += n

    def totaal(self, jaar: int) -> int:
        return sum(n for (j, _), n in self.per_jaar.items() if j == jaar)

    def totaal_per_onderdeel(self, onderdeel_id) -> int:
        return sum(n for (o, _), n in self.per_onderdeel.items() if o == onderdeel_id)


def _groepen(basis, *velden, tel):
    return list(basis.values("jaar", "onderdeel_id", *velden).annotate(n=tel()).order_by())


def _waarden(opties: list, telling: _Telling, *, jaren, totalen: dict, deler=None) -> list[dict]:
    ids = [o.pk for o in opties]
    waarden = []
    for j in jaren:
        aantal = sum(telling.per_jaar[j, i] for i in ids)
        waarde = {
            "jaar": j,
            "aantal": aantal,
            "procent": procent(aantal, totalen[j]),
            "in_gebruik": any(o.in_gebruik(j) for o in opties),
        }
        if deler is not None:
            waarde["procent_van_hoofdcategorie"] = procent(aantal, deler[j])
        waarden.append(waarde)
    return waarden


def _driejaarsrij(opties: list, telling, *, code, label, jaren, totalen, met_gegevens, deler=None) -> dict:
    waarden = _waarden(opties, telling, jaren=jaren, totalen=totalen, deler=deler)
    huidig, vorig = waarden[-1], waarden[-2]
    rij = {
        "code": code,
        "label": label,
        "aantal": huidig["aantal"],
        "procent": huidig["procent"],
        "vorig_jaar": vorig["aantal"],
        "pijl": pijl(
            huidig["aantal"],
            vorig["aantal"],
            # No arrow for an option that did not exist last year, nor for a year without any Tellijst
            # rows in the system (selectors.gegevens).
            vergelijkbaar=vorig["jaar"] in met_gegevens and (vorig["in_gebruik"] or vorig["aantal"] > 0),
        ),
        "vergelijkingsgroep": opties[0].vergelijkingsgroep if len(opties) == 1 else label,
        "in_gebruik": huidig["in_gebruik"],
        "waarden": waarden,
    }
    if deler is not None:
        rij["procent_van_hoofdcategorie"] = huidig["procent_van_hoofdcategorie"]
    return rij


def _optierij(optie, telling, **kwargs) -> dict:
    return _driejaarsrij([optie], telling, code=optie.code, label=optie.label, **kwargs)


def _vergelijkingsgroepen(opties: list, telling, *, jaren, totalen, met_gegevens) -> list[dict]:
    leden_per_groep = defaultdict(list)
    for optie in opties:
        if optie.vergelijkingsgroep:
            leden_per_groep[optie.vergelijkingsgroep].append(optie)
    groepen = []
    for naam, leden in leden_per_groep.items():
        rij = _driejaarsrij(
            leden,
            telling,
            code=f"groep:{naam}",
            label=naam,
            jaren=jaren,
            totalen=totalen,
            met_gegevens=met_gegevens,
        )
        rij["opties"] = [o.label for o in leden]
        rij["voetnoot"] = voetnoot_vergelijkingsgroep(leden, jaren=jaren)
        groepen.append(rij)
    return groepen


def _plat(opties, telling, *, jaar) -> dict:
    """{label: n} of the report year: every option in use that year, and any other that has rows."""
    plat = {}
    for optie in opties:
        n = telling.per_jaar[jaar, optie.pk]
        if optie.in_gebruik(jaar) or n:
            plat[optie.label] = plat.get(optie.label, 0) + n
    return plat


def _per_onderdeel_rij(optie, telling, *, kolommen, jaar, **extra) -> dict:
    return {
        "code": optie.code,
        "label": optie.label,
        **extra,
        "cellen": [telling.per_onderdeel[k.pk, optie.pk] for k in kolommen],
        "aantal": telling.per_jaar[jaar, optie.pk],
    }


def vertrouwenspersonen_cijfers(
    *, jaar: int, onderdeel, onderdelen: list, met_gegevens: dict[str, list[int]], bron: Tellijstbron
) -> dict:
    """The Tellijst figures of `jaar` and the two years before, counted from `bron` (a publication or
    the live rows); `met_gegevens` from selectors.gegevens."""
    jaren = [jaar - 2, jaar - 1, jaar]
    basis = bron.rijen.filter(jaar__in=jaren)
    if onderdeel is not None:
        basis = basis.filter(onderdeel=onderdeel)

    aard = _groepen(basis, "hoofdcategorie_id", "subcategorie_id", tel=bron.tel)
    hoofd_telling = _Telling(aard, "hoofdcategorie_id", jaar=jaar)
    sub_telling = _Telling(aard, "subcategorie_id", jaar=jaar)
    tellingen = {
        sleutel: _Telling(_groepen(basis, f"{veld}_id", tel=bron.tel), f"{veld}_id", jaar=jaar)
        for sleutel, (veld, _) in DIMENSIES.items()
    }
    totalen = {j: hoofd_telling.totaal(j) for j in jaren}

    hoofdcategorieen = zichtbare_opties(
        list(Hoofdcategorie.objects.all()), jaren=jaren, aantallen=hoofd_telling.per_optie
    )
    subcategorieen = zichtbare_opties(
        list(Subcategorie.objects.all()), jaren=jaren, aantallen=sub_telling.per_optie
    )
    subs_per_hoofd = defaultdict(list)
    for sub in subcategorieen:
        subs_per_hoofd[sub.hoofdcategorie_id].append(sub)
    alle = {sleutel: list(model.objects.all()) for sleutel, (_, model) in DIMENSIES.items()}
    opties = {
        sleutel: zichtbare_opties(alle[sleutel], jaren=jaren, aantallen=tellingen[sleutel].per_optie)
        for sleutel in DIMENSIES
    }

    if onderdeel is not None:
        kolommen = [onderdeel]
    else:
        kolommen = [o for o in onderdelen if o.in_gebruik(jaar) or hoofd_telling.totaal_per_onderdeel(o.pk)]

    gemeen = {"jaren": jaren, "totalen": totalen, "met_gegevens": met_gegevens[TELLIJST]}
    bijlage1_aard = []
    for hoofd in hoofdcategorieen:
        per_jaar = {j: hoofd_telling.per_jaar[j, hoofd.pk] for j in jaren}
        rij = _optierij(hoofd, hoofd_telling, **gemeen)
        rij["nummer"] = hoofd.nummer
        rij["uitsplitsen"] = hoofd.uitsplitsen
        rij["subcategorieen"] = [
            _optierij(sub, sub_telling, deler=per_jaar, **gemeen) for sub in subs_per_hoofd[hoofd.pk]
        ]
        bijlage1_aard.append(rij)

    cijfers = {
        "totaal": totalen[jaar],
        "per_onderdeel": {k.label: hoofd_telling.totaal_per_onderdeel(k.pk) for k in kolommen},
        "hoofdcategorie": _plat(hoofdcategorieen, hoofd_telling, jaar=jaar),
        "subcategorie": {
            hoofd.label: _plat(subs_per_hoofd[hoofd.pk], sub_telling, jaar=jaar)
            for hoofd in hoofdcategorieen
            if hoofd.in_gebruik(jaar) or hoofd_telling.per_jaar[jaar, hoofd.pk]
        },
        **{sleutel: _plat(opties[sleutel], tellingen[sleutel], jaar=jaar) for sleutel in DIMENSIES},
        "totalen": [{"jaar": j, "aantal": totalen[j]} for j in jaren],
        "bijlage1": {
            "aard": bijlage1_aard,
            **{
                sleutel: [_optierij(o, tellingen[sleutel], **gemeen) for o in opties[sleutel]]
                for sleutel in DIMENSIES
            },
        },
        "vergelijkingsgroepen": {
            "hoofdcategorie": _vergelijkingsgroepen(hoofdcategorieen, hoofd_telling, **gemeen),
            "subcategorie": _vergelijkingsgroepen(subcategorieen, sub_telling, **gemeen),
            **{
                sleutel: _vergelijkingsgroepen(opties[sleutel], tellingen[sleutel], **gemeen)
                for sleutel in DIMENSIES
            },
        },
        "per_onderdeel_tabel": {
            "kolommen": [{"code": k.code, "label": k.label} for k in kolommen],
            "totaal": {
                "cellen": [hoofd_telling.totaal_per_onderdeel(k.pk) for k in kolommen],
                "aantal": totalen[jaar],
            },
            "aard": [
                _per_onderdeel_rij(
                    hoofd,
                    hoofd_telling,
                    kolommen=kolommen,
                    jaar=jaar,
                    nummer=hoofd.nummer,
                    subcategorieen=[
                        _per_onderdeel_rij(sub, sub_telling, kolommen=kolommen, jaar=jaar)
                        for sub in subs_per_hoofd[hoofd.pk]
                    ],
                )
                for hoofd in hoofdcategorieen
            ],
            **{
                sleutel: [
                    _per_onderdeel_rij(o, tellingen[sleutel], kolommen=kolommen, jaar=jaar)
                    for o in opties[sleutel]
                ]
                for sleutel in DIMENSIES
            },
        },
    }
    afhandeling, uitkomst = _afhandeling(
        basis.filter(jaar=jaar),
        hoofdcategorieen=hoofdcategorieen,
        subs_per_hoofd=subs_per_hoofd,
        situaties=alle["situatie_na_interventie"],
        wijzen=alle["wijze_van_afdoening"],
        tel=bron.tel,
    )
    cijfers["afhandeling_per_subcategorie"] = afhandeling
    cijfers["uitkomst"] = uitkomst
    cijfers["aard_per_beklaagde"] = aard_per_beklaagdengroep(
        jaar=jaar,
        bron=bron,
        onderdeel=onderdeel,
        hoofdcategorieen=hoofdcategorieen,
        subcategorieen=subcategorieen,
    )
    return cijfers


def _leeg_afhandeling() -> dict:
    return dict.fromkeys(
        [
            "totaal",
            "afgehandeld",
            "loopt_door",
            "genormaliseerd",
            "niet_genormaliseerd",
            "onbekend",
            "afdoening_loopt_nog",
        ],
        0,
    )


def _afhandeling(basis, *, hoofdcategorieen, subs_per_hoofd, situaties, wijzen, tel) -> tuple[list, dict]:
    """Per subcategorie: afgehandeld / loopt door and the outcome of the afgehandelde meldingen.

    'Loopt door' follows the situatie dimension (option with uitkomst 'loopt_door'): the report's texts
    per subcategorie add up to more than the afdoening 'Loopt nog' allows, so they follow the situatie.
    The afdoening that still runs is given alongside, as afdoening_loopt_nog.
    """
    uitkomst_van = {situatie.pk: situatie.uitkomst for situatie in situaties}
    loopt_nog = [wijze.pk for wijze in wijzen if wijze.loopt_nog]
    groepen = (
        basis.values("subcategorie_id", "situatie_id")
        .annotate(n=tel(), wijze_loopt_nog=tel(filter=Q(wijze_van_afdoening_id__in=loopt_nog)))
        .order_by()
    )
    per_sub = defaultdict(_leeg_afhandeling)
    for groep in groepen:
        telling = per_sub[groep["subcategorie_id"]]
        telling["totaal"] += groep["n"]
        telling[UITKOMSTEN[uitkomst_van[groep["situatie_id"]]]] += groep["n"]
        telling["afdoening_loopt_nog"] += groep["wijze_loopt_nog"]
    for telling in per_sub.values():
        telling["afgehandeld"] = telling["totaal"] - telling["loopt_door"]

    resultaat, totaal = [], _leeg_afhandeling()
    for hoofd in hoofdcategorieen:
        subs = [{"code": s.code, "label": s.label, **per_sub[s.pk]} for s in subs_per_hoofd[hoofd.pk]]
        som = _leeg_afhandeling()
        for sub in subs:
            for sleutel in som:
                som[sleutel] += sub[sleutel]
        for sleutel in totaal:
            totaal[sleutel] += som[sleutel]
        resultaat.append(
            {"code": hoofd.code, "label": hoofd.label, "nummer": hoofd.nummer, **som, "subcategorieen": subs}
        )
    uitkomst = {
        k: totaal[k]
        for k in ("genormaliseerd", "niet_genormaliseerd", "onbekend", "loopt_door", "afdoening_loopt_nog")
    }
    return resultaat, uitkomst
