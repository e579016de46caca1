"""Publishing the Tellijst figures at fixed moments (docs/cijfers.md, 'Publicatie van de Tellijst').

A publication copies the Tellijst, grouped by every field a figure counts, into GepubliceerdeTelling in
one INSERT … SELECT: one consistent snapshot, however many rows are saved meanwhile. Pages count from
the latest publication only, so what any role sees changes at the publication moments and never when
a row is saved. The moments follow the calendar, not the saves: every TELLIJST_PUBLICATIE_DAGEN days
counted from a fixed Monday, at the hour of the beat task.

A year that is still open (vertrouwenspersonen.regels.jaar_gesloten) moves per onderdeel in steps: an
onderdeel's counts of that year are taken anew only when at least TELLIJST_DREMPEL rows of it came in,
went or changed since the counts the previous publication holds; else the publication copies those.
Whoever lays two publications side by side then sees no change that fewer rows than the smallest shown
cell make: one new row no longer shows as +1 at each of its visible properties.

In the same transaction the publication's total per year goes into GepubliceerdJaartotaal, which is
kept when the detailed counts are removed: the current-year view tells the growth per month from it.
And it decides which cells of an open year every view hides, in the light of what the earlier
publications of that year showed and hid (GepubliceerdPatroon, selectors.afscherming_verloop).
"""

import datetime
from collections import Counter, defaultdict

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from vertrouwenspersonen.models import TELVELDEN, Adviesvraag
from vertrouwenspersonen.regels import jaar_gesloten, sluitdatum

from ..models import GepubliceerdeTelling, GepubliceerdJaartotaal, GepubliceerdPatroon, Publicatie
from ..selectors import afscherming_verloop as verloop
from ..selectors.tellijstbron import gepubliceerd, laatste_publicatie

# A Monday: with the default of 7 days every publication falls on a Monday.
EERSTE_PUBLICATIEDAG = datetime.date(2024, 1, 1)
# Every field a figure counts: the publication groups the Tellijst by these.
VELDEN = TELVELDEN
# The counts and patterns of older publications are removed; the one before the latest stays for a page
# that read "which is the latest" just before a new one was made. Their year totals stay
# (GepubliceerdJaartotaal).
BEWAARDE_PUBLICATIES = 2


def is_publicatiedag(datum: datetime.date) -> bool:
    return (datum - EERSTE_PUBLICATIEDAG).days % settings.TELLIJST_PUBLICATIE_DAGEN == 0


def publicatie_aan_de_beurt(*, datum: datetime.date) -> bool:
    """Whether the beat task publishes on `datum`: on a publication day, once; at once when none exists
    (a new installation), so the pages do not stay empty until the first publication day; and on the day
    last year's Tellijst closes, so that its exact figures appear that day (Tellijstbron.exact)."""
    laatste = laatste_publicatie()
    if laatste is None:
        return True
    vandaag_aan_de_beurt = is_publicatiedag(datum) or datum == sluitdatum(datum.year - 1)
    return vandaag_aan_de_beurt and timezone.localdate(laatste.gepubliceerd_op) < datum


def _kolom(model, veld: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(veld).column)


@transaction.atomic
def tellijst_publiceren(*, moment: datetime.datetime | None = None) -> Publicatie:
    """Publish the Tellijst as it is now (an open year's onderdelen in steps, see the module); the pages
    show these figures until the next publication."""
    vorige = laatste_publicatie()
    publicatie = Publicatie.objects.create(gepubliceerd_op=moment or timezone.now())
    doel = ", ".join(_kolom(GepubliceerdeTelling, veld) for veld in ["publicatie", *VELDEN, "aantal"])
    bron = ", ".join(_kolom(Adviesvraag, veld) for veld in VELDEN)
    sql = (
        f"INSERT INTO {connection.ops.quote_name(GepubliceerdeTelling._meta.db_table)} ({doel}) "  # noqa: S608
        f"SELECT %s, {bron}, COUNT(*) FROM {connection.ops.quote_name(Adviesvraag._meta.db_table)} "
        f"GROUP BY {bron}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [publicatie.pk])
    if vorige is not None:
        _kleine_wijzigingen_uitstellen(publicatie, vorige)
    _jaartotalen_bewaren(publicatie)
    _patronen_bewaren(publicatie, vorige)
    bewaard = Publicatie.objects.order_by("-gepubliceerd_op", "-pk").values_list("pk", flat=True)[
        :BEWAARDE_PUBLICATIES
    ]
    GepubliceerdeTelling.objects.exclude(publicatie__in=list(bewaard)).delete()
    # The latest pattern of a year holds all that the next publication needs of the earlier ones.
    GepubliceerdPatroon.objects.exclude(publicatie__in=list(bewaard)).delete()
    return publicatie


def _kleine_wijzigingen_uitstellen(publicatie: Publicatie, vorige: Publicatie) -> None:
    """Give each onderdeel of an open year the counts of `vorige` back where fewer than TELLIJST_DREMPEL
    of its rows changed since: the rows wait for a publication at which enough have changed.

    Rows that changed: the most of those that entered a group and those that left one. An added row
    enters one, a removed row leaves one, a changed row does both; so each is at least one changed row.
    The closing publication of a year counts it afresh: from then on its figures are exact."""
    datum = timezone.localdate(publicatie.gepubliceerd_op)
    nu, toen = _blokken(publicatie, datum=datum), _blokken(vorige, datum=datum)
    uitgesteld = []
    for blok in nu.keys() | toen.keys():
        verschil = Counter(nu.get(blok, {}))
        verschil.subtract(toen.get(blok, {}))
        erbij = sum(n for n in verschil.values() if n > 0)
        eraf = -sum(n for n in verschil.values() if n < 0)
        if 0 < max(erbij, eraf) < settings.TELLIJST_DREMPEL:
            uitgesteld.append(blok)
    for jaar, onderdeel in uitgesteld:
        publicatie.tellingen.filter(jaar=jaar, onderdeel=onderdeel).delete()
        GepubliceerdeTelling.objects.bulk_create(
            GepubliceerdeTelling(
                publicatie=publicatie, aantal=aantal, **dict(zip(_VELDNAMEN, groep, strict=True))
            )
            for groep, aantal in toen[(jaar, onderdeel)].items()
        )


# The fields of a group by their column attribute (onderdeel_id, …), as bulk_create takes them.
_VELDNAMEN = tuple(GepubliceerdeTelling._meta.get_field(veld).attname for veld in VELDEN)


def _blokken(publicatie: Publicatie, *, datum: datetime.date) -> dict:
    """{(jaar, onderdeel id): {group: aantal}} of the years not closed on `datum`."""
    open_jaren = [
        jaar
        for jaar in publicatie.tellingen.values_list("jaar", flat=True).distinct().order_by()
        if not jaar_gesloten(jaar, op=datum)
    ]
    blokken: dict = defaultdict(dict)
    rijen = publicatie.tellingen.filter(jaar__in=open_jaren).values_list(*_VELDNAMEN, "aantal")
    for *groep, aantal in rijen:
        blokken[(groep[0], groep[1])][tuple(groep)] = aantal
    return blokken


def _jaartotalen_bewaren(publicatie: Publicatie) -> None:
    """Sum the counts just inserted per year: the totals are those of the same snapshot. The year of the
    publication itself gets a row also when it has no Tellijst rows yet, so that its 0 is known (see
    GepubliceerdJaartotaal)."""
    totalen = dict(
        publicatie.tellingen.values("jaar").annotate(n=Sum("aantal")).values_list("jaar", "n").order_by()
    )
    totalen.setdefault(timezone.localdate(publicatie.gepubliceerd_op).year, 0)
    GepubliceerdJaartotaal.objects.bulk_create(
        GepubliceerdJaartotaal(publicatie=publicatie, jaar=jaar, aantal=aantal)
        for jaar, aantal in totalen.items()
    )


def _patronen_bewaren(publicatie: Publicatie, vorige: Publicatie | None) -> None:
    """The pattern of every year that is open at this publication or closes with it, decided after what
    the patterns of `vorige` showed and hid; a year closed before keeps the pattern it closed with. A
    closed year that never had a kept pattern is hidden when a page asks, as before (rapportage.inhoud).

    A pattern that stays as it was is copied in the database: its cells and values are not read."""
    datum = timezone.localdate(publicatie.gepubliceerd_op)
    eerder = _eerdere_patronen(vorige)
    jaren = set(publicatie.tellingen.values_list("jaar", flat=True).distinct().order_by()) | eerder.keys()
    gesloten, ongewijzigd = [], []
    bron = gepubliceerd(publicatie)
    for jaar in sorted(jaren):
        bruikbaar = eerder.get(jaar, False)
        if jaar in eerder and jaar_gesloten(jaar, op=timezone.localdate(vorige.gepubliceerd_op)):
            gesloten.append(jaar)
        elif jaar not in eerder and jaar_gesloten(jaar, op=datum):
            continue
        elif bruikbaar and _dezelfde_weergaven(publicatie, vorige, jaar=jaar):
            # The same figures: what was shown stays known and what was hidden stays hidden, which is
            # the previous pattern itself (afscherming_verloop).
            ongewijzigd.append(jaar)
        else:
            patroon = verloop.patroon_na(
                jaar=jaar,
                tellijst=bron,
                drempel=settings.TELLIJST_DREMPEL,
                openbare_jaren=bron.openbare_jaren(jaar),
                verloop=_verloop(vorige, jaar=jaar) if bruikbaar else verloop.Verloop(),
            )
            GepubliceerdPatroon.objects.create(
                publicatie=publicatie,
                jaar=jaar,
                drempel=settings.TELLIJST_DREMPEL,
                vorm=verloop.PATROONVORM,
                verborgen=verloop.verborgen_als_json(patroon.verborgen),
                getoond=verloop.getoond_als_json(patroon.getoond),
                waarden=verloop.waarden_als_json(patroon.waarden),
            )
    _patronen_kopieren(publicatie, vorige, jaren=gesloten + ongewijzigd)
    # A closed year's counts no longer change: only its hidden cells are read again.
    publicatie.patronen.filter(jaar__in=gesloten).update(getoond=[], waarden=[])


def _eerdere_patronen(vorige: Publicatie | None) -> dict:
    """{jaar: usable} of the patterns of `vorige`: usable when made with the present threshold and form of
    cell names."""
    if vorige is None:
        return {}
    return {
        jaar: (drempel, vorm) == (settings.TELLIJST_DREMPEL, verloop.PATROONVORM)
        for jaar, drempel, vorm in vorige.patronen.values_list("jaar", "drempel", "vorm")
    }


def _patronen_kopieren(publicatie: Publicatie, vorige: Publicatie | None, *, jaren: list[int]) -> None:
    if not jaren:
        return
    tabel = connection.ops.quote_name(GepubliceerdPatroon._meta.db_table)
    velden = ", ".join(_kolom(GepubliceerdPatroon, veld) for veld in _PATROONVELDEN)
    publicatie_kolom, jaar_kolom = (
        _kolom(GepubliceerdPatroon, "publicatie"),
        _kolom(GepubliceerdPatroon, "jaar"),
    )
    plaatsen = ", ".join(["%s"] * len(jaren))
    sql = (
        f"INSERT INTO {tabel} ({publicatie_kolom}, {velden}) "  # noqa: S608
        f"SELECT %s, {velden} FROM {tabel} WHERE {publicatie_kolom} = %s AND {jaar_kolom} IN ({plaatsen})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [publicatie.pk, vorige.pk, *jaren])


_PATROONVELDEN = ["jaar", "drempel", "vorm", "verborgen", "getoond", "waarden"]


def _verloop(vorige: Publicatie, *, jaar: int) -> verloop.Verloop:
    vorig = vorige.patronen.get(jaar=jaar)
    # A pattern kept before its counts were (an empty list): count them from the previous publication.
    waarden = vorig.waarden or verloop.waarden_als_json(
        verloop.waarden_van(jaar=jaar, tellijst=gepubliceerd(vorige))
    )
    return verloop.Verloop(
        getoond=verloop.getoond_uit_json(vorig.getoond),
        verborgen=frozenset(verloop.verborgen_samen(verloop.verborgen_uit_json(vorig.verborgen), jaar=jaar)),
        waarden=verloop.waarden_uit_json(waarden),
    )


def _dezelfde_weergaven(publicatie: Publicatie, vorige: Publicatie, *, jaar: int) -> bool:
    """Whether the views of `jaar` show the same figures at both: the same counts of the three years of
    their tables, each as exact or not as before. Compared in the database: a publication holds each
    group once, so the same number of groups and none of one missing from the other means the same."""
    jaren = [jaar - 2, jaar - 1, jaar]
    exact = gepubliceerd(publicatie).openbare_jaren(jaar) == gepubliceerd(vorige).openbare_jaren(jaar)
    if not exact:
        return False
    nu, toen = (
        p.tellingen.filter(jaar__in=jaren).values_list(*_VELDNAMEN, "aantal") for p in (publicatie, vorige)
    )
    return nu.count() == toen.count() and not nu.difference(toen).exists()


def publiceren_als_aan_de_beurt(*, nu: datetime.datetime | None = None) -> Publicatie | None:
    """The beat task: publish when today is a publication day (or nothing was ever published)."""
    nu = nu or timezone.now()
    if not publicatie_aan_de_beurt(datum=timezone.localdate(nu)):
        return None
    return tellijst_publiceren(moment=nu)
