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
import time
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

# The models whose rows the figures count, label or order (tests/rapportage/test_dashboard_cache.py
# checks this list against the tables the figure queries actually read). Whole apps where every model
# counts; rapportage.Rapport and the audit, identity and import rows of the others change no figure.
GETELDE_APPS = ["referentie"]
GETELDE_MODELLEN = [
    "rapportage.Publicatie",
    "rapportage.GepubliceerdeTelling",
    "rapportage.GepubliceerdJaartotaal",
    "vertrouwenspersonen.Adviesvraag",
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


def gecachet(soort: str, *, delen: tuple, onderdeel, bereken: Callable[[], dict], terug=None):
    """The entry `soort` for (delen, onderdeel) from the cache, or computed by `bereken()`.

    `bereken()` gives {soort: figures} for every entry one computation yields; all are stored, so the
    next read of any of them finds it. `terug` turns figures read back from JSON into what `bereken`
    gives (dates, integer keys). The version is read before computing: a change that commits meanwhile
    replaces it, so a result from before that change is stored under a version nobody asks for again.
    Without a reachable cache every request computes, as before the cache.
    """
    from .vaststelling.bevriezen import als_json

    terug = terug or (lambda waarde: waarde)
    try:
        versie = _VERSIE.lezen()
        bewaard = _lezen(_sleutel(soort, versie=versie, delen=delen, onderdeel=onderdeel))
    except RedisError:
        logger.warning("Cache onbereikbaar: dashboardcijfers worden zonder cache berekend.", exc_info=True)
        versie, bewaard = None, _MIST
    if bewaard is not _MIST:
        try:
            return terug(bewaard)
        except (AttributeError, KeyError, TypeError, ValueError):
            logger.warning("Cache-regel %s heeft niet de vorm van de cijfers en wordt genegeerd.", soort)
    slot = None
    if versie is not None and settings.CIJFERS_CACHE_SECONDEN > 0:
        sleutel = _sleutel(soort, versie=versie, delen=delen, onderdeel=onderdeel)
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
        logger.warning("Cache onbereikbaar: dashboardcijfers worden zonder cache berekend.", exc_info=True)
    return None, _MIST


def _vrijgeven(slot: str) -> None:
    try:
        cache.delete(slot)
    except RedisError:
        logger.warning("Cache onbereikbaar: het rekenslot verloopt vanzelf.", exc_info=True)


def nieuwe_versie() -> None:
    """Forget every cached figure at once (the entries stay until they expire, but are never read)."""
    _VERSIE.vervangen()


def cijfers_gewijzigd() -> None:
    """Make the next dashboard read compute afresh, once the current transaction commits."""
    _VERSIE.na_commit_vervangen()


def _na_migratie(sender, **kwargs) -> None:
    cijfers_gewijzigd()


def wijzigingen_volgen() -> None:
    schrijfacties.volgen(getelde_tabellen, bij_schrijven=cijfers_gewijzigd)
    post_migrate.connect(_na_migratie, dispatch_uid="cijfercache-migrate")
