"""kern's models in the beheeromgeving, and the third-party ones it shows, in Dutch and without secrets.

The TOTP devices are listed read-only: django-otp's own admin shows a device's secret (the key field,
the `config` and `qrcode` pages) and lets anyone with delete rights unlink an app, which would reopen
the linking for whoever holds the password. A device is replaced only by issuing a new activation
code (Gebruikers en rollen).
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import Http404
from django.urls import path
from django_otp.plugins.otp_totp.models import TOTPDevice

from .beheer import AlleenLezenAdmin, WachtwoordEindigtSessiesMixin
from .models import AuditRegel, Profiel


@admin.register(AuditRegel)
class AuditRegelAdmin(AlleenLezenAdmin):
    """Read-only: rows are written by kern/services/audit.py alone, and the database refuses changes."""

    list_display = ["op", "gebruiker", "actie", "object_type", "object_id"]
    list_filter = ["actie", "object_type"]
    search_fields = ["object_id", "gebruiker__username"]
    date_hierarchy = "op"


# Read only: the onderdeel of a coordinator is set in 'Gebruikers en rollen', through the service that
# audits it. Changed here, it moved a coordinator to the whole ministry (who hands out codes to
# vertrouwenspersonen, docs/beveiliging.md 'Vier ogen') without a line in the audit trail.
@admin.register(Profiel)
class ProfielAdmin(AlleenLezenAdmin):
    list_display = ["gebruiker", "onderdeel"]
    list_filter = ["onderdeel"]


def _bestaat_niet(request, *args, **kwargs):
    raise Http404("Deze pagina bestaat niet.")


if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AuthenticatorAdmin(AlleenLezenAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    # Never the key, and nothing derived from it.
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def get_urls(self):
        # The secret pages of django-otp's admin answer 404, also if a later version adds them back.
        bestaat_niet = self.admin_site.admin_view(_bestaat_niet)
        eigen = [
            path("<path:object_id>/config/", bestaat_niet),
            path("<path:object_id>/qrcode/", bestaat_niet),
        ]
        return eigen + super().get_urls()


# django-axes: the attempts that block a login (the beheerder deletes one to lift a lockout), and
# the durable logs of failed and successful logins, read-only for the audit trail.
for model in (AccessAttempt, AccessLog, AccessFailureLog):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


@admin.register(AccessAttempt)
class InlogpogingAdmin(admin.ModelAdmin):
    list_display = ["attempt_time", "username", "ip_address", "failures_since_start"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "attempt_time"
    fields = ["username", "ip_address", "attempt_time", "failures_since_start", "user_agent", "path_info"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessLog, AccessFailureLog)
class InlogLogboekAdmin(AlleenLezenAdmin):
    list_display = ["attempt_time", "username", "ip_address"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    date_hierarchy = "attempt_time"
    fields = ["username", "ip_address", "attempt_time", "user_agent", "path_info"]
    readonly_fields = fields


# Django's user admin, for superusers only (the beheerder uses 'Gebruikers en rollen').
if admin.site.is_registered(get_user_model()):
    admin.site.unregister(get_user_model())


@admin.register(get_user_model())
class GebruikerAdmin(WachtwoordEindigtSessiesMixin, UserAdmin):
    pass
