from django.contrib import admin

from .models import Profiel


@admin.register(Profiel)
class ProfielAdmin(admin.ModelAdmin):
    list_display = ["gebruiker", "onderdeel"]
    list_filter = ["onderdeel"]
    autocomplete_fields = ["gebruiker"]
