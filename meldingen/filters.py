"""Filters of the werkvoorraad and the audit trail (django-filter: validated like a form)."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from finintegriteit.referentie import keuzelijsten
from finintegriteit.referentie.models import Onderdeel, SchendingSoort

from .forms import AnalistKeuze, DatumInput, analisten
from .models import AuditRegel, Melding
from .selectors import audit_objecten_voor_melding, te_laat_q

ALLE = "alle"
OBJECT_SOORTEN = {
    "melding": "Melding",
    "betrokkene": "Betrokkene",
    "afdoening": "Afdoening",
    "melderidentiteit": "Identiteit melder",
}


class AnalistFilter(django_filters.ModelChoiceFilter):
    field_class = AnalistKeuze


class WerkvoorraadFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Meldingsnummer",
        method="filter_nummer",
        widget=forms.TextInput(attrs={"placeholder": "OIF-2025-0001"}),
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[(ALLE, "Alle statussen"), *Melding.Status.choices],
        empty_label="Alle open meldingen",
        method="filter_status",
    )
    dienstonderdeel = django_filters.ModelChoiceFilter(
        label="Dienstonderdeel", queryset=Onderdeel.objects.all(), empty_label="Alle dienstonderdelen"
    )
    onderwerp = django_filters.ModelChoiceFilter(
        label="Onderwerp", queryset=SchendingSoort.objects.all(), empty_label="Alle onderwerpen"
    )
    behandelaar = AnalistFilter(label="Behandelaar", queryset=analisten(), empty_label="Alle behandelaars")
    jaar = django_filters.NumberFilter(
        label="Jaar van ontvangst",
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"placeholder": "bijv. 2025"}),
    )
    te_laat = django_filters.BooleanFilter(
        label="Termijn verlopen",
        method="filter_te_laat",
        widget=forms.Select(choices=[("", "Alle"), ("true", "Ja, alleen verlopen"), ("false", "Nee")]),
    )

    class Meta:
        model = Melding
        fields = ["q", "status", "dienstonderdeel", "onderwerp", "behandelaar", "jaar", "te_laat"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["behandelaar"].queryset = analisten()
        # The lists as the page shows them: taxonomies from the process's option lists, the analists in
        # one plain query. A chosen value is still looked up through the filter's queryset. On the widget:
        # django-filter's own `choices` setter only takes its iterator, not a list.
        velden = self.form.fields
        for naam, model in (("dienstonderdeel", Onderdeel), ("onderwerp", SchendingSoort)):
            velden[naam].widget.choices = [
                ("", velden[naam].empty_label),
                *((o.pk, o.label) for o in keuzelijsten.opties(model)),
            ]
        behandelaar = velden["behandelaar"]
        behandelaar.widget.choices = [
            ("", behandelaar.empty_label),
            *(
                (g.pk, behandelaar.label_from_instance(g))
                for g in analisten().only("username", "first_name", "last_name")
            ),
        ]

    def weergave_hangt_af_van(self) -> tuple:
        """Everything the rendered filter fields depend on, for keeping them as HTML (views/overzichten.py).

        The option lists (the token changes with every taxonomy change and every migrate, so also
        with a deploy), the analists as offered, and the submitted values (errors included: the same
        input against the same lists gives the same messages).
        """
        return (
            keuzelijsten.versie(),
            tuple(self.form.fields["behandelaar"].widget.choices),
            tuple((naam, tuple(self.data.getlist(naam))) for naam in self.form.fields),
        )

    def filter_nummer(self, qs, name, value):
        return qs.filter(nummer__icontains=value.strip())

    def filter_status(self, qs, name, value):
        return qs if value == ALLE else qs.filter(status=value)

    def filter_te_laat(self, qs, name, value):
        vandaag = timezone.localdate()
        return qs.filter(te_laat_q(vandaag)) if value else qs.exclude(te_laat_q(vandaag))

    def filter_queryset(self, queryset):
        qs = super().filter_queryset(queryset)
        # The werkvoorraad is the open work unless the user asks for other statuses.
        if not self.form.cleaned_data.get("status"):
            # An IN list rather than 'not afgedaan': the database can then count the few open cases
            # through the status index instead of reading ten years of closed ones.
            open_statussen = [s for s in Melding.Status.values if s != Melding.Status.AFGEDAAN]
            qs = qs.filter(status__in=open_statussen)
        return qs


class AuditFilter(django_filters.FilterSet):
    gebruiker = django_filters.ModelChoiceFilter(
        label="Gebruiker",
        queryset=get_user_model().objects.order_by("username"),
        empty_label="Alle gebruikers",
    )
    actie = django_filters.ChoiceFilter(
        label="Actie", choices=AuditRegel.Actie.choices, empty_label="Alle acties"
    )
    object_type = django_filters.ChoiceFilter(
        label="Soort object",
        choices=list(OBJECT_SOORTEN.items()),
        empty_label="Alle soorten",
    )
    object = django_filters.CharFilter(
        label="Meldingsnummer of object-id",
        method="filter_object",
        help_text="Een meldingsnummer toont ook de betrokkenen, afdoeningen en melder van die melding.",
    )
    van = django_filters.DateFilter(
        label="Van", field_name="op", lookup_expr="date__gte", widget=DatumInput()
    )
    tot = django_filters.DateFilter(
        label="Tot en met", field_name="op", lookup_expr="date__lte", widget=DatumInput()
    )

    class Meta:
        model = AuditRegel
        fields = ["gebruiker", "actie", "object_type", "object", "van", "tot"]

    def filter_object(self, qs, name, value):
        value = value.strip()
        if value.upper().startswith("OIF-"):
            return qs.filter(audit_objecten_voor_melding(value))
        return qs.filter(Q(object_id=value))
