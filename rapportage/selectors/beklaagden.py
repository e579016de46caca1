"""The aard of the adviesvragen per group of beklaagden: chapter 3, Beklaagden.

Which options of 'wie betreft de melding' form a group (Leidinggevende: direct and andere leidinggevende;
Collega: collega of the own onderdeel and medewerker of another) is `WieBetreft.beklaagdengroep`; which
hoofdcategorieën are split out by subcategorie is `Hoofdcategorie.uitsplitsen`. Both are data on the
taxonomy, so a new option joins a group without a change here.
"""

from finintegriteit.referentie.models import Hoofdcategorie, Subcategorie, WieBetreft

from .tellijstbron import Tellijstbron


def aard_per_beklaagdengroep(
    *,
    jaar: int,
    bron: Tellijstbron,
    onderdeel=None,
    hoofdcategorieen: list[Hoofdcategorie] | None = None,
    subcategorieen: list[Subcategorie] | None = None,
) -> list[dict]:
    """Per group of beklaagden, per split-out hoofdcategorie, the adviesvragen of `jaar` per subcategorie.

    One GROUP BY over `bron` (a publication or the live rows), grouped by the beklaagdengroep of the row's
    option, so the options of a group are added up by the database. `hoofdcategorieen` and
    `subcategorieen` are the options already loaded by the caller (else they are read here); a
    subcategorie is listed when it is in use in `jaar` or has rows all the same.
    """
    if hoofdcategorieen is None:
        hoofdcategorieen = list(Hoofdcategorie.objects.all())
    if subcategorieen is None:
        subcategorieen = list(Subcategorie.objects.all())
    uitgesplitst = [h for h in hoofdcategorieen if h.uitsplitsen]
    rijen = bron.rijen.filter(jaar=jaar, hoofdcategorie_id__in=[h.pk for h in uitgesplitst]).exclude(
        wie_betreft__beklaagdengroep=""
    )
    if onderdeel is not None:
        rijen = rijen.filter(onderdeel=onderdeel)
    aantallen = {
        (groep["wie_betreft__beklaagdengroep"], groep["subcategorie_id"]): groep["n"]
        for groep in rijen.values("wie_betreft__beklaagdengroep", "subcategorie_id")
        .annotate(n=bron.tel())
        .order_by()
    }
    # The same subcategorieën for every group: those in use in the year, and any other with rows.
    met_rijen = {sub_id for _, sub_id in aantallen}
    getoond = [s for s in subcategorieen if s.in_gebruik(jaar) or s.pk in met_rijen]
    resultaat = []
    for groep in WieBetreft.Beklaagdengroep:
        per_hoofd = []
        for hoofd in uitgesplitst:
            subs = [
                {"code": s.code, "label": s.label, "aantal": aantallen.get((groep.value, s.pk), 0)}
                for s in getoond
                if s.hoofdcategorie_id == hoofd.pk
            ]
            if hoofd.in_gebruik(jaar) or subs:
                per_hoofd.append(
                    {
                        "code": hoofd.code,
                        "label": hoofd.label,
                        "aantal": sum(s["aantal"] for s in subs),
                        "subcategorieen": subs,
                    }
                )
        resultaat.append({"code": groep.value, "label": groep.label, "hoofdcategorieen": per_hoofd})
    return resultaat
