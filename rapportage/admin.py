from django.contrib import admin
from django.db.models import PositiveIntegerField

from finintegriteit.kern.forms import AantalVeld

from . import models

# Key figures are copied from other reports, which write 41.069; read as 41 that would be silently wrong.
AANTALLEN = {PositiveIntegerField: {"form_class": AantalVeld}}


class _RegelInline(admin.TabularInline):
    extra = 0
    formfield_overrides = AANTALLEN


class MedewerkersInline(_RegelInline):
    model = models.MedewerkersPerOnderdeel
    fields = ["onderdeel", "aantal", "volgorde"]


class NevenwerkzaamhedenInline(_RegelInline):
    model = models.Nevenwerkzaamheden
    fields = ["organisatie", "onderdeel", "aantal", "volgorde"]


class KlachtOnderwerpInline(_RegelInline):
    model = models.KlachtOnderwerp
    fields = ["onderwerp", "aantal", "volgorde"]


class KlachtUitkomstInline(_RegelInline):
    model = models.KlachtUitkomst
    fields = ["uitkomst", "aantal", "volgorde"]


class CifCategorieInline(_RegelInline):
    model = models.CifCategorie
    fields = ["categorie", "aantal", "volgorde"]


class BenoemdKerncijferInline(_RegelInline):
    model = models.BenoemdKerncijfer
    fields = ["naam", "omschrijving", "waarde", "eenheid", "volgorde"]


@admin.register(models.Kerncijfers)
class KerncijfersAdmin(admin.ModelAdmin):
    """One page per report year with everything the system cannot count itself."""

    list_display = ["jaar", "medewerkers_totaal", "klachten_ontvangen", "cif_meldingen", "peildatum_register"]
    ordering = ["-jaar"]
    formfield_overrides = AANTALLEN
    fieldsets = [
        (None, {"fields": ["jaar", "medewerkers_totaal", "peildatum_register"]}),
        (
            "Klachtencommissie Ongewenste Omgangsvormen",
            {"fields": ["klachten_ontvangen", "klachten_ontvankelijk"]},
        ),
        ("Commissie sociale veiligheid en integriteit", {"fields": ["cif_meldingen"]}),
        (None, {"fields": ["toelichting"]}),
    ]
    inlines = [
        MedewerkersInline,
        NevenwerkzaamhedenInline,
        KlachtOnderwerpInline,
        KlachtUitkomstInline,
        CifCategorieInline,
        BenoemdKerncijferInline,
    ]


@admin.register(models.GepubliceerdCijfer)
class GepubliceerdCijferAdmin(admin.ModelAdmin):
    """Printed figures that differ from the system's: the report footnotes them."""

    list_display = ["jaar", "inhoud", "omschrijving", "gepubliceerd", "naam"]
    list_filter = ["jaar", "inhoud"]
