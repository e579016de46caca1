"""The coordinator's overview beside the annual figures: which year to open on, the trend over the
years, and the current year so far. Counted in the database, a few GROUP BY queries each.

The Tellijst comes from its latest publication only (`Tellijstbron`), never from the live rows: a
figure that moved when a row was saved would date that row. The Tellijst has quarters, not months, so
the current year's adviesvragen are its total so far per onderdeel, and per month the growth between
publications (`adviesvragen_per_maand`). Small Tellijst counts are hidden as everywhere
(selectors.afscherming; those of a year not yet closed by inhoud.overzicht, as that year's tables hide
them); OIF counts of one onderdeel follow its threshold (drempel).
"""

import datetime

from django.conf import settings
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from afdoeningen.models import Afdoening
from finintegriteit.referentie.models import Onderdeel
from meldingen.models import Melding
from meldingen.selectors import te_laat_q

from ..models import GepubliceerdJaartotaal, Publicatie
from .afscherming import VERBORGEN
from .drempel import drempel_voor, toon_aantal
from .tellijstbron import Tellijstbron

AFGEDAAN = Melding.Status.AFGEDAAN


def _meldingen(onderdeel):
    qs = Melding.objects.all()
    return qs.filter(dienstonderdeel=onderdeel) if onderdeel is not None else qs


def _afdoeningen(onderdeel):
    qs = Afdoening.objects.all()
    return qs.filter(betrokkene__dienstonderdeel=onderdeel) if onderdeel is not None else qs


def _tellingen(tellijst: Tellijstbron, onderdeel):
    qs = tellijst.rijen
    return qs.filter(onderdeel=onderdeel) if onderdeel is not None else qs


def laatste_jaar_met_cijfers(*, voor: int, tellijst: Tellijstbron) -> int | None:
    """The latest year before `voor` (a closed year) with published Tellijst rows, meldingen or
    afdoeningen of the whole ministry; None when there is none."""
    jaren = [
        tellijst.rijen.filter(jaar__lt=voor).aggregate(j=Max("jaar"))["j"],
        Melding.objects.filter(ontvangen_op__year__lt=voor).aggregate(d=Max("ontvangen_op"))["d"],
        Afdoening.objects.filter(datum__year__lt=voor).aggregate(d=Max("datum"))["d"],
    ]
    jaren = [j.year if isinstance(j, datetime.date) else j for j in jaren if j is not None]
    return max(jaren, default=None)


def _tellijst_per_jaar(tellijst: Tellijstbron, onderdeel, *, tot: int) -> dict[int, object]:
    """The Tellijst total per year, exact where the ministry's figures of that year are (a closed year:
    its table per onderdeel publishes every onderdeel's total). A year not yet closed is hidden here;
    the page shows it as that year's tables do (inhoud.overzicht), one rule for both."""
    rijen = (
        _tellingen(tellijst, onderdeel)
        .filter(jaar__lte=tot)
        .values("jaar")
        .annotate(n=tellijst.tel())
        .order_by("jaar")
    )
    # exact() without an onderdeel: whether the ministry's figures of the year are exact, i.e. public,
    # which is what makes one onderdeel's total of that year public too.
    return {rij["jaar"]: rij["n"] if tellijst.exact(jaar=rij["jaar"]) else VERBORGEN for rij in rijen}


def _per_jaar(qs, veld: str, *, tot: int, drempel: int) -> dict[int, object]:
    rijen = (
        qs.filter(**{f"{veld}__year__lte": tot})
        .annotate(j=ExtractYear(veld))
        .values("j")
        .annotate(n=Count("pk"))
        .order_by("j")
    )
    return {r["j"]: toon_aantal(r["n"], drempel=drempel) for r in rijen}


def verloop(*, tot: int, onderdeel: Onderdeel | None, tellijst: Tellijstbron) -> dict:
    """Per series {jaar: count} for every year up to `tot` that has rows of that series.

    A year without rows is left out, not shown as 0: before the system was in use nothing was counted.
    """
    drempel = drempel_voor(onderdeel)
    return {
        "adviesvragen": _tellijst_per_jaar(tellijst, onderdeel, tot=tot),
        "meldingen": _per_jaar(_meldingen(onderdeel), "ontvangen_op", tot=tot, drempel=drempel),
        "afgedaan": _per_jaar(_afdoeningen(onderdeel), "datum", tot=tot, drempel=drempel),
    }


def _adviesvragen_per_onderdeel(tellijst: Tellijstbron, onderdeel, *, jaar: int) -> list[list]:
    """[[label, count]] of the published Tellijst in `jaar`, with its total last. Raw counts: the current
    year is not closed, so the page hides them as the year's tables do (inhoud.overzicht)."""
    rijen = (
        _tellingen(tellijst, onderdeel)
        .filter(jaar=jaar)
        .values("onderdeel__label", "onderdeel__volgorde")
        .annotate(n=tellijst.tel())
        .order_by("onderdeel__volgorde", "onderdeel__label")
    )
    paren = [[r["onderdeel__label"], r["n"]] for r in rijen]
    return [*paren, ["Totaal", sum(n for _, n in paren)]]


def _toonbaar(totaal: int) -> bool:
    """Whether the dashboard showed this current-year total of the ministry: a small one is hidden."""
    return not 0 < totaal < settings.TELLIJST_DREMPEL


def adviesvragen_per_maand(*, jaar: int, tot: datetime.date) -> list[dict]:
    """Per month of `jaar` up to `tot`: by how many rows the Tellijst of `jaar` grew between publications.

    1. A month's figure is the year total at its last publication minus that at the last publication
       before the month; the first month with a publication starts from zero. Rows count in the month
       they were published in, not the month of the advice (the Tellijst keeps only the quarter).
    2. A month without a publication has no figure (`aantal` None), not 0; the next month's figure then
       covers both, and says since which publication (`sinds`).
    3. A total from before the year totals were kept is unknown: a month that needs one has no figure.
    4. Rows deleted or moved to another year make a month negative: it is shown as such, its sum with
       the other months stays the published total.
    5. Both totals were shown on the dashboard when they were the latest; a month is hidden (×) when
       either of them was, so that the difference does not give a hidden total away.

    Only for the whole ministry: the totals have no onderdeel. Every entry also holds the date of the
    publication counted to (`tot`); dates are ISO strings, as the figures go through the cache as JSON.
    """
    totaal = GepubliceerdJaartotaal.objects.filter(publicatie=OuterRef("pk"), jaar=jaar).values("aantal")
    publicaties = (
        Publicatie.objects.filter(gepubliceerd_op__year=jaar, gepubliceerd_op__date__lte=tot)
        .annotate(totaal=Subquery(totaal[:1]))
        .order_by("gepubliceerd_op", "pk")
        .values_list("gepubliceerd_op", "totaal")
    )
    laatste_per_maand = {}
    for moment, aantal in publicaties:
        dag = timezone.localdate(moment)
        laatste_per_maand[dag.month] = (dag, aantal)
    uitkomst = []
    vorige = None  # (day, total) of the last publication before the month; None: from zero
    for maand in range(1, tot.month + 1):
        if maand not in laatste_per_maand:
            uitkomst.append({"maand": maand, "aantal": None, "sinds": None, "tot": None})
            continue
        dag, aantal = laatste_per_maand[maand]
        begin = 0 if vorige is None else vorige[1]
        if aantal is None or begin is None:
            verschil = None
        elif _toonbaar(aantal) and _toonbaar(begin):
            verschil = aantal - begin
        else:
            verschil = VERBORGEN
        uitkomst.append(
            {
                "maand": maand,
                "aantal": verschil,
                "sinds": vorige[0].isoformat() if vorige else None,
                "tot": dag.isoformat(),
            }
        )
        vorige = (dag, aantal)
    return uitkomst


def lopend_jaar(*, vandaag: datetime.date, onderdeel: Onderdeel | None, tellijst: Tellijstbron) -> dict:
    """The current year so far: meldingen received per month, published adviesvragen per month (whole
    ministry only) and per onderdeel, and per onderdeel the open meldingen and those with a legal
    deadline passed (no names, no numbers of cases)."""
    jaar = vandaag.year
    drempel = drempel_voor(onderdeel)
    per_maand = dict(
        _meldingen(onderdeel)
        .filter(ontvangen_op__year=jaar)
        .annotate(m=ExtractMonth("ontvangen_op"))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    open_per_onderdeel = (
        _meldingen(onderdeel)
        .exclude(status=AFGEDAAN)
        .values("dienstonderdeel__label", "dienstonderdeel__volgorde")
        .annotate(open=Count("pk"), te_laat=Count("pk", filter=te_laat_q(vandaag)))
        .order_by("dienstonderdeel__volgorde", "dienstonderdeel__label")
    )
    return {
        "jaar": jaar,
        "vandaag": vandaag.isoformat(),
        "meldingen_per_maand": [
            [maand, toon_aantal(per_maand.get(maand, 0), drempel=drempel)]
            for maand in range(1, vandaag.month + 1)
        ],
        "adviesvragen_per_maand": (
            adviesvragen_per_maand(jaar=jaar, tot=vandaag) if onderdeel is None else None
        ),
        "adviesvragen_per_onderdeel": _adviesvragen_per_onderdeel(tellijst, onderdeel, jaar=jaar),
        "open_per_onderdeel": [
            [
                r["dienstonderdeel__label"],
                toon_aantal(r["open"], drempel=drempel),
                toon_aantal(r["te_laat"], drempel=drempel),
            ]
            for r in open_per_onderdeel
        ],
    }
