"""Figures of the OIF: meldingen received in the year, betrokkenen afgedaan in the year, Bijlage 2.

Two GROUP BY queries (meldingen by melder and onderwerp; afdoeningen by onderdeel, schending, type and
type of onderzoek), each counting this year and last year with conditional aggregation, and one query
for the rows of Bijlage 2. Counting (`oif_tellen`: numbers per option id, nothing else) is kept apart from
building the tables (`oif_tabellen`: taxonomy order, labels, shares and arrows), as for the Tellijst.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from afdoeningen.models import Afdoening
from afdoeningen.selectors import afdoeningen_voor_jaaroverzicht
from finintegriteit.referentie.models import AfdoeningType, MelderType, OnderzoekType, SchendingSoort
from meldingen.models import Melding

from ..vergelijken import procent
from ._gemeen import jaar_grenzen, rij
from .gegevens import OIF_AFDOENINGEN, OIF_MELDINGEN

KLASSEN = [klasse.value for klasse in AfdoeningType.Klasse]
GEEN_AFDOENING = AfdoeningType.Klasse.GEEN.value
VOLLEDIG_FEITENONDERZOEK = "volledig-feitenonderzoek"
NIET_VASTGELEGD = "Niet vastgelegd"


class _Teller:
    """This year's and last year's count per key, summed over the groups the database returned."""

    def __init__(self):
        self.huidig = defaultdict(int)
        self.vorig = defaultdict(int)

    def tel(self, sleutel, groep):
        self.huidig[sleutel] += groep["huidig"]
        self.vorig[sleutel] += groep["vorig"]

    @property
    def totaal(self) -> int:
        return sum(self.huidig.values())

    @property
    def totaal_vorig(self) -> int:
        return sum(self.vorig.values())


def _opties_rijen(
    opties, teller: _Teller, *, jaar: int, totaal: int, vorig_vergelijkbaar: bool, **extra
) -> list:
    """A row per option in use in the year (or with counts), in taxonomy order."""
    rijen = []
    for optie in opties:
        huidig, vorig = teller.huidig[optie.pk], teller.vorig[optie.pk]
        if not (optie.in_gebruik(jaar) or huidig):
            continue
        r = rij(
            code=optie.code,
            label=optie.label,
            aantal=huidig,
            totaal=totaal,
            vorig_jaar=vorig,
            vergelijkbaar=vorig_vergelijkbaar and (optie.in_gebruik(jaar - 1) or vorig > 0),
        )
        for sleutel, waarde_van in extra.items():
            r[sleutel] = waarde_van(optie)
        rijen.append(r)
    return rijen


def _plat(rijen: list) -> dict:
    plat = {}
    for r in rijen:
        plat[r["label"]] = plat.get(r["label"], 0) + r["aantal"]
    return plat


def _groepen(opties, teller: _Teller) -> dict:
    groepen = {}
    for optie in opties:
        if optie.vergelijkingsgroep:
            groepen[optie.vergelijkingsgroep] = (
                groepen.get(optie.vergelijkingsgroep, 0) + teller.huidig[optie.pk]
            )
    return groepen


@dataclass(frozen=True)
class OifTelling:
    """What the database returned for the OIF of a year: counts per option id, this year and last.

    Only numbers and the taxonomies they refer to; percentages, arrows, order and labels are added when
    the tables are built from it (oif_cijfers).
    """

    melder: _Teller  # meldingen per MelderType
    onderwerp: _Teller  # meldingen per SchendingSoort
    onderzoek: _Teller  # betrokkenen per OnderzoekType of the melding (None: not recorded)
    schending: _Teller  # betrokkenen per SchendingSoort of the afdoening
    afdoening: _Teller  # betrokkenen per AfdoeningType
    klasse: _Teller  # betrokkenen per AfdoeningType.Klasse
    feitenonderzoek: _Teller  # betrokkenen with a full fact-finding, per SchendingSoort
    per_onderdeel: _Teller  # betrokkenen per Onderdeel
    maatregelen_per_onderdeel: _Teller  # afdoeningen with a measure, per Onderdeel
    maatregel_klasse: _Teller  # afdoeningen with a measure, per class
    afdoening_per_onderdeel: dict  # this year: Onderdeel id -> AfdoeningType id -> count
    meldertypen: list
    schendingen: list
    typen: list  # AfdoeningType
    onderzoektypen: list


def oif_tellen(*, jaar: int, onderdeel) -> OifTelling:
    """Count the OIF of `jaar` and the year before in two GROUP BY queries (and four small taxonomies)."""
    begin, eind = jaar_grenzen(jaar)
    vorig_begin = datetime.date(jaar - 1, 1, 1)
    # A duplicate is the same matter as its original, which is counted (docs/cijfers.md, 'Duplicaten').
    meldingen = Melding.objects.filter(
        ontvangen_op__gte=vorig_begin, ontvangen_op__lte=eind, duplicaat_van__isnull=True
    )
    afdoeningen = Afdoening.objects.filter(datum__gte=vorig_begin, datum__lte=eind)
    if onderdeel is not None:
        meldingen = meldingen.filter(dienstonderdeel=onderdeel)
        afdoeningen = afdoeningen.filter(betrokkene__dienstonderdeel=onderdeel)

    melder, onderwerp = _Teller(), _Teller()
    for groep in (
        meldingen.values("melder_type_id", "onderwerp_id")
        .annotate(
            huidig=Count("pk", filter=Q(ontvangen_op__gte=begin)),
            vorig=Count("pk", filter=Q(ontvangen_op__lt=begin)),
        )
        .order_by()
    ):
        melder.tel(groep["melder_type_id"], groep)
        onderwerp.tel(groep["onderwerp_id"], groep)

    onderzoek, schending, afdoening, feitenonderzoek = _Teller(), _Teller(), _Teller(), _Teller()
    per_onderdeel, maatregelen_per_onderdeel = _Teller(), _Teller()
    klasse, maatregel_klasse = _Teller(), _Teller()
    afdoening_per_onderdeel = defaultdict(lambda: defaultdict(int))
    typen = list(AfdoeningType.objects.all())
    klasse_van = {t.pk: t.klasse for t in typen}
    onderzoektypen = list(OnderzoekType.objects.all())
    volledig = {t.pk for t in onderzoektypen if t.code == VOLLEDIG_FEITENONDERZOEK}
    for groep in (
        afdoeningen.values(
            "betrokkene__dienstonderdeel_id",
            "schending_id",
            "type_id",
            "betrokkene__melding__onderzoek_type_id",
        )
        .annotate(
            huidig=Count("pk", filter=Q(datum__gte=begin)), vorig=Count("pk", filter=Q(datum__lt=begin))
        )
        .order_by()
    ):
        onderdeel_id, type_id = groep["betrokkene__dienstonderdeel_id"], groep["type_id"]
        onderzoek_id = groep["betrokkene__melding__onderzoek_type_id"]
        onderzoek.tel(onderzoek_id, groep)
        schending.tel(groep["schending_id"], groep)
        afdoening.tel(type_id, groep)
        klasse.tel(klasse_van[type_id], groep)
        per_onderdeel.tel(onderdeel_id, groep)
        afdoening_per_onderdeel[onderdeel_id][type_id] += groep["huidig"]
        if onderzoek_id in volledig:
            feitenonderzoek.tel(groep["schending_id"], groep)
        if klasse_van[type_id] != GEEN_AFDOENING:
            maatregelen_per_onderdeel.tel(onderdeel_id, groep)
            maatregel_klasse.tel(klasse_van[type_id], groep)

    return OifTelling(
        melder=melder,
        onderwerp=onderwerp,
        onderzoek=onderzoek,
        schending=schending,
        afdoening=afdoening,
        klasse=klasse,
        feitenonderzoek=feitenonderzoek,
        per_onderdeel=per_onderdeel,
        maatregelen_per_onderdeel=maatregelen_per_onderdeel,
        maatregel_klasse=maatregel_klasse,
        afdoening_per_onderdeel=afdoening_per_onderdeel,
        meldertypen=list(MelderType.objects.all()),
        schendingen=list(SchendingSoort.objects.all()),
        typen=typen,
        onderzoektypen=onderzoektypen,
    )


def oif_cijfers(*, jaar: int, onderdeel, onderdelen: list, met_gegevens: dict[str, list[int]]) -> dict:
    """The OIF figures of `jaar`; `met_gegevens` (selectors.gegevens) says if last year compares."""
    t = oif_tellen(jaar=jaar, onderdeel=onderdeel)
    zichtbare_onderdelen = [onderdeel] if onderdeel is not None else onderdelen
    tabellen = oif_tabellen(t, jaar=jaar, onderdelen=zichtbare_onderdelen, met_gegevens=met_gegevens)
    betrokkenen, maatregelen = t.schending.totaal, t.maatregelen_per_onderdeel.totaal
    onderdeel_label = {o.pk: o.label for o in onderdelen}
    type_label = {a.pk: a.label for a in t.typen}
    return {
        "meldingen": t.melder.totaal,
        "melder": _plat(tabellen["melder"]),
        "onderwerp": _plat(tabellen["onderwerp"]),
        "onderzoek": _plat(tabellen["onderzoek"]),
        "betrokkenen": betrokkenen,
        "schending": _plat(tabellen["schending"]),
        "afdoening": _plat(tabellen["afdoening"]),
        "afdoening_klasse": {k: t.klasse.huidig[k] for k in KLASSEN},
        "maatregelen_per_onderdeel": _plat(tabellen["maatregelen_per_onderdeel"]),
        "maatregelen": maatregelen,
        "feitenonderzoek": _plat(tabellen["feitenonderzoek"]),
        "misstanden": sum(t.schending.huidig[s.pk] for s in t.schendingen if s.is_misstand),
        "betrokkenen_per_onderdeel": {o.label: t.per_onderdeel.huidig[o.pk] for o in zichtbare_onderdelen},
        "afdoening_per_onderdeel": {
            onderdeel_label[o_id]: {type_label[a.pk]: per_type[a.pk] for a in t.typen if per_type[a.pk]}
            for o_id, per_type in sorted(
                t.afdoening_per_onderdeel.items(), key=lambda item: _volgorde(onderdelen, item[0])
            )
            if any(per_type.values())
        },
        "groepen": {
            "onderwerp": _groepen(t.schendingen, t.onderwerp),
            "schending": _groepen(t.schendingen, t.schending),
            "feitenonderzoek": _groepen(t.schendingen, t.feitenonderzoek),
        },
        "percentages": {
            "afdoening_klasse": {k: procent(t.klasse.huidig[k], betrokkenen) for k in KLASSEN},
            "maatregelen_klasse": {
                k: procent(t.maatregel_klasse.huidig[k], maatregelen) for k in KLASSEN if k != GEEN_AFDOENING
            },
        },
        "tabellen": tabellen,
        "bijlage2": bijlage2(jaar=jaar, onderdeel=onderdeel),
    }


def oif_tabellen(t: OifTelling, *, jaar: int, onderdelen: list, met_gegevens: dict[str, list[int]]) -> dict:
    """The rows of the OIF tables (docs/cijfers.md 'rij'): taxonomy order, shares and arrows.

    Last year counts as a comparison only when the system holds rows of that year at all, ministry-wide.
    """
    meldingen_vergelijkbaar = jaar - 1 in met_gegevens[OIF_MELDINGEN]
    betrokkenen_vergelijkbaar = jaar - 1 in met_gegevens[OIF_AFDOENINGEN]
    betrokkenen, maatregelen = t.schending.totaal, t.maatregelen_per_onderdeel.totaal
    meldingen_b = {"jaar": jaar, "vorig_vergelijkbaar": meldingen_vergelijkbaar}
    gemeen_b = {"jaar": jaar, "vorig_vergelijkbaar": betrokkenen_vergelijkbaar}
    tabellen = {
        "melder": _opties_rijen(t.meldertypen, t.melder, totaal=t.melder.totaal, **meldingen_b),
        "onderwerp": _opties_rijen(t.schendingen, t.onderwerp, totaal=t.onderwerp.totaal, **meldingen_b),
        "onderzoek": _opties_rijen(t.onderzoektypen, t.onderzoek, totaal=betrokkenen, **gemeen_b),
        "feitenonderzoek": _opties_rijen(
            t.schendingen, t.feitenonderzoek, totaal=t.feitenonderzoek.totaal, **gemeen_b
        ),
        "schending": _opties_rijen(t.schendingen, t.schending, totaal=betrokkenen, **gemeen_b),
        "afdoening": _opties_rijen(
            t.typen, t.afdoening, totaal=betrokkenen, klasse=lambda a: a.klasse, **gemeen_b
        ),
        "afdoening_klasse": _klasse_rijen(
            KLASSEN, t.klasse, totaal=betrokkenen, vergelijkbaar=betrokkenen_vergelijkbaar
        ),
        "maatregelen_klasse": _klasse_rijen(
            [k for k in KLASSEN if k != GEEN_AFDOENING],
            t.maatregel_klasse,
            totaal=maatregelen,
            vergelijkbaar=betrokkenen_vergelijkbaar,
        ),
        "maatregelen_per_onderdeel": _opties_rijen(
            onderdelen, t.maatregelen_per_onderdeel, totaal=maatregelen, **gemeen_b
        ),
    }
    if t.onderzoek.huidig[None] or t.onderzoek.vorig[None]:
        tabellen["onderzoek"].append(
            rij(
                code="",
                label=NIET_VASTGELEGD,
                aantal=t.onderzoek.huidig[None],
                totaal=betrokkenen,
                vorig_jaar=t.onderzoek.vorig[None],
                vergelijkbaar=betrokkenen_vergelijkbaar,
            )
        )
    return tabellen


def _klasse_rijen(sleutels: list, teller: _Teller, *, totaal: int, vergelijkbaar: bool) -> list:
    """A row per afdoening class (not an option of a taxonomy: code and label are the class)."""
    return [
        rij(
            code=k,
            label=k,
            aantal=teller.huidig[k],
            totaal=totaal,
            vorig_jaar=teller.vorig[k],
            vergelijkbaar=vergelijkbaar,
        )
        for k in sleutels
    ]


def _volgorde(onderdelen: list, onderdeel_id) -> int:
    for index, onderdeel in enumerate(onderdelen):
        if onderdeel.pk == onderdeel_id:
            return index
    return len(onderdelen)


def bijlage2(*, jaar: int, onderdeel=None) -> list[dict]:
    """Every afgedane schending of the year, ordered by dienstonderdeel, then schending (taxonomy order).

    A line shows the afdoening's own text, so only afdoeningen that may go into the report per case
    (afdoeningen_voor_jaaroverzicht: melding afgedaan, inhoud checked against the melder). The year is
    that of the afdoening, as in the counts (docs/cijfers.md, 'Bijlage 2 en de tellingen').
    """
    begin, eind = jaar_grenzen(jaar)
    afdoeningen = afdoeningen_voor_jaaroverzicht().filter(datum__gte=begin, datum__lte=eind)
    if onderdeel is not None:
        afdoeningen = afdoeningen.filter(betrokkene__dienstonderdeel=onderdeel)
    velden = ["dienstonderdeel", "schending", "inhoud", "afdoening", "klasse", "datum"]
    return [
        dict(zip(velden, waarden, strict=True))
        for waarden in afdoeningen.order_by(
            "betrokkene__dienstonderdeel__volgorde",
            "betrokkene__dienstonderdeel__label",
            "schending__volgorde",
            "schending__label",
            "type__volgorde",
            "datum",
            "pk",
        ).values_list(
            "betrokkene__dienstonderdeel__label",
            "schending__label",
            "inhoud",
            "type__label",
            "type__klasse",
            "datum",
        )
    ]
