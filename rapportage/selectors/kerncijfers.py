"""Key figures entered per year by the functioneel beheerder, and the register of vertrouwenspersonen."""

from django.db.models import Sum

from vertrouwenspersonen.selectors import register_telling

from ..models import (
    CifCategorie,
    Kerncijfers,
    KlachtOnderwerp,
    KlachtUitkomst,
    MedewerkersPerOnderdeel,
    Nevenwerkzaamheden,
)

# These figures exist only for the whole ministry; a report for one onderdeel shows them as they are.
MINISTERIEBREED = ["klachtencommissie", "cif", "register"]


def _leeg() -> dict:
    return {
        "ingevoerd": False,
        "medewerkers": {"totaal": None, "per_onderdeel": {}, "niet_betrokken": None},
        "nevenwerkzaamheden": {"rijen": [], "totaal": None},
        "klachtencommissie": {
            "ontvangen": None,
            "ontvankelijk": None,
            "niet_ontvankelijk": None,
            "onderwerpen": [],
            "uitkomsten": [],
            "uitkomst_niet_vermeld": None,
        },
        "cif": {"meldingen": None, "categorieen": [], "niet_toegewezen": None},
        "register": None,
        "ministeriebreed": MINISTERIEBREED,
    }


def _verschil(totaal, deel):
    return None if totaal is None else totaal - (deel or 0)


def kerncijfers_van(*, jaar: int, onderdeel, betrokkenen: int) -> dict:
    """The key figures of `jaar`; for one onderdeel its medewerkers and nevenwerkzaamheden only.

    Sums of entered rows are taken in the database too, in the same query as the rows where possible.
    """
    cijfers = _leeg()
    kern = Kerncijfers.objects.filter(jaar=jaar).first()
    if kern is None:
        return cijfers
    cijfers["ingevoerd"] = True
    scope = {} if onderdeel is None else {"onderdeel": onderdeel}

    medewerkers = dict(
        MedewerkersPerOnderdeel.objects.filter(kerncijfers=kern, **scope)
        .order_by("onderdeel__volgorde", "volgorde", "pk")
        .values_list("onderdeel__label", "aantal")
    )
    totaal = kern.medewerkers_totaal if onderdeel is None else medewerkers.get(onderdeel.label)
    cijfers["medewerkers"] = {
        "totaal": totaal,
        "per_onderdeel": medewerkers,
        "niet_betrokken": _verschil(totaal, betrokkenen),
    }

    nevenwerk = Nevenwerkzaamheden.objects.filter(kerncijfers=kern, **scope)
    cijfers["nevenwerkzaamheden"] = {
        "rijen": [
            {"label": label, "onderdeel": onderdeel_label, "aantal": aantal}
            for label, onderdeel_label, aantal in nevenwerk.order_by("volgorde", "pk").values_list(
                "organisatie", "onderdeel__label", "aantal"
            )
        ],
        "totaal": nevenwerk.aggregate(totaal=Sum("aantal"))["totaal"],
    }

    onderwerpen = list(KlachtOnderwerp.objects.filter(kerncijfers=kern).values("onderwerp", "aantal"))
    uitkomsten = KlachtUitkomst.objects.filter(kerncijfers=kern)
    cijfers["klachtencommissie"] = {
        "ontvangen": kern.klachten_ontvangen,
        "ontvankelijk": kern.klachten_ontvankelijk,
        "niet_ontvankelijk": _verschil(kern.klachten_ontvangen, kern.klachten_ontvankelijk)
        if kern.klachten_ontvankelijk is not None
        else None,
        "onderwerpen": [{"label": r["onderwerp"], "aantal": r["aantal"]} for r in onderwerpen],
        "uitkomsten": [{"label": u, "aantal": n} for u, n in uitkomsten.values_list("uitkomst", "aantal")],
        # The 2024 report gives outcomes for 5 of the 6 ontvankelijke klachten.
        "uitkomst_niet_vermeld": _verschil(
            kern.klachten_ontvankelijk, uitkomsten.aggregate(s=Sum("aantal"))["s"]
        ),
    }

    categorieen = CifCategorie.objects.filter(kerncijfers=kern)
    cijfers["cif"] = {
        "meldingen": kern.cif_meldingen,
        "categorieen": [{"label": c, "aantal": n} for c, n in categorieen.values_list("categorie", "aantal")],
        # Meldingen not assigned to a category: the 2024 chart cannot be paired with its categories.
        "niet_toegewezen": _verschil(kern.cif_meldingen, categorieen.aggregate(s=Sum("aantal"))["s"]),
    }

    if kern.peildatum_register is not None:
        cijfers["register"] = {
            "peildatum": kern.peildatum_register,
            **register_telling(peildatum=kern.peildatum_register),
        }
    return cijfers
