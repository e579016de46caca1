from collections import Counter

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.db import router

from . import models


class OptieAdmin(admin.ModelAdmin):
    """Options are ended by setting 'laatste jaar'; one that a record uses cannot be deleted (PROTECT)."""

    list_display = ["label", "code", "eerste_jaar", "laatste_jaar", "vergelijkingsgroep", "volgorde"]
    list_filter = ["laatste_jaar"]
    search_fields = ["label", "code"]
    ordering = ["volgorde", "label"]

    def get_deleted_objects(self, objs, request):
        """What keeps an option from being deleted, as counts only.

        Django lists every protected row by name: the numbers of the meldingen and the kenmerken of the
        Tellijst rows that use the option. A beheerder sees no case content, and a Tellijst row's
        kenmerk is what its vertrouwenspersoon sees in 'Mijn adviesvragen'.
        """
        verwijderd, aantallen, rechten, beschermd = super().get_deleted_objects(objs, request)
        if beschermd:
            verzamelaar = NestedObjects(using=router.db_for_write(self.model))
            verzamelaar.collect(objs)
            per_soort = Counter(str(rij._meta.verbose_name_plural) for rij in verzamelaar.protected)
            beschermd = [f"{aantal} {soort}" for soort, aantal in sorted(per_soort.items())]
        return verwijderd, aantallen, rechten, beschermd


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
