from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .. import rollen as r
from .. import services
from ..forms import (
    ACTIVERINGSCODE_ONJUIST,
    CODE_ONJUIST,
    CODE_WACHTEN,
    ActiveringscodeForm,
    InlogForm,
    TotpCodeForm,
)
from ..middleware import STARTWACHTWOORD
from ..models import Profiel
from ..toegang import ingelogd_vereist, publiek
from ..tweestaps import geheim_als_tekst, qr_code_data_uri, tweestaps_vereist

WACHTWOORD_GEWIJZIGD = "Uw wachtwoord is gewijzigd. Log opnieuw in met het nieuwe wachtwoord."
UITGELOGD = "U bent uitgelogd, ook in andere browsers."
KOPPELING_GELUKT = (
    "Uw authenticator-app is gekoppeld. Voortaan vraagt FinIntegriteit na het wachtwoord om een code."
)
ACTIVERING_VERLOPEN = (
    "Uw activeringscode is intussen verlopen, gebruikt of vervangen. Vul de code in die u het laatst kreeg."
)
# The activation code this browser entered, until the link is confirmed.
ACTIVERING_SESSIE = "kern_activeringscode"

# The first page of each role, in order of precedence for users with several roles.
STARTPAGINA = [
    (r.OIF_ANALIST, "meldingen:werkvoorraad"),
    (r.VERTROUWENSPERSOON, "vertrouwenspersonen:invoeren"),
    (r.COORDINATOR, "rapportage:dashboard"),
    (r.BEHEERDER, "vertrouwenspersonen:register"),
]


@ingelogd_vereist
def start(request):
    for rol, naam in STARTPAGINA:
        if r.heeft_rol(request.user, rol):
            try:
                return redirect(reverse(naam))
            except NoReverseMatch:
                break
    return render(request, "kern/start.html")


class InlogView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = InlogForm
    redirect_authenticated_user = True


class UitlogView(auth_views.LogoutView):
    """Logging out in one browser ends the sessions in every browser of that user."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            services.sessies_beeindigen(gebruiker=request.user)
        antwoord = super().post(request, *args, **kwargs)
        messages.info(request, UITGELOGD)
        return antwoord


inloggen = publiek(InlogView.as_view())
uitloggen = ingelogd_vereist(UitlogView.as_view())


@ingelogd_vereist
@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "POST"])
def wachtwoord_wijzigen(request):
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.wachtwoord_wijzigen(
            gebruiker=request.user, nieuw_wachtwoord=form.cleaned_data["new_password1"]
        )
        auth_logout(request)
        messages.success(request, WACHTWOORD_GEWIJZIGD)
        return redirect(settings.LOGIN_URL)
    context = {"form": form, "startwachtwoord": request.session.get(STARTWACHTWOORD, False)}
    return render(request, "registration/wachtwoord_wijzigen.html", context)


def _volgende(request) -> str:
    """Where to go after the second step: the page asked for, if it is one of ours."""
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return volgende
    return reverse(settings.LOGIN_REDIRECT_URL)


def _met_volgende(naam: str, volgende: str) -> str:
    return f"{reverse(naam)}?{urlencode({'next': volgende})}"


def _tweede_stap_afronden(request, apparaat):
    otp_login(request, apparaat)
    # The session now carries more trust than the one that only knew the password: a new key.
    request.session.cycle_key()
    if Profiel.objects.filter(gebruiker=request.user, wachtwoord_wijzigen=True).exists():
        request.session[STARTWACHTWOORD] = True


@ingelogd_vereist
@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "POST"])
def tweestaps_verifieren(request):
    """Second login step: a code from the linked authenticator app."""
    volgende = _volgende(request)
    if not tweestaps_vereist(request.user) or request.user.is_verified():
        return redirect(volgende)
    if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(_met_volgende("kern:tweestaps_koppelen", volgende))
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.tweestaps_geblokkeerd(gebruiker=request.user):
            form.add_error("code", CODE_WACHTEN)
        else:
            apparaat = services.tweestaps_verifieren(gebruiker=request.user, code=form.cleaned_data["code"])
            if apparaat is not None:
                _tweede_stap_afronden(request, apparaat)
                return redirect(volgende)
            form.add_error("code", CODE_ONJUIST)
    return render(request, "registration/tweestaps.html", {"form": form, "next": volgende})


@ingelogd_vereist
@sensitive_post_parameters("code", "activeringscode")
@never_cache
@require_http_methods(["GET", "POST"])
def tweestaps_koppelen(request):
    """Link an authenticator app: first the activation code, then QR code and secret, then a first code.

    Without a valid activation code no secret is made or shown; once a device is confirmed this
    page never shows a secret again: otherwise a stolen password would be enough to link an app.
    """
    volgende = _volgende(request)
    if not tweestaps_vereist(request.user) or request.user.is_verified():
        return redirect(volgende)
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(_met_volgende("kern:tweestaps", volgende))
    activering_id = request.session.get(ACTIVERING_SESSIE)
    if not services.activeringscode_open(gebruiker=request.user, activeringscode_id=activering_id):
        if activering_id is not None:
            del request.session[ACTIVERING_SESSIE]
            messages.warning(request, ACTIVERING_VERLOPEN)
        return _activeringscode_vragen(request, volgende)
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        apparaat = services.totp_koppeling_bevestigen(
            gebruiker=request.user, activeringscode_id=activering_id, code=form.cleaned_data["code"]
        )
        if apparaat is not None:
            del request.session[ACTIVERING_SESSIE]
            _tweede_stap_afronden(request, apparaat)
            messages.success(request, KOPPELING_GELUKT)
            return redirect(volgende)
        form.add_error("code", CODE_ONJUIST)
    apparaat = services.totp_koppeling_starten(gebruiker=request.user)
    context = {
        "form": form,
        "next": volgende,
        "qr_code": qr_code_data_uri(apparaat),
        "geheim": geheim_als_tekst(apparaat),
    }
    return render(request, "registration/tweestaps_koppelen.html", context)


def _activeringscode_vragen(request, volgende: str):
    form = ActiveringscodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        activering = services.activeringscode_controleren(
            gebruiker=request.user, code=form.cleaned_data["activeringscode"]
        )
        if activering is not None:
            request.session[ACTIVERING_SESSIE] = activering.pk
            return redirect(_met_volgende("kern:tweestaps_koppelen", volgende))
        form.add_error("activeringscode", ACTIVERINGSCODE_ONJUIST)
    return render(request, "registration/activeringscode.html", {"form": form, "next": volgende})


def geblokkeerd(request, original_response=None, credentials=None):
    """django-axes' answer after too many failed logins: a Dutch page saying how long to wait."""
    from axes.helpers import get_cool_off

    wachttijd = get_cool_off(request)
    minuten = round(wachttijd.total_seconds() / 60) if wachttijd else None
    return render(request, "registration/geblokkeerd.html", {"minuten": minuten}, status=429)
