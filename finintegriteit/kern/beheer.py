"""The admin site (/beheer/) behind the same login as the rest: password, TOTP, and a logout that ends all.

Installed as the default admin site (kern.apps.BeheerAdminConfig), so every `admin.register`
of every app lands here without knowing about it.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from . import services


class BeheerSite(admin.AdminSite):
    site_header = "FinIntegriteit — beheer"
    site_title = "FinIntegriteit"

    def has_permission(self, request):
        # The middleware already sends unverified users to the second step; this holds even without it.
        is_verified = getattr(request.user, "is_verified", None)
        return super().has_permission(request) and is_verified is not None and is_verified()

    @method_decorator(never_cache)
    def login(self, request, extra_context=None):
        """One login page for everything, so lockout and the second step cannot be bypassed here."""
        volgende = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(volgende, settings.LOGIN_URL)

    def password_change(self, request, extra_context=None):
        """The admin's own form for one's password: afterwards the other sessions end, as everywhere."""
        antwoord = super().password_change(request, extra_context)
        if request.method == "POST" and antwoord.status_code == 302:
            services.wachtwoord_gewijzigd(
                door=request.user, gebruiker=request.user, behalve_sessie=request.session.session_key
            )
        return antwoord

    def logout(self, request, extra_context=None):
        if request.method == "POST" and request.user.is_authenticated:
            services.sessies_beeindigen(gebruiker=request.user)
        return super().logout(request, extra_context)


class AlleenLezenAdmin(admin.ModelAdmin):
    """A list and detail pages that change nothing: for rows that only their app's services may write."""

    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class WachtwoordEindigtSessiesMixin:
    """For the UserAdmin: a password set for someone through /beheer/ ends that person's sessions."""

    def user_change_password(self, request, id, form_url=""):
        antwoord = super().user_change_password(request, id, form_url)
        if request.method == "POST" and antwoord.status_code == 302:
            gebruiker = self.get_object(request, id)
            eigen = gebruiker.pk == request.user.pk
            services.wachtwoord_gewijzigd(
                door=request.user,
                gebruiker=gebruiker,
                behalve_sessie=request.session.session_key if eigen else None,
            )
        return antwoord
