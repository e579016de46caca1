"""The dashboard's figures, kept in the cache per (jaar, onderdeel) until the data change.

Computing every figure of a year takes about a second over ten years of data (docs/prestaties.md),
too long for a page that coordinators open again and again. Two entries per (jaar, onderdeel): the
figures themselves (for the .xlsx downloads, and to build the page) and the rendered figures part of
the page (the figures dict holds every row of Bijlage 2, some MB over ten years: reading and
rendering it on every visit would cost more than the rest of the page). The PDF report does not use
this: a document of record is computed from the data of that moment.

How a change reaches the next read (docs/prestaties.md, 'Dashboardcache'):

1. Every key holds the data version: a random token in the cache. A write that can change a figure
   replaces the token, so the next read misses and computes afresh; entries under an old token are
   never read again and expire. A random token (not a counter) cannot meet an old entry again when
   the cache loses the token.
2. The token is replaced only once the transaction has committed (transaction.on_commit). Replaced
   earlier, a request reading in between would compute from the old data and store that under the
   new token. A write that is rolled back replaces nothing.
3. Saves and deletes of the models the figures read replace it through signals (wired in apps.py).
   Queryset .update() and bulk_create send no model signals: the services that use them send
   `finintegriteit.kern.signalen.bulk_gewijzigd`, so they need not know about this cache.
   `migrate` replaces it too (a deploy may change what a figure means).
4. CIJFERS_CACHE_SECONDEN bounds the age of an entry whatever else happens: a write path that does not
   call, a second process with its own in-memory cache (no Redis), a Redis that was unreachable at
   the moment of a change.

The values are the aggregated figures of `rapportage.selectors.jaarcijfers` (counts per category and
onderdeel); they hold nothing that links a Tellijst row to a vertrouwenspersoon, and neither do the keys.
"""

import logging
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_migrate, post_save
from redis.exceptions import RedisError

from finintegriteit.kern.cacheversie import CacheVersie
from finintegriteit.kern.signalen import bulk_gewijzigd

logger = logging.getLogger(__name__)

VERSIE_SLEUTEL = "cijfers:versie"
_VERSIE = CacheVersie(VERSIE_SLEUTEL, wat="dashboardcijfers")

# The models whose rows the figures count, label or order (tests/rapportage/test_dashboard_cache.py
# checks this list against the tables the figure queries actually read). Whole apps where every model
# counts; rapportage.Rapport and the audit, identity and import rows of the others change no figure.
GETELDE_APPS = ["referentie"]
GETELDE_MODELLEN = [
    "rapportage.Publicatie",
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


def _sleutel(soort: str, *, versie: str, jaar: int, onderdeel) -> str:
    # Imported here: services of other apps import this module, and the selectors import their models.
    from .selectors.drempel import drempel_voor
    from .selectors.tellijstbron import laatste_publicatie

    scope = onderdeel.code if onderdeel is not None else "ministerie"
    publicatie = laatste_publicatie()
    # The threshold is part of the figures dict; a changed setting must not meet old entries. The
    # publication the Tellijst figures come from is read from the database: a new one shows at once.
    return f"{soort}:{versie}:{publicatie.pk if publicatie else 0}:{jaar}:{scope}:{drempel_voor(onderdeel)}"


def _gecachet(soort: str, *, jaar: int, onderdeel, bereken: Callable[[], dict]) -> dict:
    """The entry from the cache, or `bereken()` stored for the next read.

    The version is read before computing: a change that commits meanwhile replaces it, so a result
    from before that change is stored under a version nobody asks for again. Without a reachable
    cache every request computes, as before the cache.
    """
    try:
        sleutel = _sleutel(soort, versie=_VERSIE.lezen(), jaar=jaar, onderdeel=onderdeel)
        bewaard = cache.get(sleutel)
    except RedisError:
        logger.warning("Cache onbereikbaar: dashboardcijfers worden zonder cache berekend.", exc_info=True)
        return bereken()
    if bewaard is not None:
        return bewaard
    waarde = bereken()
    try:
        cache.set(sleutel, waarde, timeout=settings.CIJFERS_CACHE_SECONDEN)
    except RedisError:
        logger.warning("Cache onbereikbaar: dashboardcijfers niet bewaard.", exc_info=True)
    return waarde


def jaarcijfers_gecachet(*, jaar: int, onderdeel, bereken: Callable[[], dict]) -> dict:
    """The figures, `bereken()` being `jaarcijfers` for (jaar, onderdeel).

    No time of computing goes with them: a page that said when its figures were counted would date
    the Tellijst rows that changed them.
    """
    return _gecachet("cijfers", jaar=jaar, onderdeel=onderdeel, bereken=bereken)


def dashboard_gecachet(*, jaar: int, onderdeel, bereken: Callable[[], dict]) -> dict:
    """The rendered figures part of the dashboard: {"html", "berekend_op", "drempel"} from `bereken()`."""
    return _gecachet("dashboard", jaar=jaar, onderdeel=onderdeel, bereken=bereken)


def nieuwe_versie() -> None:
    """Forget every cached figure at once (the entries stay until they expire, but are never read)."""
    _VERSIE.vervangen()


def cijfers_gewijzigd() -> None:
    """Make the next dashboard read compute afresh, once the current transaction commits.

    Called through the signals below: the model signals, and `bulk_gewijzigd` from every service that
    writes counted rows with .update() or bulk_create.
    """
    _VERSIE.na_commit_vervangen()


def _bij_wijziging(sender, **kwargs) -> None:
    cijfers_gewijzigd()


def signalen_koppelen() -> None:
    for model in getelde_modellen():
        post_save.connect(_bij_wijziging, sender=model, dispatch_uid=f"cijfercache-save-{model._meta.label}")
        post_delete.connect(
            _bij_wijziging, sender=model, dispatch_uid=f"cijfercache-delete-{model._meta.label}"
        )
    bulk_gewijzigd.connect(_bij_wijziging, dispatch_uid="cijfercache-bulk")
    post_migrate.connect(_bij_wijziging, dispatch_uid="cijfercache-migrate")
