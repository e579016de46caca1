"""The views of a year hidden together (rapportage.inhoud keeps the pattern in the cache).

The views share counts: the ministry's table per onderdeel shows each onderdeel's, and each count of the
ministry is the sum of the onderdelen's. Hidden one view at a time, each view picked its own complements,
and whoever saw them all took a hidden cell of one onderdeel from the ministry's sum minus what the other
views show. Decided together, as one system (afscherming.verborgen_cellen over every view's cells and
sums, plus the sums across views), a count is hidden in every view that shows it.

In a closed year the ministry's view is exact, as the published report: every sum across the onderdelen
has a known total. A hidden outcome of one onderdeel then needs a complement in another onderdeel's view,
and that may be a zero, but not one the attacker can tell is 0 (_naast_bekende_totalen). What the
published figures give away on their own stays visible: hiding it protects nobody, and its complements
would cost cells that the published figures do not give away.
"""

from .afscherming import (
    OPENBAAR_IN_VERSLAGJAAR,
    Cellen,
    Sommen,
    cellen_van,
    openbare_cellen,
    terug_te_rekenen,
    verborgen_cellen,
)


def globaal(scope, sleutel, *, jaar: int):
    """The count a cell of the view `scope` (an onderdeel's code, None: the whole ministry) stands for.

    The table per onderdeel holds each onderdeel's own counts: the ministry's column of an onderdeel, and
    that onderdeel's own column, are cells of the onderdeel's view."""
    soort = sleutel[0]
    if soort in OPENBAAR_IN_VERSLAGJAAR and (scope is None or sleutel[1] == scope):
        onderdeel = sleutel[1]
        return (onderdeel, (*sleutel[2:], jaar) if soort == "C" else ("T", jaar))
    return (scope, sleutel)


def weergaven_samen_verbergen(
    weergaven: dict, *, jaar: int, drempel: int, openbare_jaren, bekend=frozenset(), ook=frozenset()
) -> dict:
    """The hidden cells of every view of `jaar` ({scope: Cellen}, scope as in globaal), decided at once.
    In a running year a zero is never a complement (verborgen_cellen, `nullen`); in a closed year the
    ministry's view is exact and public.

    `bekend` (cells as `globaal` names them): counts everyone knows anyway, as public ones; `ook`: cells
    to hide whatever their value (afscherming_verloop: what earlier publications showed and hid)."""
    gesloten = jaar in openbare_jaren
    samen = samen_tellen(weergaven, jaar=jaar)
    openbaar = set(bekend)
    for scope, c in weergaven.items():
        openbaar |= {
            globaal(scope, sleutel, jaar=jaar)
            for sleutel in openbare_cellen(c, jaar=jaar, openbare_jaren=openbare_jaren)
        }
    ministerie = weergaven.get(None)
    if ministerie is not None and gesloten:
        openbaar |= {globaal(None, sleutel, jaar=jaar) for sleutel in ministerie.waarde}
    ook = set(ook) - openbaar
    if gesloten:
        verborgen = _naast_bekende_totalen(samen, drempel=drempel, openbaar=openbaar, ook=ook)
    else:
        verborgen = verborgen_cellen(samen, drempel=drempel, openbaar=openbaar, nullen=False, ook=ook)
        if any(samen.waarde[k] for k in terug_te_rekenen(samen, verborgen)):
            # Known counts can leave a sum no complement (verborgen_cellen then stops): show only those.
            verborgen = set(samen.waarde) - openbaar
    return {
        scope: {sleutel for sleutel in c.waarde if globaal(scope, sleutel, jaar=jaar) in verborgen}
        for scope, c in weergaven.items()
    }


def samen_tellen(weergaven: dict, *, jaar: int) -> Cellen:
    """Every view's cells and sums under one name per count (globaal), and the ministry's counts as the
    sums of the onderdelen'."""
    samen = Cellen()
    for scope, c in weergaven.items():
        for sleutel, waarde in c.waarde.items():
            samen.waarde.setdefault(globaal(scope, sleutel, jaar=jaar), waarde)
        for totaal, delen in c.sommen:
            samen.sommen.append(
                (globaal(scope, totaal, jaar=jaar), [globaal(scope, d, jaar=jaar) for d in delen])
            )
    ministerie = weergaven.get(None)
    if ministerie is not None:
        onderdelen = [scope for scope in weergaven if scope is not None]
        for sleutel in ministerie.waarde:
            if sleutel[0] not in OPENBAAR_IN_VERSLAGJAAR:
                delen = [(o, sleutel) for o in onderdelen if sleutel in weergaven[o].waarde]
                samen.som((None, sleutel), delen)
    return samen


# Rounds of hiding more before every non-public cell of the onderdelen is hidden (always safe: then the
# views show only what is published). The demo data needed three, 40 random Tellijsten at most two.
RONDES = 8


def _naast_bekende_totalen(samen: Cellen, *, drempel: int, openbaar: set, ook: set) -> set:
    """Hide with zeros allowed as complements; then play the attacker on the result (known zeros and the
    sums, again and again). A count that is given back is hidden in every view. A hidden zero that the
    attacker can tell is 0 protects nothing: a visible total above it, or else a visible count beside it,
    is hidden as well, so that the 0 no longer follows. Then the attacker plays again."""
    publiek = _afleidbaar(samen, set(openbaar))
    sommen = Sommen(samen)
    ook = ook - publiek
    for _ in range(RONDES):
        verborgen = verborgen_cellen(samen, drempel=drempel, openbaar=publiek, nullen=True, ook=ook)
        aanvaller = _afleidbaar(samen, set(samen.waarde) - verborgen) & verborgen
        if not any(samen.waarde[k] for k in aanvaller):
            return verborgen
        tellingen = {k[1] for k in aanvaller if samen.waarde[k]}
        ook |= {k for k in samen.waarde if k[1] in tellingen and k not in publiek}
        for nul in (k for k in aanvaller if not samen.waarde[k]):
            # A visible 0 above it tells everyone; else a visible count beside it leaves the 0 over.
            naast = {
                (lid is not leden[0], samen.waarde[lid] == 0, samen.waarde[lid], repr(lid)): lid
                for leden in sommen.van[nul]
                for lid in leden
                if lid not in verborgen and lid not in publiek
            }
            if naast:
                ook.add(naast[min(naast)])
    return set(samen.waarde) - publiek


def _afleidbaar(samen: Cellen, bekend: set) -> set:
    """`bekend` with all that follows from it: the known zeros and what the sums then give, repeated."""
    while True:
        verborgen = set(samen.waarde) - bekend
        erbij = _bekende_nullen(samen, verborgen) | terug_te_rekenen(samen, verborgen)
        if not erbij:
            return bekend
        bekend = bekend | erbij


def _bekende_nullen(samen: Cellen, verborgen: set) -> set:
    """The hidden cells anyone can tell are 0: the hidden parts of a sum whose total, less its visible
    parts, leaves 0 (no count is negative). Only the values of visible cells are used."""
    nullen: set = set()
    gewijzigd = True
    while gewijzigd:
        gewijzigd = False
        for totaal, delen in samen.sommen:
            if totaal in verborgen and totaal not in nullen:
                continue
            onbekend = [d for d in delen if d in verborgen and d not in nullen]
            rest = samen.waarde[totaal] - sum(samen.waarde[d] for d in delen if d not in verborgen)
            if onbekend and rest == 0:
                nullen.update(onbekend)
                gewijzigd = True
    return nullen


def tellijstpatroon(*, jaar: int, tellijst, drempel: int, openbare_jaren) -> dict:
    """{scope: hidden cells} of the Tellijst figures of `jaar` in every view: the whole ministry's (None)
    and each onderdeel's (its code). Counts every view, so the caller keeps the result (rapportage.inhoud)."""
    weergaven = weergaven_van(jaar=jaar, tellijst=tellijst)
    return weergaven_samen_verbergen(weergaven, jaar=jaar, drempel=drempel, openbare_jaren=openbare_jaren)


def weergaven_van(*, jaar: int, tellijst) -> dict:
    """{scope: Cellen} of every view of `jaar` (one count of every view each)."""
    from finintegriteit.referentie.models import Onderdeel

    from .gegevens import jaren_met_gegevens
    from .vertrouwenspersonen import vertrouwenspersonen_cijfers

    onderdelen = list(Onderdeel.objects.all())
    met_gegevens = jaren_met_gegevens(jaar=jaar, tellijst=tellijst)
    return {
        (o.code if o is not None else None): cellen_van(
            vertrouwenspersonen_cijfers(
                jaar=jaar, onderdeel=o, onderdelen=onderdelen, met_gegevens=met_gegevens, bron=tellijst
            ),
            jaar=jaar,
            jaren=[jaar - 2, jaar - 1, jaar],
        )
        for o in [None, *onderdelen]
    }
