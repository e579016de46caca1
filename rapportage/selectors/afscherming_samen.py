"""The views of the running year hidden together (rapportage.inhoud keeps the pattern in the cache).

The views share counts: the ministry's table per onderdeel shows each onderdeel's, and each count of the
ministry is the sum of the onderdelen's. Hidden one view at a time, each view picked its own complements,
and whoever saw them all took a hidden cell of one onderdeel from the ministry's sum minus what the other
views show. Decided together, as one system (afscherming.verborgen_cellen over every view's cells and
sums, plus the sums across views), a count is hidden in every view that shows it.
"""

from .afscherming import OPENBAAR_IN_VERSLAGJAAR, Cellen, _cellen, openbare_cellen, verborgen_cellen


def _globaal(scope, sleutel, *, jaar: int):
    """The count a cell of the view `scope` (an onderdeel's code, None: the whole ministry) stands for.

    The table per onderdeel holds each onderdeel's own counts: the ministry's column of an onderdeel, and
    that onderdeel's own column, are cells of the onderdeel's view."""
    soort = sleutel[0]
    if soort in OPENBAAR_IN_VERSLAGJAAR and (scope is None or sleutel[1] == scope):
        onderdeel = sleutel[1]
        return (onderdeel, (*sleutel[2:], jaar) if soort == "C" else ("T", jaar))
    return (scope, sleutel)


def weergaven_samen_verbergen(weergaven: dict, *, jaar: int, drempel: int, openbare_jaren) -> dict:
    """The hidden cells of every view of a running year ({scope: Cellen}, scope as in _globaal), decided
    at once; a zero is never a complement here (verborgen_cellen, `nullen`)."""
    samen = Cellen()
    openbaar = set()
    for scope, c in weergaven.items():
        for sleutel, waarde in c.waarde.items():
            samen.waarde.setdefault(_globaal(scope, sleutel, jaar=jaar), waarde)
        for totaal, delen in c.sommen:
            samen.sommen.append(
                (_globaal(scope, totaal, jaar=jaar), [_globaal(scope, d, jaar=jaar) for d in delen])
            )
        openbaar |= {
            _globaal(scope, sleutel, jaar=jaar)
            for sleutel in openbare_cellen(c, jaar=jaar, openbare_jaren=openbare_jaren)
        }
    ministerie = weergaven.get(None)
    if ministerie is not None:
        onderdelen = [scope for scope in weergaven if scope is not None]
        for sleutel in ministerie.waarde:
            if sleutel[0] not in OPENBAAR_IN_VERSLAGJAAR:
                delen = [(o, sleutel) for o in onderdelen if sleutel in weergaven[o].waarde]
                samen.som((None, sleutel), delen)
    verborgen = verborgen_cellen(samen, drempel=drempel, openbaar=openbaar, nullen=False)
    return {
        scope: {sleutel for sleutel in c.waarde if _globaal(scope, sleutel, jaar=jaar) in verborgen}
        for scope, c in weergaven.items()
    }


def tellijstpatroon(*, jaar: int, tellijst, drempel: int, openbare_jaren) -> dict:
    """{scope: hidden cells} of the Tellijst figures of `jaar` in every view: the whole ministry's (None)
    and each onderdeel's (its code). Counts every view, so the caller keeps the result (rapportage.inhoud)."""
    from finintegriteit.referentie.models import Onderdeel

    from .gegevens import jaren_met_gegevens
    from .vertrouwenspersonen import vertrouwenspersonen_cijfers

    onderdelen = list(Onderdeel.objects.all())
    met_gegevens = jaren_met_gegevens(jaar=jaar, tellijst=tellijst)
    weergaven = {
        (o.code if o is not None else None): _cellen(
            vertrouwenspersonen_cijfers(
                jaar=jaar, onderdeel=o, onderdelen=onderdelen, met_gegevens=met_gegevens, bron=tellijst
            ),
            jaar=jaar,
            jaren=[jaar - 2, jaar - 1, jaar],
        )
        for o in [None, *onderdelen]
    }
    return weergaven_samen_verbergen(weergaven, jaar=jaar, drempel=drempel, openbare_jaren=openbare_jaren)
