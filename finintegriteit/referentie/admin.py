from django import forms
from django.contrib import admin
from django.db.models import Max
from django.utils import timezone

from . import models


class Spellingen(forms.CharField):
    """The other spellings of an option, one per line: a beheerder types the spellings themselves, not
    the JSON list they are stored as ('["Ex-medewerker"]'). Empty lines and repeats go; the order stays."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        regels = (regel.strip() for regel in (super().to_python(value) or "").splitlines())
        return list(dict.fromkeys(regel for regel in regels if regel))


class OptieAdmin(admin.ModelAdmin):
    """Options are ended by setting 'laatste jaar'. Deleting is only for an option whose first year has
    not begun: no Tellijst row or melding can use it yet.

    Whether an option is in use must not depend on the rows: a page that said so, or a count, would change
    the moment a vertrouwenspersoon saves a row, and a beheerder sees no Tellijst or case content. So an
    option in its years cannot be deleted at all, used or not, and the list has no bulk delete. Nor can
    its first year move once it has begun: moved to next year, the option became deletable, and the
    delete page then told whether a row used it. A mistaken option is ended (laatste jaar) instead.
    """

    list_display = ["label", "code", "eerste_jaar", "laatste_jaar", "vergelijkingsgroep", "volgorde"]
    list_filter = ["laatste_jaar"]
    search_fields = ["label", "code"]
    ordering = ["volgorde", "label"]
    actions = None

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "varianten":
            return Spellingen(
                label="Andere spellingen",
                required=False,
                help_text="Eén per regel, zoals tabellen en imports het schrijven; imports herkennen ze ook.",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        # A new option goes to the end of its list, not before every existing one (volgorde 0).
        laatste = self.model.objects.aggregate(hoogste=Max("volgorde"))["hoogste"]
        return {"volgorde": (laatste or 0) + 10, **super().get_changeform_initial_data(request)}

    def get_deleted_objects(self, objs, request):
        # A row of a year that has not begun cannot exist; but were an option's years changed, Django would
        # list every row that uses it by name (a melding's number, a Tellijst row's kenmerk).
        verwijderd, aantallen, rechten, beschermd = super().get_deleted_objects(objs, request)
        return verwijderd, aantallen, rechten, ["registraties die deze optie gebruiken"] if beschermd else []

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _begonnen(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        vast = super().get_readonly_fields(request, obj)
        return [*vast, "eerste_jaar"] if obj is not None and _begonnen(obj) else vast

    def get_fields(self, request, obj=None):
        # Django puts read-only fields last; the first year belongs before the last.
        volgorde = [veld.name for veld in self.model._meta.fields]
        velden = super().get_fields(request, obj)
        return sorted(velden, key=lambda naam: volgorde.index(naam) if naam in volgorde else len(volgorde))


def _begonnen(optie) -> bool:
    """Has the option's first year begun? From then on a row may use it."""
    return optie.eerste_jaar <= timezone.localdate().year


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
