"""The dashboard's figures, kept in the cache per (jaar, onderdeel) until the data change.

Computing every figure of a year takes about a second over ten years of data (docs/prestaties.md),
too long for a page that coordinators open again and again. Two entries per (jaar, onderdeel), both
figures: all of them (for the .xlsx downloads) and those of the page, where the rows of Bijlage 2 are
replaced by their number per dienstonderdeel (over ten years those rows are some MB: reading them on
every visit would cost more than the rest of the page, and the page only offers them as a download).
The current-year view of the coordinator (selectors.lopend_jaar) is kept the same way. The PDF report
does not use this: a document of record is computed from the data of that moment.

How a change reaches the next read (docs/prestaties.md, 'Dashboardcache'):

1. Every key holds the data version: a random token in the cache. A write that can change a figure
   replaces the token, so the next read misses and computes afresh; entries under an old token are
   never read again and expire. A random token (not a counter) cannot meet an old entry again when
   the cache loses the token.
2. Which writes: every INSERT, UPDATE or DELETE that Django sends to a table of GETELDE_MODELLEN,
   seen on the connection itself (finintegriteit.kern.schrijfacties). No service has to remember to
   say so: .save(), queryset .update(), bulk_create, raw SQL and the admin all pass there.
   `migrate` replaces it too (a deploy may change what a figure means).
3. The token is replaced only once the transaction has committed (transaction.on_commit), once per
   transaction. Replaced earlier, a request reading in between would compute from the old data and
   store that under the new token. A write that is rolled back replaces nothing.
4. CIJFERS_CACHE_SECONDEN bounds the age of an entry whatever else happens: a write made outside
   Django, a second process with its own in-memory cache (no Redis), a Redis that was unreachable at
   the moment of a change.

Data, never markup: an entry is the figures as JSON text (vaststelling.bevriezen, the format of
`exporteer_cijfers`), read back with json.loads. Whatever someone wrote into Redis therefore comes back
as plain strings and numbers, which the templates escape like any other value; and the Redis cache
itself serialises with JSON (finintegriteit.kern.cacheserialisatie), so nothing read from it is
unpickled.

The values are aggregated figures (counts per category and onderdeel); they hold nothing that links a
Tellijst row to a vertrouwenspersoon, and neither do the keys.
"""

import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_migrate
from redis.exceptions import RedisError

from finintegriteit.kern import schrijfacties
from finintegriteit.kern.cacheversie import CacheVersie

logger = logging.getLogger(__name__)

VERSIE_SLEUTEL = "cijfers:versie"
_VERSIE = CacheVersie(VERSIE_SLEUTEL, wat="dashboardcijfers")

# The models whose rows the cached figures count, label or order (tests/rapportage/test_dashboard_cache.py
# checks this list against the tables they actually read). Whole apps where every model counts;
# rapportage.Rapport and the audit, identity and import rows of the others change no figure. Not the
# Tellijst rows themselves: every page counts the last publication of them, so a saved row changes no
# cached figure, and must not make the next visit compute either (a slower dashboard right after someone
# saw a vertrouwenspersoon would tell a coordinator that a row was just saved).
GETELDE_APPS = ["referentie"]
GETELDE_MODELLEN = [
    "rapportage.Publicatie",
    "rapportage.GepubliceerdeTelling",
    "rapportage.GepubliceerdJaartotaal",
    "rapportage.GepubliceerdPatroon",
    "vertrouwenspersonen.VertrouwenspersoonProfiel",
    "vertrouwenspersonen.Certificeringsstatus",
    "meldingen.Melding",
    "meldingen.Betrokkene",
    "afdoeningen.Afdoening",
    "rapportage.Kerncijfers",
    "rapportage.MedewerkersPerOnderdeel",
    "rapportage.Nevenwerkzaamheden",
    "rapportage.KlachtOnderwerp",
    "rapportage.KlachtUitkomst",
    "rapportage.CifCategorie",
]


def getelde_modellen() -> list:
    modellen = [model for label in GETELDE_APPS for model in apps.get_app_config(label).get_models()]
    return modellen + [apps.get_model(naam) for naam in GETELDE_MODELLEN]


_tabellen: frozenset[str] | None = None


def getelde_tabellen() -> frozenset[str]:
    """The database tables of `getelde_modellen`, with their many-to-many tables."""
    global _tabellen
    if _tabellen is None:
        namen = set()
        for model in getelde_modellen():
            namen.add(model._meta.db_table)
            namen.update(veld.remote_field.through._meta.db_table for veld in model._meta.local_many_to_many)
        _tabellen = frozenset(namen)
    return _tabellen


def _sleutel(soort: str, *, versie: str, delen: tuple, onderdeel) -> str:
    # Imported here: the selectors import the models of other apps.
    from .selectors.drempel import drempel_voor

    scope = onderdeel.code if onderdeel is not None else "ministerie"
    # The threshold is part of the figures; a changed setting must not meet old entries. A new
    # publication of the Tellijst is a write to a followed table, so it replaces the version.
    return ":".join(map(str, [soort, versie, *delen, scope, drempel_voor(onderdeel)]))


_MIST = object()

# While one process computes an entry, another that misses the same entry waits for that result rather
# than computing the same year beside it: after a write, every coordinator's next visit misses at once,
# and three workers computing a year side by side on one core each took three times as long (the
# dashboard's p95 in docs/prestaties.md). Bounded: after REKENEN_WACHTEN seconds, or as soon as the
# computing process gives up without a result, the waiting one computes itself.
REKENEN_WACHTEN = 30.0
_OPNIEUW_KIJKEN = 0.05  # seconds between looks at the cache while waiting


def _lezen(sleutel: str):
    """The figures of an entry (None is a value too), or _MIST. JSON text only: anything else is no
    entry of ours."""
    bewaard = cache.get(sleutel)
    if not isinstance(bewaard, str):
        return _MIST
    try:
        return json.loads(bewaard)
    except ValueError:
        logger.warning("Cache-regel %s is geen JSON en wordt genegeerd.", sleutel.split(":")[0])
        return _MIST


def _onbereikbaar() -> None:
    logger.warning("Cache onbereikbaar: dashboardcijfers worden zonder cache berekend.", exc_info=True)


def _versie() -> str | None:
    """The data version, or None when the cache cannot be reached (then every request computes)."""
    try:
        return _VERSIE.lezen()
    except RedisError:
        _onbereikbaar()
        return None


def gecachet(soort: str, *, delen: tuple, onderdeel, bereken: Callable[[], dict], terug=None):
    """The entry `soort` for (delen, onderdeel) from the cache, or computed by `bereken()`.

    `bereken()` gives {soort: figures} for every entry one computation yields; all are stored, so the
    next read of any of them finds it. `terug` turns figures read back from JSON into what `bereken`
    gives (dates, integer keys). The version is read before computing: a change that commits meanwhile
    replaces it, so a result from before that change is stored under a version nobody asks for again.
    Without a reachable cache every request computes, as before the cache.
    """
    return _gecachet(soort, versie=_versie(), delen=delen, onderdeel=onderdeel, bereken=bereken, terug=terug)


def _gecachet(soort: str, *, versie: str | None, delen: tuple, onderdeel, bereken, terug):
    from .vaststelling.bevriezen import als_json

    terug = terug or (lambda waarde: waarde)
    sleutel = None if versie is None else _sleutel(soort, versie=versie, delen=delen, onderdeel=onderdeel)
    try:
        bewaard = _MIST if sleutel is None else _lezen(sleutel)
    except RedisError:
        _onbereikbaar()
        versie, sleutel, bewaard = None, None, _MIST
    if bewaard is not _MIST:
        try:
            return terug(bewaard)
        except (AttributeError, KeyError, TypeError, ValueError):
            logger.warning("Cache-regel %s heeft niet de vorm van de cijfers en wordt genegeerd.", soort)
    slot = None
    if sleutel is not None and settings.CIJFERS_CACHE_SECONDEN > 0:
        slot, gevonden = _rekenen_of_wachten(sleutel)
        if gevonden is not _MIST:
            try:
                return terug(gevonden)
            except (AttributeError, KeyError, TypeError, ValueError):
                logger.warning("Cache-regel %s heeft niet de vorm van de cijfers en wordt genegeerd.", soort)
    try:
        teksten = {s: als_json(w) for s, w in bereken().items()}
        if versie is not None:
            regels = {
                _sleutel(s, versie=versie, delen=delen, onderdeel=onderdeel): t for s, t in teksten.items()
            }
            try:
                cache.set_many(regels, timeout=settings.CIJFERS_CACHE_SECONDEN)
            except RedisError:
                logger.warning("Cache onbereikbaar: dashboardcijfers niet bewaard.", exc_info=True)
    finally:
        if slot is not None:
            _vrijgeven(slot)
    # Through JSON also when just computed: a page gets the same values from a hit and from a miss.
    return terug(json.loads(teksten[soort]))


class _Procesgeheugen:
    """What a process built from an entry, under that entry's key (which holds the data version).

    Small and bounded: the dashboard's page entry per (jaar, onderdeel) is what coordinators open over
    and over; decoding it and building its chapters again on every visit cost about half of the page
    (docs/prestaties.md, 'Dashboardcache'). A kept value is shared by every request of this process, so
    nothing may change it: the chapters and figures are only read (rendered).
    """

    def __init__(self, regels: int):
        self.regels = regels
        self._waarden: OrderedDict[str, object] = OrderedDict()
        self._slot = threading.Lock()

    def lezen(self, sleutel: str):
        with self._slot:
            if sleutel not in self._waarden:
                return _MIST
            self._waarden.move_to_end(sleutel)
            return self._waarden[sleutel]

    def bewaren(self, sleutel: str, waarde) -> None:
        with self._slot:
            self._waarden[sleutel] = waarde
            self._waarden.move_to_end(sleutel)
            while len(self._waarden) > self.regels:
                self._waarden.popitem(last=False)

    def vergeten(self) -> None:
        with self._slot:
            self._waarden.clear()


_geheugen = _Procesgeheugen(regels=16)


def afgeleid(soort: str, *, delen: tuple, onderdeel, bereken, afleiden: Callable, terug=None):
    """`afleiden(gecachet(...))`, kept in this process for as long as the shared entry it came from.

    The version is read from the shared cache on every call, so a write anywhere is seen at once, as
    with `gecachet`; and a kept value is used only while its entry still exists there (one EXISTS, no
    transfer), so it never outlives CIJFERS_CACHE_SECONDEN, a flushed cache or a deleted entry.
    """

    def afgeleid_onder(versie):
        return afleiden(
            _gecachet(soort, versie=versie, delen=delen, onderdeel=onderdeel, bereken=bereken, terug=terug)
        )

    versie = _versie()
    if versie is None or settings.CIJFERS_CACHE_SECONDEN <= 0:
        return afgeleid_onder(versie)
    sleutel = _sleutel(soort, versie=versie, delen=delen, onderdeel=onderdeel)
    waarde = _geheugen.lezen(sleutel)
    try:
        if waarde is not _MIST and cache.has_key(sleutel):
            return waarde
    except RedisError:
        _onbereikbaar()
        return afgeleid_onder(None)
    waarde = afgeleid_onder(versie)
    _geheugen.bewaren(sleutel, waarde)
    return waarde


def _rekenen_of_wachten(sleutel: str):
    """(the slot this process now holds, or None; the entry another process computed meanwhile, or
    _MIST). Holding the slot means: compute, store, then release it."""
    slot = f"rekent:{sleutel}"
    try:
        if cache.add(slot, "1", timeout=int(REKENEN_WACHTEN) + 1):
            return slot, _MIST
        einde = time.monotonic() + REKENEN_WACHTEN
        while time.monotonic() < einde:
            time.sleep(_OPNIEUW_KIJKEN)
            bewaard = _lezen(sleutel)
            if bewaard is not _MIST:
                return None, bewaard
            if cache.get(slot) is None:  # the other process gave up; its result may still have come
                return None, _lezen(sleutel)
    except RedisError:
        _onbereikbaar()
    return None, _MIST


def _vrijgeven(slot: str) -> None:
    try:
        cache.delete(slot)
    except RedisError:
        logger.warning("Cache onbereikbaar: het rekenslot verloopt vanzelf.", exc_info=True)


def nieuwe_versie() -> None:
    """Forget every cached figure at once (the entries stay until they expire, but are never read)."""
    _VERSIE.vervangen()
    _geheugen.vergeten()


def cijfers_gewijzigd() -> None:
    """Make the next dashboard read compute afresh, once the current transaction commits."""
    _VERSIE.na_commit_vervangen()


def _na_migratie(sender, **kwargs) -> None:
    cijfers_gewijzigd()


def wijzigingen_volgen() -> None:
    schrijfacties.volgen(getelde_tabellen, bij_schrijven=cijfers_gewijzigd)
    post_migrate.connect(_na_migratie, dispatch_uid="cijfercache-migrate")
