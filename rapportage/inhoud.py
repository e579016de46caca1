"""What the jaarrapportage contains: figures from the selectors turned into chapters of tables and charts.

The PDF, the dashboard and the .xlsx downloads are built from the same `Hoofdstuk` list, so a number
can never differ between them.
"""

from collections import Counter

from django.utils import timezone

from .secties import Kader, Oif
from .tabellen import Hoofdstuk


def paginacijfers(*, jaar: int, onderdeel=None, tellijst=None) -> dict:
    """The figures as any page may show them, and the ground of the report's: the Tellijst as last
    published, its small cells hidden (selectors.afscherming) unless exact (Tellijstbron.exact); or, for the
    operator's commands, the live rows as they are (`tellijst=selectors.live()`)."""
    from django.conf import settings

    from .selectors import gepubliceerd, jaarcijfers
    from .selectors.afscherming import tellijst_afschermen

    tellijst = tellijst or gepubliceerd()
    cijfers = jaarcijfers(jaar=jaar, onderdeel=onderdeel, tellijst=tellijst)
    if cijfers["tellijst_live"] or tellijst.exact(jaar=jaar, onderdeel=onderdeel):
        return cijfers
    # The views of a year share counts, so one pattern hides them all (selectors.afscherming_samen).
    # An onderdeel the pattern does not know yet (just added) is hidden on its own.
    patroon = tellijstpatroon(jaar=jaar, tellijst=tellijst).get(onderdeel.code if onderdeel else None)
    return tellijst_afschermen(
        cijfers,
        drempel=settings.TELLIJST_DREMPEL,
        openbare_jaren=tellijst.openbare_jaren(jaar),
        patroon=patroon,
    )


def tellijstpatroon(*, jaar: int, tellijst) -> dict:
    """The hidden Tellijst cells of a year in every view, decided together (selectors.afscherming_samen):
    as the publication decided them (an open year, and a year that closed after patterns were kept:
    services.publicatie), else counted here; from the cache, as each view of the year needs all of them."""
    from django.conf import settings

    from .cijfercache import gecachet
    from .selectors import afscherming_verloop as verloop
    from .selectors.afscherming_samen import tellijstpatroon as berekenen

    def bereken() -> dict:
        bewaard = verloop.bewaard_patroon(publicatie=tellijst.publicatie, jaar=jaar)
        if bewaard is not None:
            return {"tellijstpatroon": bewaard}
        patroon = berekenen(
            jaar=jaar,
            tellijst=tellijst,
            drempel=settings.TELLIJST_DREMPEL,
            openbare_jaren=tellijst.openbare_jaren(jaar),
        )
        return {"tellijstpatroon": verloop.verborgen_als_json(patroon)}

    def terug(bewaard: dict) -> dict:
        return verloop.verborgen_uit_json(bewaard)

    # The publication in the key: the pattern must be of the figures it hides, also when a publication
    # lands between reading the figures and reading the cache's data version. The threshold: a changed
    # setting must not meet a pattern made with the old one. The form of the cell keys, which an update
    # may change: a pattern of old keys would hide nothing.
    publicatie = tellijst.publicatie.pk if tellijst.publicatie else None
    delen = (jaar, settings.TELLIJST_DREMPEL, verloop.PATROONVORM, publicatie)
    return gecachet("tellijstpatroon", delen=delen, onderdeel=None, bereken=bereken, terug=terug)


def rapportcijfers(*, jaar: int, onderdeel=None, tellijst=None) -> dict:
    """The figures of the PDF: `jaarcijfers`, with earlier years taken from their adopted (or imported)
    figures (vaststelling.vergelijking); the footnotes about that go along as 'vergelijking_voetnoten'."""
    from .vaststelling.selectors import eerdere_vaststellingen
    from .vaststelling.vergelijking import met_vastgestelde_jaren

    cijfers = paginacijfers(jaar=jaar, onderdeel=onderdeel, tellijst=tellijst)
    eerder = eerdere_vaststellingen(jaar=jaar, onderdeel=onderdeel)
    cijfers["vergelijking_voetnoten"] = met_vastgestelde_jaren(cijfers, eerder) if eerder else {}
    return cijfers


def hoofdstukken_uit_cijfers(cijfers: dict) -> list[Hoofdstuk]:
    """The dashboard's chapters (the PDF's: pdf_hoofdstukken)."""
    from .hoofdstukken import dashboard_hoofdstukken

    return dashboard_hoofdstukken(cijfers)


def titel(jaar: int) -> str:
    return f"Jaarrapportage integriteit {jaar}"


def pdf_hoofdstukken(cijfers: dict, *, delen=None, benoemd=None) -> list[Hoofdstuk]:
    """The chapters of the PDF: the year's structure and texts (teksten) around the generated content.

    `delen` and `benoemd` default to the year's own structure (or the one it would start from) and its
    named key figures; an adopted report passes its frozen ones.
    """
    from .hoofdstukken import gegenereerde_delen
    from .selectors import toon_aantal
    from .teksten import opbouw, selectors

    kader = Kader.uit(cijfers)
    jaar, drempel = kader.jaar, kader.drempel
    benoemd = selectors.benoemde_kerncijfers(jaar=jaar) if benoemd is None else benoemd
    return opbouw.hoofdstukken_uit_structuur(
        selectors.rapportdelen(jaar=jaar) if delen is None else delen,
        gegenereerd=gegenereerde_delen(cijfers, benoemd=benoemd),
        waarden=selectors.verwijzingswaarden(cijfers=cijfers, benoemd=benoemd),
        toon_aantal=(lambda n: toon_aantal(n, drempel=drempel)) if drempel else None,
        # Printed figures of the ministry's report: an onderdeel report has other figures.
        gepubliceerd=selectors.gepubliceerde_cijfers(jaar=jaar) if not kader.onderdeel else [],
        extra_voetnoten=kader.vergelijking_voetnoten,
    )


def rapport_context(
    *, jaar: int, onderdeel=None, cijfers: dict | None = None, vaststelling=None, tellijst=None
) -> dict:
    """Everything the report template needs. An adopted year (or the `vaststelling` being made) is built
    from its frozen figures and texts; a later copy of it first lists the figures that changed since.
    """
    from .vaststelling import bevriezen
    from .vaststelling.selectors import vaststelling_van

    if cijfers is None and vaststelling is None:
        vaststelling = vaststelling_van(jaar=jaar, onderdeel=onderdeel)
    delen = benoemd = None
    if vaststelling is not None and vaststelling.grondslag_json:
        cijfers = bevriezen.jaarcijfers_terug(vaststelling.grondslag_json)
        delen, benoemd = bevriezen.teksten_terug(vaststelling.teksten_json)
    else:
        vaststelling = None  # an imported year has figures only: its report is built live
    cijfers = (
        cijfers if cijfers is not None else rapportcijfers(jaar=jaar, onderdeel=onderdeel, tellijst=tellijst)
    )
    hoofdstukken = pdf_hoofdstukken(cijfers, delen=delen, benoemd=benoemd)
    if vaststelling is not None and vaststelling.pk is not None:
        from .vaststelling.hoofdstuk import wijzigingen_sinds

        hoofdstukken.insert(0, wijzigingen_sinds(vaststelling, onderdeel=onderdeel))
    vorige = False
    for hoofdstuk in hoofdstukken:
        hoofdstuk.vorige_is_bijlage = vorige
        vorige = hoofdstuk.is_bijlage
    kader = Kader.uit(cijfers)
    bijlage2_rijen = len(Oif.uit(cijfers).bijlage2)
    return {
        "titel": titel(jaar),
        "jaar": jaar,
        "scope": onderdeel.label if onderdeel is not None else "Ministerie van Financiën",
        "onderdeel": onderdeel,
        "drempel": kader.drempel,
        "tellijst_gepubliceerd_op": kader.tellijst_gepubliceerd_op,
        "gegenereerd_op": timezone.now(),
        "hoofdstukken": hoofdstukken,
        "vaststelling": vaststelling,
        # For the progress bar only: about 40 rows of Bijlage 2 fit on a page.
        "verwachte_paginas": 30 + bijlage2_rijen // 40,
    }


def _zonder_bijlage2_rijen(cijfers: dict) -> dict:
    """The figures of the dashboard page: Bijlage 2 as its number of rows per dienstonderdeel (the page
    offers the rows themselves only as a download, and over ten years they are some MB)."""
    oif = dict(cijfers["oif"])
    aantallen = Counter(rij["dienstonderdeel"] for rij in oif["bijlage2"])
    oif["bijlage2"], oif["bijlage2_aantallen"] = [], dict(aantallen)
    return {**cijfers, "oif": oif}


def _dashboard_berekenen(*, jaar: int, onderdeel):
    def bereken() -> dict:
        cijfers = paginacijfers(jaar=jaar, onderdeel=onderdeel)
        return {"cijfers": cijfers, "pagina": _zonder_bijlage2_rijen(cijfers)}

    return bereken


def dashboardcijfers(*, jaar: int, onderdeel=None, volledig: bool = False) -> dict:
    """The figures of the dashboard (`volledig`: with every row of Bijlage 2, for the downloads), from
    the cache (cijfercache); the PDF never reads them there."""
    from .cijfercache import gecachet
    from .vaststelling.bevriezen import jaarcijfers_hersteld

    return gecachet(
        "cijfers" if volledig else "pagina",
        delen=(jaar,),
        onderdeel=onderdeel,
        bereken=_dashboard_berekenen(jaar=jaar, onderdeel=onderdeel),
        terug=jaarcijfers_hersteld,
    )


def _dashboard_uit(cijfers: dict) -> dict:
    kader = Kader.uit(cijfers)
    return {
        "cijfers": cijfers,
        "hoofdstukken": hoofdstukken_uit_cijfers(cijfers),
        "drempel": kader.drempel,
        "tellijst_gepubliceerd_op": kader.tellijst_gepubliceerd_op,
        "tellijst_drempel": kader.tellijst_drempel,
    }


def dashboard(*, jaar: int, onderdeel=None, volledig: bool = False) -> dict:
    """The figures and chapters of the dashboard. The page's are kept per process while their cache
    entry lives (cijfercache.afgeleid): the result is shared between requests and only read."""
    if volledig:
        return _dashboard_uit(dashboardcijfers(jaar=jaar, onderdeel=onderdeel, volledig=True))
    from .cijfercache import afgeleid
    from .vaststelling.bevriezen import jaarcijfers_hersteld

    return afgeleid(
        "pagina",
        delen=(jaar,),
        onderdeel=onderdeel,
        bereken=_dashboard_berekenen(jaar=jaar, onderdeel=onderdeel),
        terug=jaarcijfers_hersteld,
        afleiden=_dashboard_uit,
    )


def dashboard_tabel(sleutel: str, *, jaar: int, onderdeel=None):
    for hoofdstuk in dashboard(jaar=jaar, onderdeel=onderdeel, volledig=True)["hoofdstukken"]:
        for tabel in hoofdstuk.tabellen():
            if tabel.sleutel == sleutel:
                return tabel
    return None


def dashboard_hoofdstukken(*, jaar: int, onderdeel=None) -> list[Hoofdstuk]:
    return dashboard(jaar=jaar, onderdeel=onderdeel)["hoofdstukken"]


def _paren(per_jaar: dict) -> list[list]:
    # Pairs, not a dict: JSON (the cache) would turn the years into strings.
    return [[jaar, n] for jaar, n in sorted(per_jaar.items())]


def overzicht(*, jaar: int, onderdeel=None, vandaag) -> dict:
    """The trend up to `jaar` and the current year so far (selectors.overzicht), from the cache.

    Today's date is part of the key: which legal deadlines have passed changes at midnight.
    """
    from .cijfercache import gecachet
    from .selectors import gepubliceerd
    from .selectors.overzicht import lopend_jaar, verloop

    def bereken() -> dict:
        tellijst = gepubliceerd()
        reeksen = verloop(tot=jaar, onderdeel=onderdeel, tellijst=tellijst)
        lopend = lopend_jaar(vandaag=vandaag, onderdeel=onderdeel, tellijst=tellijst)
        _tellijst_zoals_de_tabellen(reeksen, lopend, onderdeel=onderdeel, tellijst=tellijst, vandaag=vandaag)
        return {
            "overzicht": {
                "verloop": {naam: _paren(reeks) for naam, reeks in reeksen.items()},
                "lopend": lopend,
            }
        }

    return gecachet("overzicht", delen=(jaar, vandaag.isoformat()), onderdeel=onderdeel, bereken=bereken)


def _tellijst_zoals_de_tabellen(reeksen: dict, lopend: dict, *, onderdeel, tellijst, vandaag) -> None:
    """The Tellijst counts of a year that is not closed, in the overview as the year's tables show them.

    The tables hide more than small counts: one pattern for every view of the year hides a larger count
    too where it would give a small one away (tellijstpatroon). A total the tables hide must not stand
    beside them in the overview, nor be the sum of its months. A closed year's totals per onderdeel are
    public (the ministry's exact table has them) and come exact from the selector; the others, which
    it leaves hidden, are read from the tables (the same cached page figures).
    """
    from .selectors.afscherming import VERBORGEN

    open_jaren = {jaar for jaar in reeksen["adviesvragen"] if not tellijst.exact(jaar=jaar)}
    if not tellijst.exact(jaar=vandaag.year):
        open_jaren.add(vandaag.year)
    for open_jaar in sorted(open_jaren):
        vp = dashboardcijfers(jaar=open_jaar, onderdeel=onderdeel)["vertrouwenspersonen"]
        if open_jaar in reeksen["adviesvragen"]:
            reeksen["adviesvragen"][open_jaar] = vp["totaal"]
        if open_jaar != lopend["jaar"]:
            continue
        for rij in lopend["adviesvragen_per_onderdeel"]:
            rij[1] = vp["totaal"] if rij[0] == "Totaal" else vp["per_onderdeel"].get(rij[0], VERBORGEN)
        if vp["totaal"] == VERBORGEN:
            for maand in lopend["adviesvragen_per_maand"] or []:
                if maand["aantal"] is not None:
                    maand["aantal"] = VERBORGEN


def standaardjaar() -> int | None:
    """The latest closed year with any figures of the whole ministry (None: none yet), from the cache."""
    from .cijfercache import gecachet
    from .selectors import gepubliceerd
    from .selectors.overzicht import laatste_jaar_met_cijfers

    huidig = timezone.localdate().year
    return gecachet(
        "standaardjaar",
        delen=(huidig,),
        onderdeel=None,
        bereken=lambda: {"standaardjaar": laatste_jaar_met_cijfers(voor=huidig, tellijst=gepubliceerd())},
    )
