"""Settings for FinIntegriteit, read from the environment (see README, 'Configuratie').

Every value has a safe development default only when DEBUG is on; in production a missing
secret stops the start instead of running with a guessable one.
"""

import datetime
import os
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A variable set to an empty string counts as unset (`DATABASE_URL=` in an .env or compose file), so the
# default or the Dutch message for a missing setting applies instead of a parse error.
env.ENVIRON = {naam: waarde for naam, waarde in os.environ.items() if waarde != ""}

DEBUG = env.bool("DEBUG", default=False)


def _secret(name: str, *, development_default: str | None = None, optional: bool = False) -> str:
    """Read a secret from NAME or from the file named by NAME_FILE (Docker secrets); "" if optional."""
    path = env.str(f"{name}_FILE", default="")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    value = env.str(name, default="")
    if value:
        return value
    if DEBUG and development_default is not None:
        return development_default
    if optional:
        return ""
    raise ImproperlyConfigured(f"{name} ontbreekt: zet {name} of {name}_FILE (verplicht zonder DEBUG).")


SECRET_KEY = _secret("SECRET_KEY", development_default="ontwikkeling-alleen-niet-in-productie-gebruiken")
# The key of the Tellijst pseudonyms (vertrouwenspersonen/pseudoniem.py). It lives outside the database
# on purpose: with a dump but without this key no Tellijst row can be traced to a vertrouwenspersoon.
# During a key rotation the previous key is also accepted, until `tellijst_hersleutelen` has re-keyed
# every row (README, 'Sleutel van de Tellijst vervangen').
TELLIJST_SLEUTEL = _secret("TELLIJST_SLEUTEL", development_default="ontwikkeling-tellijst-niet-in-productie")
TELLIJST_VORIGE_SLEUTEL = _secret("TELLIJST_VORIGE_SLEUTEL", optional=True)
if not DEBUG and TELLIJST_SLEUTEL == SECRET_KEY:
    # SECRET_KEY is known to every process that signs cookies; the Tellijst key must be its own.
    raise ImproperlyConfigured("TELLIJST_SLEUTEL moet een andere waarde hebben dan SECRET_KEY.")
# The key that seals who reported (meldingen/versleuteling.py): name, address and contact notes of a
# melder are unreadable in a dump without it. Rotation as for the Tellijst key, with
# `melders_hersleutelen` (README, 'Sleutel van de melders vervangen').
MELDER_SLEUTEL = _secret("MELDER_SLEUTEL", development_default="ontwikkeling-melder-niet-in-productie")
MELDER_VORIGE_SLEUTEL = _secret("MELDER_VORIGE_SLEUTEL", optional=True)
if not DEBUG and MELDER_SLEUTEL in (SECRET_KEY, TELLIJST_SLEUTEL):
    raise ImproperlyConfigured(
        "MELDER_SLEUTEL moet een eigen waarde hebben, niet die van een andere sleutel."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # django.contrib.admin with the admin site that demands the second login step (kern/beheer.py).
    "finintegriteit.kern.beheerconfig.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # The built-in widget templates, for the TemplatesSetting form renderer below.
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "finintegriteit.kern",
    "finintegriteit.referentie",
    "meldingen",
    "afdoeningen",
    "vertrouwenspersonen",
    "rapportage",
    "finintegriteit.prestaties",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session is loaded: the meldkanaal (/melden/) never sees a logged-in visitor's session.
    "finintegriteit.kern.middleware.MeldkanaalZonderSessieMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication (the limit depends on it), before anything reads the body.
    "finintegriteit.kern.middleware.VerzoekgrootteMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "finintegriteit.kern.middleware.BeveiligingsheadersMiddleware",
    "finintegriteit.kern.middleware.SessieMaximumMiddleware",
    "finintegriteit.kern.middleware.LoginVereistMiddleware",
    "finintegriteit.kern.middleware.TweestapsMiddleware",
    # Last, so that a lockout answers before any view runs.
    "axes.middleware.AxesMiddleware",
]

# Form widgets render through the project's template engine, so templates/django/forms/ may override them.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "finintegriteit.urls"
WSGI_APPLICATION = "finintegriteit.wsgi.application"
ASGI_APPLICATION = "finintegriteit.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "finintegriteit.kern.context_processors.navigatie",
            ],
        },
    },
]

# The embedded default keeps a fresh clone working with nothing but Python; CI and production
# point DATABASE_URL at PostgreSQL.
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
# Two PostgreSQL roles in production (kern/databaserollen.py): DATABASE_URL is the runtime role the
# application and workers use; DATABASE_MIGRATIE_URL the owner of the tables, used only by `migrate`
# (the 'migratie' alias). The runtime role may only add to and read the audit trail. Without the second
# URL everything runs as the one user of DATABASE_URL (development, SQLite).
if env.str("DATABASE_MIGRATIE_URL", default=""):
    DATABASES["migratie"] = env.db("DATABASE_MIGRATIE_URL")
    # Tests create and empty their own database: that is the owner's work (tests/conftest.py).
    DATABASES["migratie"]["TEST"] = {"MIRROR": "default"}
DATABASE_RUNTIME_ROL = (
    DATABASES["default"].get("USER", "")
    if "migratie" in DATABASES and DATABASES["migratie"].get("USER") != DATABASES["default"].get("USER")
    else ""
)
for _database in DATABASES.values():
    _database["ATOMIC_REQUESTS"] = False
    _database.setdefault("OPTIONS", {})
    if _database["ENGINE"] == "django.db.backends.sqlite3":
        # The same SQLite, leaving out indexes only PostgreSQL can build (kern/sqlite/base.py).
        _database["ENGINE"] = "finintegriteit.kern.sqlite"
        # Without a busy timeout a second writer (the eager Celery task, a parallel request) fails at once.
        _database["OPTIONS"].setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "finintegriteit.kern.wachtwoorden.MinimumLengteValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    # zxcvbn's lists of passwords from breaches, names and words, and its estimate of guessability.
    {"NAME": "finintegriteit.kern.wachtwoorden.GelektWachtwoordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # The limit per account across addresses (kern/inlogbeveiliging.py).
    "finintegriteit.kern.inlogbeveiliging.AccountBlokkadeBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "kern:login"
LOGIN_REDIRECT_URL = "kern:start"
LOGOUT_REDIRECT_URL = "kern:login"

# Lockout per user name and address: 5 failures, then 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_UUR", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Renders registration/geblokkeerd.html with the waiting time in minutes (status 429).
AXES_LOCKOUT_CALLABLE = "finintegriteit.kern.views.inloggen.geblokkeerd"
AXES_RESET_ON_SUCCESS = True
# The 15 minutes count from the fifth failure; trying again meanwhile does not restart them.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_VERBOSE = False
# Every failed login stays in the database (AccessFailureLog, at most the latest 1000 per user name):
# the audit trail of logins, and what the per-account limit counts.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The client address: X-Forwarded-For is believed only from these proxies (addresses or networks,
# e.g. "10.0.0.5,172.18.0.0/16"); without them, only the direct address counts.
VERTROUWDE_PROXIES = env.list("VERTROUWDE_PROXIES", default=[])
AXES_CLIENT_IP_CALLABLE = "finintegriteit.kern.inlogbeveiliging.client_adres"
# The limit per account across all addresses (kern/inlogbeveiliging.py): from ACCOUNT_DREMPEL failures
# since the last good password (within ACCOUNT_VENSTER_UUR) each attempt waits 1, 2, 4 ... minutes, at
# most ACCOUNT_MAX_WACHTTIJD_MINUTEN. Above the per-address limit, so that one address cannot start it.
ACCOUNT_DREMPEL = env.int("ACCOUNT_DREMPEL", default=10)
ACCOUNT_VENSTER_UUR = env.int("ACCOUNT_VENSTER_UUR", default=24)
ACCOUNT_MAX_WACHTTIJD_MINUTEN = env.int("ACCOUNT_MAX_WACHTTIJD_MINUTEN", default=60)
if ACCOUNT_DREMPEL <= AXES_FAILURE_LIMIT:
    raise ImproperlyConfigured(
        "ACCOUNT_DREMPEL moet groter zijn dan AXES_FAILURE_LIMIT: anders kan één adres een heel team "
        "laten wachten."
    )
if ACCOUNT_VENSTER_UUR < 1 or ACCOUNT_MAX_WACHTTIJD_MINUTEN < 1:
    raise ImproperlyConfigured("ACCOUNT_VENSTER_UUR en ACCOUNT_MAX_WACHTTIJD_MINUTEN moeten minstens 1 zijn.")

# Second login step (TOTP) for every account: kern/tweestaps.py, kern/middleware.py. An app is linked
# only with an activation code from the functioneel beheerder, valid this many hours.
OTP_TOTP_ISSUER = "FinIntegriteit"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
ACTIVERINGSCODE_GELDIG_UUR = env.int("ACTIVERINGSCODE_GELDIG_UUR", default=72)
if ACTIVERINGSCODE_GELDIG_UUR < 1:
    raise ImproperlyConfigured("ACTIVERINGSCODE_GELDIG_UUR moet minstens 1 zijn.")

# Sessions are rows so that logout and a password change can end all of a user's sessions
# (kern/services/sessies.py sessies_beeindigen; a system check refuses another engine).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env.int("SESSIE_DUUR_SECONDEN", default=30 * 60)
# However active, a session ends this many hours after the login (kern/middleware.py).
SESSIE_MAX_UUR = env.int("SESSIE_MAX_UUR", default=10)
if SESSIE_MAX_UUR < 1:
    raise ImproperlyConfigured("SESSIE_MAX_UUR moet minstens 1 zijn.")
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["finintegriteit.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
WHITENOISE_AUTOREFRESH = DEBUG
Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Generated reports live outside MEDIA and STATIC: only a view that checks rights serves them.
RAPPORT_ROOT = Path(env.str("RAPPORT_ROOT", default=str(VAR_DIR / "rapporten")))
# Where users reach the application; e-mails link to it (they carry no case content themselves).
BASIS_URL = env.str("BASIS_URL", default="http://127.0.0.1:8000")
# Documents of cases (meldingen.Document): private files outside MEDIA and STATIC, served only by a
# view that checks who may see the case, always as a download.
DOCUMENT_ROOT = Path(env.str("DOCUMENT_ROOT", default=str(VAR_DIR / "documenten")))
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
# Reports scoped to one onderdeel show counts below this threshold as '<N' (0 = off).
RAPPORTAGE_DREMPEL = env.int("RAPPORTAGE_DREMPEL", default=0)
MAX_UPLOAD_BYTES = env.int("MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# The Tellijst figures are published every TELLIJST_PUBLICATIE_DAGEN days at TELLIJST_PUBLICATIE_UUR
# (rapportage/services/publicatie.py); pages show only the latest publication. More often than daily
# would bring back what publishing prevents: a figure that moves soon after a row is saved dates it.
TELLIJST_PUBLICATIE_DAGEN = env.int("TELLIJST_PUBLICATIE_DAGEN", default=7)
if TELLIJST_PUBLICATIE_DAGEN < 1:
    raise ImproperlyConfigured(
        "TELLIJST_PUBLICATIE_DAGEN moet minstens 1 zijn: de Tellijst wordt niet vaker dan dagelijks "
        "gepubliceerd, anders verraadt een veranderd cijfer wanneer een rij werd opgeslagen."
    )
TELLIJST_PUBLICATIE_UUR = env.int("TELLIJST_PUBLICATIE_UUR", default=6)
if not 0 <= TELLIJST_PUBLICATIE_UUR <= 23:
    raise ImproperlyConfigured("TELLIJST_PUBLICATIE_UUR moet een heel uur van 0 tot en met 23 zijn.")
# A year of the Tellijst closes on this day (MM-DD) of the next year: no row of it is added, changed or
# removed after, and only then are the whole ministry's figures of that year shown exact. Changes to
# exact figures between two publications would show a late row with every property.
TELLIJST_SLUITDAG = env.str("TELLIJST_SLUITDAG", default="02-01")
try:
    datetime.date.fromisoformat(f"2001-{TELLIJST_SLUITDAG}")
except ValueError:
    raise ImproperlyConfigured(
        "TELLIJST_SLUITDAG is maand en dag waarop een jaar van de Tellijst sluit, als MM-DD (bijvoorbeeld "
        "02-01 voor 1 februari van het jaar erna)."
    ) from None
# Tellijst cells below this count are hidden, with as many others as needed that they cannot be
# worked back from the totals, in every view except the whole ministry's figures of a closed year.
TELLIJST_DREMPEL = env.int("TELLIJST_DREMPEL", default=5)
if TELLIJST_DREMPEL < 2:
    raise ImproperlyConfigured(
        "TELLIJST_DREMPEL moet minstens 2 zijn (aantallen onder de drempel worden verborgen)."
    )
# Limits of the spreadsheet imports, checked before and while reading (finintegriteit/kern/importeren).
# What an .xlsx may unpack to in total, and per part other than a worksheet (openpyxl reads those whole).
IMPORT_MAX_UITGEPAKT_BYTES = env.int("IMPORT_MAX_UITGEPAKT_BYTES", default=200 * 1024 * 1024)
IMPORT_MAX_ONDERDEEL_BYTES = env.int("IMPORT_MAX_ONDERDEEL_BYTES", default=16 * 1024 * 1024)
IMPORT_MAX_ZIPDELEN = env.int("IMPORT_MAX_ZIPDELEN", default=100)
IMPORT_MAX_RIJEN = env.int("IMPORT_MAX_RIJEN", default=250_000)
# Files up to this size are checked and imported in the request; larger ones by a worker.
IMPORT_DIRECT_MAX_BYTES = env.int("IMPORT_DIRECT_MAX_BYTES", default=256 * 1024)
# A running import without a sign of life for this long is taken as stopped (the beat task).
IMPORT_OVERNAME_SECONDEN = env.int("IMPORT_OVERNAME_SECONDEN", default=20 * 60)
# Request bodies: refused from the Content-Length before anything reads them. Logged in: the largest
# upload (a spreadsheet or a document) plus room for the form around it.
MAX_VERZOEK_BYTES = env.int(
    "MAX_VERZOEK_BYTES", default=max(MAX_UPLOAD_BYTES, DOCUMENT_MAX_BYTES) + 1024 * 1024
)
MAX_VERZOEK_ANONIEM_BYTES = env.int("MAX_VERZOEK_ANONIEM_BYTES", default=64 * 1024)
# The non-file part of a form (Django reads it into memory); no form of the application comes near.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
# Years after the afdoening that the personal data of a closed case are kept (AVG, Archiefwet).
BEWAARTERMIJN_JAREN = env.int("BEWAARTERMIJN_JAREN", default=5)
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# With DEBUG the mails go to files in var/mail, not to the console: the console is the server log, and a
# mail to a melder would put her address there (docs/beveiliging.md, 'Meldkanaal').
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="finintegriteit@localhost")
# Sender of the e-mail to a melder ('U hebt een nieuw bericht'): the sender is seen as plainly as the
# subject, so give it a neutral address (no 'integriteit', no 'melding'); docs/beveiliging.md, Meldkanaal.
MELDKANAAL_AFZENDER = env.str("MELDKANAAL_AFZENDER", default=DEFAULT_FROM_EMAIL)

# Celery: without REDIS_URL tasks run eagerly in-process (development, tests on a bare machine).
REDIS_URL = env.str("REDIS_URL", default="")
# Production without Redis would never send deadline reminders nor apply the bewaartermijn (no worker,
# no beat), and nobody would notice. So it refuses to start unless that is asked for explicitly.
TAKEN_IN_PROCES = env.bool("TAKEN_IN_PROCES", default=False)
if not REDIS_URL and not DEBUG and not TAKEN_IN_PROCES:
    raise ImproperlyConfigured(
        "REDIS_URL ontbreekt: zonder Redis en Celery-worker en -beat worden termijnherinneringen nooit "
        "verstuurd en wordt de bewaartermijn nooit toegepast. Zet REDIS_URL, of zet TAKEN_IN_PROCES=1 "
        "als achtergrondtaken bewust in het webproces draaien (periodieke taken draaien dan niet)."
    )
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
# Without Redis in development, a report or large import runs in a thread of the web process, so the
# request that asked for it returns at once (kern/taken.py). Not with TAKEN_IN_PROCES in production:
# a recycled gunicorn worker would take the thread with it, and without beat nobody would notice.
TAKEN_IN_DRAAD = env.bool("TAKEN_IN_DRAAD", default=DEBUG and not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60


def _andere_redis_database(url: str) -> str:
    """The same Redis server, the next database number (0-15): the cache's clear() empties its whole
    database (FLUSHDB), which must never be Celery's queue."""
    if not url.startswith(("redis://", "rediss://")):
        return url
    basis, _, rest = url.partition("?")
    schema, _, pad = basis.partition("://")
    host, _, nummer = pad.partition("/")
    nummer = int(nummer.strip("/") or 0)
    return f"{schema}://{host}/{(nummer + 1) % 16}" + (f"?{rest}" if rest else "")


# The dashboard's figures (rapportage/cijfercache.py). With Redis the cache is shared by every web
# process, so a change made through one reaches them all; CACHE_REDIS_URL defaults to the next database
# of REDIS_URL (set it for a Redis with only database 0). Without Redis each process keeps its own cache
# in memory: a change made through another process is seen there only after CIJFERS_CACHE_SECONDEN.
CACHE_REDIS_URL = env.str("CACHE_REDIS_URL", default=_andere_redis_database(REDIS_URL))
CIJFERS_CACHE_SECONDEN = env.int("CIJFERS_CACHE_SECONDEN", default=10 * 60)
if CIJFERS_CACHE_SECONDEN < 0:
    raise ImproperlyConfigured("CIJFERS_CACHE_SECONDEN mag niet negatief zijn (0 = niet bewaren).")
# The option lists of forms (finintegriteit/referentie/keuzelijsten.py) are kept in each process; a
# token in the same cache tells every process at once when a taxonomy changed. This bounds how long a
# process shows an old list when that token cannot be shared (no Redis).
KEUZELIJSTEN_CACHE_SECONDEN = env.int("KEUZELIJSTEN_CACHE_SECONDEN", default=5 * 60)
if KEUZELIJSTEN_CACHE_SECONDEN < 0:
    raise ImproperlyConfigured("KEUZELIJSTEN_CACHE_SECONDEN mag niet negatief zijn (0 = niet bewaren).")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_REDIS_URL,
        "KEY_PREFIX": "finintegriteit",
        # A Redis that does not answer costs a dashboard request a second, not a hang (it then computes).
        # JSON, not pickle: what someone wrote into Redis is read as data, never run or trusted as HTML.
        "OPTIONS": {
            "socket_connect_timeout": 1,
            "socket_timeout": 1,
            "serializer": "finintegriteit.kern.cacheserialisatie.JsonSerialisatie",
        },
    }
    if CACHE_REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "finintegriteit"}
}

# Faults in report generation (rapportage/services.py, docs/beveiliging.md 'Storingen'). A worker that
# makes a report touches its row every RAPPORT_HARTSLAG_SECONDEN; a 'bezig' row without a sign of life
# for RAPPORT_OVERNAME_SECONDEN belongs to a dead worker and may be taken over. After
# RAPPORT_MAX_POGINGEN started attempts the report is marked mislukt instead of tried again (a report
# that kills its worker every time must not loop forever).
RAPPORT_HARTSLAG_SECONDEN = env.int("RAPPORT_HARTSLAG_SECONDEN", default=15)
RAPPORT_OVERNAME_SECONDEN = env.int("RAPPORT_OVERNAME_SECONDEN", default=90)
RAPPORT_MAX_POGINGEN = env.int("RAPPORT_MAX_POGINGEN", default=3)
# The beat task 'rapporten-herstellen' runs this often: it offers dead 'bezig' rows and waiting rows
# the queue never took (Redis was down) to the queue again, and a waiting row once more when its
# message may have been lost (Redis restarted without its data) after RAPPORT_WACHTRIJ_OPNIEUW_SECONDEN.
RAPPORT_HERSTEL_INTERVAL_SECONDEN = env.int("RAPPORT_HERSTEL_INTERVAL_SECONDEN", default=60)
RAPPORT_WACHTRIJ_OPNIEUW_SECONDEN = env.int("RAPPORT_WACHTRIJ_OPNIEUW_SECONDEN", default=10 * 60)
# How long Redis keeps a message that a worker took but never acknowledged (the worker was killed)
# before handing it out again. Above the task time limit, so a task that is still running is not
# handed to a second worker; the beat task above brings a killed worker's report back much sooner.
CELERY_VISIBILITY_TIMEOUT_SECONDEN = env.int("CELERY_VISIBILITY_TIMEOUT_SECONDEN", default=20 * 60)
if RAPPORT_HARTSLAG_SECONDEN < 1 or RAPPORT_OVERNAME_SECONDEN < 3 * RAPPORT_HARTSLAG_SECONDEN:
    raise ImproperlyConfigured(
        "RAPPORT_OVERNAME_SECONDEN moet minstens drie hartslagen (RAPPORT_HARTSLAG_SECONDEN) duren, "
        "anders neemt een worker het werk van een levende over."
    )
if CELERY_VISIBILITY_TIMEOUT_SECONDEN <= RAPPORT_OVERNAME_SECONDEN or RAPPORT_MAX_POGINGEN < 1:
    raise ImproperlyConfigured(
        "CELERY_VISIBILITY_TIMEOUT_SECONDEN moet groter zijn dan RAPPORT_OVERNAME_SECONDEN "
        "en RAPPORT_MAX_POGINGEN minstens 1."
    )
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT_SECONDEN,
    # How often a worker looks for such messages; kombu's default looks only every 100 s.
    "unacked_restore_interval": max(1, min(60, CELERY_VISIBILITY_TIMEOUT_SECONDEN // 4)),
    "unacked_restore_throttle": 1,
    # A Redis host that does not answer must not keep a web request (a report request) waiting long.
    "socket_connect_timeout": 5,
}
CELERY_BEAT_SCHEDULE = {
    "rapporten-herstellen": {
        "task": "rapportage.rapporten_herstellen",
        "schedule": RAPPORT_HERSTEL_INTERVAL_SECONDEN,
    },
    "termijnherinneringen": {
        "task": "meldingen.tasks.termijnherinneringen_versturen",
        "schedule": 24 * 60 * 60,
    },
    "bewaartermijn": {"task": "meldingen.tasks.bewaartermijn_toepassen", "schedule": 24 * 60 * 60},
    # Daily at a fixed hour; the task publishes only on a publication day (TELLIJST_PUBLICATIE_DAGEN).
    "tellijst-publiceren": {
        "task": "rapportage.tellijst_publiceren",
        "schedule": crontab(minute=0, hour=TELLIJST_PUBLICATIE_UUR),
    },
    "importbestanden-opruimen": {"task": "kern.importbestanden_opruimen", "schedule": 15 * 60},
    # Expired sessions out of the table, and so out of the next backup (kern/services/sessies.py).
    "sessies-opruimen": {"task": "kern.sessies_opruimen", "schedule": 15 * 60},
    # Daily, half an hour after the publication hour: a backup made after it shows the Tellijst rows in
    # a random order, all written by one transaction (vertrouwenspersonen.services.tellijst_mengen).
    "tellijst-mengen": {
        "task": "vertrouwenspersonen.tellijst_mengen",
        "schedule": crontab(minute=30, hour=TELLIJST_PUBLICATIE_UUR),
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"kort": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # No log line carries the id of a Tellijst row, nor a 4xx of the meldkanaal or the Tellijst
    # (django.request, django.security.*), nor the INFO lines of a quiet task run in this process (the
    # worker's own handlers: finintegriteit/celery.py). The rules: finintegriteit/logboek.py.
    "filters": {
        "tellijst": {"()": "finintegriteit.logboek.TellijstFilter"},
        "stille_taken": {"()": "finintegriteit.logboek.StilleTakenFilter"},
        "meldkanaal": {"()": "finintegriteit.logboek.MeldkanaalFilter"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "kort",
            "filters": ["meldkanaal", "tellijst", "stille_taken"],
        }
    },
    "root": {"handlers": ["stderr"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Only the filtered handler above: configuring the logger removes Django's own 'console' (DEBUG)
        # and 'mail_admins' handlers, which would write or mail a record without those filters.
        "django": {"level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # WeasyPrint logs a line per rendered page at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Production hardening; the checks of `manage.py check --deploy` hold when DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# The meldkanaal (/melden/): attempts with a receipt code per address and in total within one window.
# The global limit bounds how fast anyone can guess, from however many addresses.
MELDKANAAL_VENSTER_SECONDEN = env.int("MELDKANAAL_VENSTER_SECONDEN", default=15 * 60)
MELDKANAAL_POGINGEN_PER_ADRES = env.int("MELDKANAAL_POGINGEN_PER_ADRES", default=10)
MELDKANAAL_POGINGEN_TOTAAL = env.int("MELDKANAAL_POGINGEN_TOTAAL", default=500)
# Meldingen and aanvullingen sent in the same window: a flood is refused (429) before it reaches the
# database, and the global limit keeps the werkvoorraad usable however many addresses take part.
MELDKANAAL_MELDINGEN_PER_ADRES = env.int("MELDKANAAL_MELDINGEN_PER_ADRES", default=10)
MELDKANAAL_MELDINGEN_TOTAAL = env.int("MELDKANAAL_MELDINGEN_TOTAAL", default=200)
MELDKANAAL_MAX_BIJLAGEN = env.int("MELDKANAAL_MAX_BIJLAGEN", default=5)
