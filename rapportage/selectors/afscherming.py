"""Small Tellijst cells hidden, with as many others as it takes that none can be worked back from totals.

A count of 1 to TELLIJST_DREMPEL - 1 can point at a person ("the one adviesvraag about Douane in 2025");
it is hidden (primary suppression). Hiding one cell of a sum is not enough: total minus the other cells
gives it back, so a second cell of that sum is hidden too, the smallest non-zero one (complementary
suppression); and two hidden cells that the known total says are both 1 are pinned as well, so then a
third goes. This is repeated over every sum the figures contain (each year's total over the categories,
a hoofdcategorie over its subcategorieën, an onderdeel's column, the outcomes per subcategorie, a
comparison group over its options, a hoofdcategorie per group of beklaagden over its subcategorieën)
until no sum has a single hidden cell left. Sums can also give a cell back together (a comparison group
and the year's total share their hidden cells), so the sums are then solved as a system of equations,
as an attacker would (`terug_te_rekenen`), and a cell is hidden for each one that follows, until none
does. A hidden cell is shown as VERBORGEN wherever the same number appears, its percentage and arrow
are left out, and so is every percentage whose denominator is hidden.
Zeros stay visible, there is nobody to recognise, unless a zero is the last cell left to hide beside a small
one (the total known, the small one would follow).

Applied to the Tellijst figures of every view except the whole ministry's of a closed year, which are
exact, as the published annual report is (rapportage.inhoud). What that exact view shows is public, also
in every other view: its table per onderdeel gives each onderdeel's count per category, per dimension and
in all, so for a closed year only the outcomes (afhandeling, uitkomst) and the aard per group of
beklaagden are an onderdeel's own. Public cells are never hidden and count as known when the sums are
solved (`openbare_cellen`): hiding them would protect nothing, and leaving them out of the reckoning let
the outcomes be worked back from the published totals.

It hides cells in place in the dict that `jaarcijfers` just counted (the dashboard caches the result), so
it works on that dict, not on the read-only sections of rapportage.secties, and reads it by its keys,
without defaults: a key that went missing must stop the page, not leave its cells unhidden.
"""

import copy
from collections import defaultdict

from finintegriteit.referentie.models import SituatieNaInterventie, WijzeVanAfdoening

VERBORGEN = "×"
DIMENSIES = ["wie_betreft_de_melding", "wijze_van_afdoening", "situatie_na_interventie"]
AFHANDELING = ["afgehandeld", "loopt_door", "genormaliseerd", "niet_genormaliseerd", "onbekend"]
UITKOMST = ["genormaliseerd", "niet_genormaliseerd", "onbekend", "loopt_door", "afdoening_loopt_nog"]


class Cellen:
    """Every count of the Tellijst figures by what it counts (a key), where it appears, and the sums."""

    def __init__(self):
        self.waarde: dict = {}
        self.plaatsen: dict = defaultdict(list)  # key -> [(container, field)]
        self.sommen: list[tuple] = []  # (key of the total, [keys of the parts])
        self.procenten: list[tuple] = []  # (container, field, key of the count, key of the denominator)
        self.pijlen: list[tuple] = []  # (container, field, key this year, key last year)

    def cel(self, sleutel, houder, veld) -> None:
        """`houder[veld]` counts `sleutel` (a dict and key, or a list and index)."""
        if houder is None:
            return
        waarde = houder[veld] if isinstance(houder, list) and veld < len(houder) else None
        if isinstance(houder, dict):
            waarde = houder.get(veld)
        if not isinstance(waarde, int) or isinstance(waarde, bool):
            return
        self.waarde.setdefault(sleutel, waarde)
        self.plaatsen[sleutel].append((houder, veld))

    def som(self, totaal, delen) -> None:
        delen = [d for d in delen if d in self.waarde]
        if totaal in self.waarde and delen:
            self.sommen.append((totaal, delen))


def _rij(c: Cellen, rij: dict, sleutel, jaar: int, *, deler=None) -> None:
    """A three-year row: its value per year, this year's count, percentage and arrow."""
    for waarde in rij["waarden"]:
        j = waarde["jaar"]
        c.cel((*sleutel, j), waarde, "aantal")
        c.procenten.append((waarde, "procent", (*sleutel, j), ("T", j)))
        if deler is not None:
            c.procenten.append((waarde, "procent_van_hoofdcategorie", (*sleutel, j), (*deler, j)))
    c.cel((*sleutel, jaar), rij, "aantal")
    c.cel((*sleutel, jaar - 1), rij, "vorig_jaar")
    c.procenten.append((rij, "procent", (*sleutel, jaar), ("T", jaar)))
    if deler is not None:
        c.procenten.append((rij, "procent_van_hoofdcategorie", (*sleutel, jaar), (*deler, jaar)))
    c.pijlen.append((rij, "pijl", (*sleutel, jaar), (*sleutel, jaar - 1)))


def cellen_van(vp: dict, *, jaar: int, jaren: list[int]) -> Cellen:
    """Every count and sum of one view's Tellijst figures (the "vertrouwenspersonen" part of the figures),
    under the keys the other modules use."""
    c = Cellen()
    for t in vp["totalen"]:
        c.cel(("T", t["jaar"]), t, "aantal")
    c.cel(("T", jaar), vp, "totaal")
    b1 = vp["bijlage1"]
    codes = defaultdict(dict)  # part -> label -> [codes]
    subs_onder = defaultdict(dict)  # label of a hoofdcategorie -> label of its subcategorie -> [codes]
    subs_van = {}
    for hoofd in b1["aard"]:
        _rij(c, hoofd, ("H", hoofd["code"]), jaar)
        codes["H"].setdefault(hoofd["label"], []).append(("H", hoofd["code"]))
        subs_van[hoofd["code"]] = [s["code"] for s in hoofd["subcategorieen"]]
        for sub in hoofd["subcategorieen"]:
            _rij(c, sub, ("S", sub["code"]), jaar, deler=("H", hoofd["code"]))
            codes["S"].setdefault(sub["label"], []).append(("S", sub["code"]))
            subs_onder[hoofd["label"]].setdefault(sub["label"], []).append(("S", sub["code"]))
    for dim in DIMENSIES:
        for rij in b1[dim]:
            _rij(c, rij, ("D", dim, rij["code"]), jaar)
            codes[dim].setdefault(rij["label"], []).append(("D", dim, rij["code"]))
    for j in jaren:
        c.som(("T", j), [("H", h, j) for h in subs_van])
        for h, subs in subs_van.items():
            c.som(("H", h, j), [("S", s, j) for s in subs])
        for dim in DIMENSIES:
            c.som(("T", j), [("D", dim, r["code"], j) for r in b1[dim]])

    # Comparison groups: a row that adds up options (e.g. Leidinggevende = direct + andere).
    for soort, groepen in vp["vergelijkingsgroepen"].items():
        deel = {"hoofdcategorie": "H", "subcategorie": "S"}.get(soort, soort)
        for groep in groepen:
            leden = [k for label in groep["opties"] for k in codes[deel].get(label, [])]
            _rij(c, groep, ("G", soort, groep["code"]), jaar)
            for j in jaren:
                c.som(("G", soort, groep["code"], j), [(*lid, j) for lid in leden])

    # The report year's flat {label: count} dicts: the same cells, or the sum of options sharing a label.
    # Subcategorieën per hoofdcategorie: 'Overig' under one hoofdcategorie is that one's, not all of them.
    def plat(houder: dict, per_label: dict, *deel) -> None:
        for label in list(houder):
            leden = per_label.get(label, [])
            if len(leden) == 1:
                c.cel((*leden[0], jaar), houder, label)
            else:
                c.cel(("P", *deel, label, jaar), houder, label)
                c.som(("P", *deel, label, jaar), [(*lid, jaar) for lid in leden])

    plat(vp["hoofdcategorie"], codes["H"], "H")
    for hoofd_label, per_hoofd in vp["subcategorie"].items():
        plat(per_hoofd, subs_onder[hoofd_label], "S", hoofd_label)
    for dim in DIMENSIES:
        plat(vp[dim], codes[dim], dim)

    _per_onderdeel(c, vp, jaar=jaar)
    _afhandeling(c, vp, jaar=jaar, dimensies=b1)
    _beklaagden(c, vp)
    return c


def _per_onderdeel(c: Cellen, vp: dict, *, jaar: int) -> None:
    tabel = vp["per_onderdeel_tabel"]
    kolommen = [k["code"] for k in tabel["kolommen"]]
    label_code = {k["label"]: k["code"] for k in tabel["kolommen"]}
    for label in list(vp["per_onderdeel"]):
        c.cel(("O", label_code.get(label, label)), vp["per_onderdeel"], label)
    totaal = tabel["totaal"]
    for i, code in enumerate(kolommen):
        c.cel(("O", code), totaal["cellen"], i)
    c.cel(("T", jaar), totaal, "aantal")
    c.som(("T", jaar), [("O", o) for o in kolommen])

    def rij(r: dict, sleutel) -> None:
        for i, code in enumerate(kolommen):
            c.cel(("C", code, *sleutel), r["cellen"], i)
        c.cel((*sleutel, jaar), r, "aantal")
        c.som((*sleutel, jaar), [("C", o, *sleutel) for o in kolommen])

    for hoofd in tabel["aard"]:
        rij(hoofd, ("H", hoofd["code"]))
        for sub in hoofd["subcategorieen"]:
            rij(sub, ("S", sub["code"]))
        for o in kolommen:
            c.som(
                ("C", o, "H", hoofd["code"]),
                [("C", o, "S", s["code"]) for s in hoofd["subcategorieen"]],
            )
    for o in kolommen:
        c.som(("O", o), [("C", o, "H", h["code"]) for h in tabel["aard"]])
    for dim in DIMENSIES:
        for r in tabel[dim]:
            rij(r, ("D", dim, r["code"]))
        for o in kolommen:
            c.som(("O", o), [("C", o, "D", dim, r["code"]) for r in tabel[dim]])


def _afhandeling(c: Cellen, vp: dict, *, jaar: int, dimensies: dict) -> None:
    """Outcomes per subcategorie: totaal = afgehandeld + loopt door = the four outcomes; sums per hoofd."""
    uitkomst_van = dict(SituatieNaInterventie.objects.values_list("code", "uitkomst"))
    loopt_nog = set(WijzeVanAfdoening.objects.filter(loopt_nog=True).values_list("code", flat=True))

    def rij(r: dict, sleutel) -> None:
        c.cel((*sleutel, jaar), r, "totaal")
        for veld in [*AFHANDELING, "afdoening_loopt_nog"]:
            c.cel(("A", sleutel, veld), r, veld)
        c.som((*sleutel, jaar), [("A", sleutel, "afgehandeld"), ("A", sleutel, "loopt_door")])
        c.som(("A", sleutel, "afgehandeld"), [("A", sleutel, v) for v in AFHANDELING[2:]])

    hoofden = vp["afhandeling_per_subcategorie"]
    for hoofd in hoofden:
        rij(hoofd, ("H", hoofd["code"]))
        subs = [("S", s["code"]) for s in hoofd["subcategorieen"]]
        for sub, gegevens in zip(subs, hoofd["subcategorieen"], strict=True):
            rij(gegevens, sub)
        for veld in [*AFHANDELING, "afdoening_loopt_nog"]:
            c.som(("A", ("H", hoofd["code"]), veld), [("A", s, veld) for s in subs])
    uitkomst = vp["uitkomst"]
    for veld in UITKOMST:
        c.cel(("U", veld), uitkomst, veld)
        c.som(("U", veld), [("A", ("H", h["code"]), veld) for h in hoofden])
    situaties = [r["code"] for r in dimensies["situatie_na_interventie"]]
    for veld in UITKOMST[:4]:
        c.som(
            ("U", veld),
            [("D", "situatie_na_interventie", s, jaar) for s in situaties if uitkomst_van.get(s) == veld],
        )
    wijzen = [r["code"] for r in dimensies["wijze_van_afdoening"]]
    c.som(
        ("U", "afdoening_loopt_nog"),
        [("D", "wijze_van_afdoening", w, jaar) for w in wijzen if w in loopt_nog],
    )


def _beklaagden(c: Cellen, vp: dict) -> None:
    """The aard per group of beklaagden: every count, and per hoofdcategorie the sum of its subcategorieën."""
    for groep in vp["aard_per_beklaagde"]:
        for hoofd in groep["hoofdcategorieen"]:
            totaal = ("B", groep["code"], "H", hoofd["code"])
            c.cel(totaal, hoofd, "aantal")
            subs = [("B", groep["code"], "S", sub["code"]) for sub in hoofd["subcategorieen"]]
            for sleutel, sub in zip(subs, hoofd["subcategorieen"], strict=True):
                c.cel(sleutel, sub, "aantal")
            c.som(totaal, subs)


# The kinds of cell (the first part of a key, see cellen_van) that the ministry's exact view of a closed
# year also shows, per onderdeel: totals, categories, dimensions, and the sums of those (comparison groups,
# options sharing a label, the table per onderdeel). Outcomes (A, U) and beklaagden (B) it does not.
OPENBAAR_PER_JAAR = {"T", "H", "S", "D", "G", "P"}
OPENBAAR_IN_VERSLAGJAAR = {"O", "C"}


def openbare_cellen(c: Cellen, *, jaar: int, openbare_jaren) -> set:
    """The cells of this view that the exact figures of `openbare_jaren` (closed years) show as well."""
    openbaar = set(openbare_jaren)
    return {
        k
        for k in c.waarde
        if (k[0] in OPENBAAR_PER_JAAR and k[-1] in openbaar)
        or (k[0] in OPENBAAR_IN_VERSLAGJAAR and jaar in openbaar)
    }


def verborgen_cellen(
    c: Cellen, *, drempel: int, openbaar=frozenset(), nullen: bool = True, ook=frozenset()
) -> set:
    """Primary cells below the threshold (and `ook`), then complementary ones until no sum gives one back,
    alone or together with other sums. Cells in `openbaar` are known to everyone: never hidden, never a
    complement.

    `nullen`: whether a zero may be a complement (the last one chosen). Beside a public total it must be,
    or the small count next to it follows. But a hidden zero that is a part of a visible 0 is known to be
    0 (no count is negative) and then protects nothing; where no total is public (the running year), a
    total can always be hidden instead, so there zeros stay out."""
    verborgen = {k for k, v in c.waarde.items() if 0 < v < drempel and k not in openbaar} | set(ook)
    volgorde = {k: i for i, k in enumerate(c.waarde)}  # deterministic: the same figures, the same cells
    sommen = Sommen(c)
    while True:
        _per_som_aanvullen(c, verborgen, volgorde, openbaar, nullen)
        terug = terug_te_rekenen(c, verborgen)
        # One more cell for each cell given back, all at once: a round of elimination costs more than
        # the few cells it may hide too many.
        extra = {_aanvulling(c, sommen, cel, verborgen, volgorde, openbaar, nullen) for cel in terug} - {None}
        if not extra:
            return verborgen  # nothing given back, or nothing left to hide in those sums
        verborgen |= extra


def _per_som_aanvullen(c: Cellen, verborgen: set, volgorde: dict, openbaar, nullen: bool) -> None:
    """Hide more cells until no single sum gives a hidden cell back (the cheap first pass)."""
    gewijzigd = True
    while gewijzigd:
        gewijzigd = False
        for totaal, delen in c.sommen:
            leden = [totaal, *delen]
            if not any(lid in verborgen for lid in leden):
                continue
            verborgen_delen = [d for d in delen if d in verborgen]
            enkel = sum(lid in verborgen for lid in leden) == 1
            # Hidden parts under a known total that add up to their number are all 1: pinned.
            vastgepind = totaal not in verborgen and sum(c.waarde[d] for d in verborgen_delen) == len(
                verborgen_delen
            )
            if not (enkel or vastgepind):
                continue
            kandidaten = [d for d in delen if _kan_aanvullen(c, d, verborgen, openbaar, nullen)]
            if kandidaten:
                verborgen.add(min(kandidaten, key=lambda d: _voorkeur(c, d, volgorde)))
            elif _kan_aanvullen(c, totaal, verborgen, openbaar, nullen):
                verborgen.add(totaal)
            else:
                continue
            gewijzigd = True


# Arithmetic modulo a large prime instead of fractions: ten times faster, and safe. A cell that follows
# from the sums over the rationals also follows modulo P (unless P divides a denominator of the
# solution, which for a prime this size does not happen in practice); the reverse error, a cell that
# only seems to follow modulo P, merely hides one cell more. tests/rapportage/test_afscherming.py checks
# the result with exact fractions.
PRIEM = 2**61 - 1


def terug_te_rekenen(c: Cellen, verborgen: set) -> set:
    """The hidden cells whose value follows from all sums together and the visible cells.

    Each sum is a linear equation in the hidden cells; a hidden cell is given back when its unit vector
    lies in the span of those equations (Gaussian elimination). Two sums that share hidden cells can do
    this where neither does alone: a comparison group (Leidinggevende = direct + andere) and the year's
    total over the same options leave one unknown after subtracting.
    """
    # Any distinct numbers do: the order in which the counts were read keeps it deterministic.
    index = {k: i for i, k in enumerate(c.waarde) if k in verborgen}
    basis: dict[int, dict] = {}  # pivot -> row with 1 at the pivot

    def verminderen(rij: dict) -> dict:
        while rij:
            spil = min(rij)
            if spil not in basis:
                return rij
            factor = rij[spil]
            for k, v in basis[spil].items():
                nieuw = (rij.get(k, 0) - factor * v) % PRIEM
                if nieuw:
                    rij[k] = nieuw
                else:
                    rij.pop(k, None)
        return rij

    for totaal, delen in c.sommen:
        rij: dict = {}
        for sleutel, teken in [(totaal, 1), *((d, -1) for d in delen)]:
            if sleutel in index:
                rij[index[sleutel]] = (rij.get(index[sleutel], 0) + teken) % PRIEM
        rij = verminderen({k: v for k, v in rij.items() if v})
        if rij:
            spil = min(rij)
            inverse = pow(rij[spil], PRIEM - 2, PRIEM)
            basis[spil] = {k: v * inverse % PRIEM for k, v in rij.items()}
    return {k for k, i in index.items() if not verminderen({i: 1})}


def _kan_aanvullen(c: Cellen, cel, verborgen: set, openbaar, nullen: bool) -> bool:
    """Whether `cel` may be hidden to protect another: not when everyone knows it, and a zero only when
    `nullen` (see verborgen_cellen)."""
    return cel not in verborgen and cel not in openbaar and (nullen or c.waarde[cel] > 0)


def _voorkeur(c: Cellen, cel, volgorde: dict) -> tuple:
    """The order in which cells are taken as complement: the smallest non-zero first; a zero only when
    nothing else is left (a public total split into a small count and a zero shows the count)."""
    return (c.waarde[cel] == 0, c.waarde[cel], volgorde[cel])


class Sommen:
    """Every sum as one tuple of its cells (total first), and per cell the sums it is in: looking for a
    complement then reads the sums of one cell instead of all of them."""

    def __init__(self, c: Cellen):
        self.van = defaultdict(list)
        for totaal, delen in c.sommen:
            leden = (totaal, *delen)
            for lid in leden:
                self.van[lid].append(leden)

    def met(self, cellen) -> list[tuple]:
        return list({id(leden): leden for cel in cellen for leden in self.van[cel]}.values())


def _aanvulling(c: Cellen, sommen: Sommen, cel, verborgen: set, volgorde: dict, openbaar, nullen: bool):
    """The cell to hide next for a hidden `cel` that can be worked back: the first visible cell (_voorkeur)
    of a sum that `cel` is in; else of any sum with a hidden cell."""
    for kring in (lambda: sommen.van[cel], lambda: sommen.met(verborgen)):
        kandidaten = {
            lid for leden in kring() for lid in leden if _kan_aanvullen(c, lid, verborgen, openbaar, nullen)
        }
        if kandidaten:
            return min(kandidaten, key=lambda d: _voorkeur(c, d, volgorde))
    return None


def tellijst_afschermen(cijfers: dict, *, drempel: int, openbare_jaren=(), patroon=None) -> dict:
    """A copy of the figures in which the Tellijst's small cells (and their complements) are hidden;
    `openbare_jaren`: the closed years whose exact figures are public (openbare_cellen); `patroon`: the
    hidden cells of this view as `tellijstpatroon` decided them with the other views (None: this view
    on its own)."""
    cijfers = copy.deepcopy(cijfers)
    jaar = cijfers["jaar"]
    c = cellen_van(cijfers["vertrouwenspersonen"], jaar=jaar, jaren=cijfers["jaren"])
    openbaar = openbare_cellen(c, jaar=jaar, openbare_jaren=openbare_jaren)
    # The pattern is counted from the same publication (its cache key holds the data version). It may
    # leave a small count of an onderdeel of a closed year visible: one that the published figures give
    # away anyway (afscherming_samen), where hiding it would protect nobody.
    verborgen = verborgen_cellen(c, drempel=drempel, openbaar=openbaar) if patroon is None else set(patroon)
    for houder, veld, teller, noemer in c.procenten:
        if veld in houder and (teller in verborgen or noemer in verborgen):
            houder[veld] = None
    for houder, veld, dit_jaar, vorig_jaar in c.pijlen:
        if veld in houder and (dit_jaar in verborgen or vorig_jaar in verborgen):
            houder[veld] = None
    for sleutel in verborgen:
        for houder, veld in c.plaatsen[sleutel]:
            houder[veld] = VERBORGEN
    cijfers["tellijst_drempel"] = drempel
    return cijfers
