from django.contrib import admin

from . import models


class OptieAdmin(admin.ModelAdmin):
    """Options are ended by setting 'laatste jaar'; one that a record uses cannot be deleted (PROTECT)."""

    list_display = ["label", "code", "eerste_jaar", "laatste_jaar", "vergelijkingsgroep", "volgorde"]
    list_filter = ["laatste_jaar"]
    search_fields = ["label", "code"]
    ordering = ["volgorde", "label"]


for model in [
    models.Onderdeel,
    models.MelderType,
    models.OnderzoekType,
]:
    admin.site.register(model, OptieAdmin)


@admin.register(models.Hoofdcategorie)
class HoofdcategorieAdmin(OptieAdmin):
    list_display = [*OptieAdmin.list_display, "nummer", "uitsplitsen"]


@admin.register(models.WieBetreft)
class WieBetreftAdmin(OptieAdmin):
    list_display = [*OptieAdmin.list_display, "beklaagdengroep"]


@admin.register(models.Subcategorie)
class SubcategorieAdmin(OptieAdmin):
    list_display = ["label", "hoofdcategorie", "code", "eerste_jaar", "laatste_jaar"]
    list_filter = ["hoofdcategorie", "laatste_jaar"]
    ordering = ["hoofdcategorie__volgorde", "volgorde"]


@admin.register(models.WijzeVanAfdoening)
class WijzeVanAfdoeningAdmin(OptieAdmin):
    list_display = [*OptieAdmin.list_display, "loopt_nog"]


@admin.register(models.SituatieNaInterventie)
class SituatieAdmin(OptieAdmin):
    list_display = [*OptieAdmin.list_display, "uitkomst"]


@admin.register(models.SchendingSoort)
class SchendingSoortAdmin(OptieAdmin):
    list_display = [*OptieAdmin.list_display, "is_misstand"]


@admin.register(models.AfdoeningType)
class AfdoeningTypeAdmin(OptieAdmin):
    list_display = [*OptieAdmin.list_display, "klasse"]
