"""Builders of the Tellijst privacy tests: random Tellijsten that vary over every dimension, the cells of
a published view, and the attacker's reckoning (what follows from the sums)."""

from fractions import Fraction

from finintegriteit.referentie import models as ref
from rapportage.selectors import gepubliceerd, jaarcijfers
from rapportage.selectors.afscherming import cellen_van
from tests.bouwstenen.tellijst import SUB_HOOFD, tellijst


def gepubliceerde_cellen(jaar, onderdeel):
    """The cells of a view (`onderdeel` None: the whole ministry) as the latest publication counts them."""
    ruw = jaarcijfers(jaar=jaar, onderdeel=onderdeel, tellijst=gepubliceerd())
    return cellen_van(ruw["vertrouwenspersonen"], jaar=jaar, jaren=ruw["jaren"])


def uit_de_sommen_te_halen(c, verborgen) -> set:
    """The hidden cells whose value follows from the sums and the visible cells (Gaussian elimination)."""
    basis = {}

    def verminderen(rij: dict) -> dict:
        rij = dict(rij)
        while rij:
            spil = min(rij)
            if spil not in basis:
                return rij
            factor = rij[spil] / basis[spil][spil]
            for k, v in basis[spil].items():
                rij[k] = rij.get(k, 0) - factor * v
                if rij[k] == 0:
                    del rij[k]
        return rij

    volgorde = {k: i for i, k in enumerate(sorted(verborgen, key=repr))}
    for totaal, delen in c.sommen:
        rij = {}
        for sleutel, teken in [(totaal, 1), *((d, -1) for d in delen)]:
            if sleutel in verborgen:
                rij[volgorde[sleutel]] = rij.get(volgorde[sleutel], 0) + Fraction(teken)
        rij = verminderen({k: v for k, v in rij.items() if v})
        if rij:
            basis[min(rij)] = rij
    return {k for k, i in volgorde.items() if not verminderen({i: Fraction(1)})}


def willekeurige_tellijst(kiezer, *, rijen: int, jaren: list[int], onderdelen=("douane", "belastingdienst")):
    """Rows that vary over every dimension, so that the sums cross in every direction."""
    actueel = {"eerste_jaar__lte": min(jaren), "laatste_jaar__isnull": True}
    wie = list(ref.WieBetreft.objects.filter(**actueel).values_list("code", flat=True))
    wijzen = list(ref.WijzeVanAfdoening.objects.filter(**actueel).values_list("code", flat=True))
    situaties = list(ref.SituatieNaInterventie.objects.filter(**actueel).values_list("code", flat=True))
    for _ in range(rijen):
        tellijst(
            kiezer.choice([1, 1, 2, 3, 6]),
            jaar=kiezer.choice(jaren),
            sub=kiezer.choice(list(SUB_HOOFD)),
            onderdeel=kiezer.choice(onderdelen),
            wie=kiezer.choice(wie),
            wijze=kiezer.choice(wijzen),
            situatie=kiezer.choice(situaties),
        )


def sub_waarde(cijfers, sub_code, jaar):
    for hoofd in cijfers["vertrouwenspersonen"]["bijlage1"]["aard"]:
        for sub in hoofd["subcategorieen"]:
            if sub["code"] == sub_code:
                return next(w["aantal"] for w in sub["waarden"] if w["jaar"] == jaar)
    raise AssertionError(sub_code)
