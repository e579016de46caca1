"""Only the audit trail is in /beheer/, and read-only: meldingen are changed through the app's services,
which check the rules and write the audit trail; the admin would bypass both."""

from django.contrib import admin

from finintegriteit.kern.beheer import AlleenLezenAdmin

from .models import AuditRegel


@admin.register(AuditRegel)
class AuditRegelAdmin(AlleenLezenAdmin):
    list_display = ["op", "gebruiker", "actie", "object_type", "object_id"]
    list_filter = ["actie", "object_type"]
    search_fields = ["object_id", "gebruiker__username"]
    date_hierarchy = "op"
