from django.contrib import admin

from .models import StandaardInhoud


@admin.register(StandaardInhoud)
class StandaardInhoudAdmin(admin.ModelAdmin):
    """The phrases the afdoening form suggests; the functioneel beheerder adds or retires them."""

    list_display = ["tekst", "volgorde", "actief"]
    list_editable = ["volgorde", "actief"]
    list_filter = ["actief"]
    search_fields = ["tekst"]
