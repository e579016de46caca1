"""Dutch names for the models of django-axes and django-otp in the beheeromgeving.

Neither package ships a Dutch translation (and django-otp's TOTP model name is not translatable at
all), so their names are set here, once, when the apps are ready: the admin reads them when it
renders, and so do its column headers and filters.
"""

from django.apps import apps

# app label -> Dutch section name in /beheer/
APPS = {
    "axes": "Inlogpogingen en blokkades",
    "otp_totp": "Authenticator-apps",
    "django_otp": "Tweestapsverificatie",
}

VELDEN_TOEGANG = {
    "user_agent": "browser",
    "ip_address": "IP-adres",
    "username": "gebruikersnaam",
    "http_accept": "HTTP Accept",
    "path_info": "pad",
    "attempt_time": "tijdstip",
}

# (app label, model) -> (name, plural, {field: label})
MODELLEN = {
    ("axes", "accessattempt"): (
        "inlogpoging",
        "inlogpogingen (blokkades)",
        VELDEN_TOEGANG
        | {
            "get_data": "GET-gegevens",
            "post_data": "POST-gegevens",
            "failures_since_start": "mislukte pogingen",
        },
    ),
    ("axes", "accesslog"): (
        "geslaagde login",
        "geslaagde logins",
        VELDEN_TOEGANG | {"logout_time": "uitgelogd op", "session_hash": "sessiehash"},
    ),
    ("axes", "accessfailurelog"): (
        "mislukte login",
        "mislukte logins",
        VELDEN_TOEGANG | {"locked_out": "geblokkeerd"},
    ),
    ("axes", "accessattemptexpiration"): (
        "verloop van een inlogpoging",
        "verloop van inlogpogingen",
        {"access_attempt": "inlogpoging", "expires_at": "verloopt op"},
    ),
    ("otp_totp", "totpdevice"): (
        "authenticator-app",
        "authenticator-apps",
        {
            "user": "gebruiker",
            "name": "naam",
            "confirmed": "gekoppeld",
            "created_at": "aangemaakt op",
            "last_used_at": "laatst gebruikt op",
        },
    ),
}


def toepassen() -> None:
    for label, naam in APPS.items():
        if label in {config.label for config in apps.get_app_configs()}:
            apps.get_app_config(label).verbose_name = naam
    for (app_label, model_naam), (naam, meervoud, velden) in MODELLEN.items():
        try:
            model = apps.get_model(app_label, model_naam)
        except LookupError:
            continue
        model._meta.verbose_name = naam
        model._meta.verbose_name_plural = meervoud
        for veld, label in velden.items():
            model._meta.get_field(veld).verbose_name = label
