"""Settings for the web benchmark's server only: the project's settings plus the baseline page.

`benchmark_web` starts gunicorn with this module, so the minimal page never reaches the production URLs.
The server runs as in production (DEBUG off, the benchmark passes a throwaway SECRET_KEY), except
for what plain HTTP on a loopback port needs.
"""

from finintegriteit.settings import *  # noqa: F403

ROOT_URLCONF = "finintegriteit.prestaties.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Plain HTTP on loopback: no redirect to https, and cookies sent without the secure flag are fine.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# No collectstatic before a benchmark: the manifest storage would refuse every {% static %} without
# its manifest. Looking a name up in the manifest is a dict lookup, so the pages cost the same.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
