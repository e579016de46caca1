"""Filters of the werkvoorraad and the audit trail (django-filter: validated like a form)."""

import functools

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import F, Q
from django.utils import timezone

from finintegriteit.kern import rollen as r
from finintegriteit.kern.forms import DatumInput, Keuzelijst
from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.selectors import actieve_leden
from finintegriteit.referentie import keuzelijsten
from finintegriteit.referentie.models import Onderdeel, SchendingSoort

from .auditnamen import SOORTEN
from .forms import AnalistKeuze, analisten
from .models import Melding
from .selectors import audit_objecten_voor_melding, te_laat_q
from .zoeken import zoeken, zoekterm

ALLE = "alle"


class Zoekformulier(forms.Form):
    # Every field of a search form is optional: templates/bootstrap5/field.html then marks none.
    zoekformulier = True


class JaarFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField  # a year is whole: '2024.5' is an error, not silently 2024


# ?sorteer= value -> (label, ORDER BY); a minus sorts the other way. Year and volgnummer break ties, so
# a page never shows a melding twice or skips one.
SORTERINGEN = {
    "nummer": ("Meldingsnummer, oudste eerst", ("jaar", "volgnummer")),
    "-nummer": ("Meldingsnummer, nieuwste eerst", ("-jaar", "-volgnummer")),
    "ontvangen": ("Ontvangen, oudste eerst", ("ontvangen_op", "jaar", "volgnummer")),
    "-ontvangen": ("Ontvangen, nieuwste eerst", ("-ontvangen_op", "-jaar", "-volgnummer")),
    "status": ("Status", ("status", "-jaar", "-volgnummer")),
    "-status": ("Status, omgekeerd", ("-status", "-jaar", "-volgnummer")),
    "behandelaar": (
        "Behandelaar",
        ("behandelaar__last_name", "behandelaar__username", "-jaar", "-volgnummer"),
    ),
    "-behandelaar": (
        "Behandelaar, omgekeerd",
        ("-behandelaar__last_name", "-behandelaar__username", "-jaar", "-volgnummer"),
    ),
    "termijn": ("Termijn, eerste eerst", (F("volgende_termijn").asc(nulls_last=True), "jaar", "volgnummer")),
    "-termijn": (
        "Termijn, laatste eerst",
        (F("volgende_termijn").desc(nulls_last=True), "-jaar", "-volgnummer"),
    ),
}


@functools.cache
def _formulierklasse(filterset: type[django_filters.FilterSet]) -> type[forms.Form]:
    """The form of a FilterSet class, built once per process rather than per request (django-filter
    makes a new class from its filters each time). Safe to share: the form deep-copies its fields for
    every instance, and the filter's fields depend on nothing of the request."""
    velden = {naam: filter_.field for naam, filter_ in filterset.base_filters.items()}
    return type(f"{filterset.__name__}Form", (filterset._meta.form,), velden)


class AnalistFilter(django_filters.ModelChoiceFilter):
    field_class = AnalistKeuze


class WerkvoorraadFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Zoeken",
        method="filter_zoeken",
        help_text="Meldingsnummer (ook een deel), naam of personeelsnummer van een betrokkene, of woorden "
        "uit de omschrijving en de aantekeningen. Zoekt in alle statussen, tenzij u een status kiest.",
        widget=forms.TextInput(
            attrs={"placeholder": "bijv. 2024-0012, De Vries of fraude", "type": "search"}
        ),
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[(ALLE, "Alle statussen"), *Melding.Status.choices],
        # True with and without a search term: a term searches every status unless one is chosen.
        empty_label="Open; bij zoeken: alle",
        method="filter_status",
        widget=Keuzelijst,
    )
    dienstonderdeel = django_filters.ModelChoiceFilter(
        label="Dienstonderdeel",
        queryset=Onderdeel.objects.all(),
        empty_label="Alle dienstonderdelen",
        widget=Keuzelijst,
    )
    onderwerp = django_filters.ModelChoiceFilter(
        label="Onderwerp",
        queryset=SchendingSoort.objects.all(),
        empty_label="Alle onderwerpen",
        widget=Keuzelijst,
    )
    behandelaar = AnalistFilter(
        label="Behandelaar", queryset=analisten(), empty_label="Alle behandelaars", widget=Keuzelijst
    )
    jaar = JaarFilter(
        label="Jaar van ontvangst",
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs={"placeholder": "bijv. 2025"}),
    )
    te_laat = django_filters.BooleanFilter(
        label="Termijn verlopen",
        method="filter_te_laat",
        widget=Keuzelijst(choices=[("", "Alle"), ("true", "Ja, alleen verlopen"), ("false", "Nee")]),
    )

    sorteer = django_filters.ChoiceFilter(
        label="Sorteren",
        choices=[(waarde, label) for waarde, (label, _) in SORTERINGEN.items()],
        empty_label="Nieuwste eerst",
        method="filter_sorteer",
        widget=Keuzelijst,
    )

    class Meta:
        model = Melding
        fields = ["q", "status", "dienstonderdeel", "onderwerp", "behandelaar", "jaar", "te_laat", "sorteer"]
        form = Zoekformulier

    # Filters that can hide a search result (the page then says how many and offers to show them).
    BEPERKENDE_FILTERS = ("status", "dienstonderdeel", "onderwerp", "behandelaar", "jaar", "te_laat")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The lists as the page shows them, kept in the process (taxonomies and analists alike). A chosen
        # value is still looked up through the filter's queryset. On the widget: django-filter's own
        # `choices` setter only takes its iterator, not a list.
        velden = self.form.fields
        # Bootstrap's classes, which crispy-forms would add (the template renders these fields itself).
        for veld in velden.values():
            select = isinstance(veld.widget, forms.Select)
            veld.widget.attrs["class"] = "form-select" if select else "form-control"
        for naam, model in (("dienstonderdeel", Onderdeel), ("onderwerp", SchendingSoort)):
            velden[naam].widget.choices = [
                ("", velden[naam].empty_label),
                *((o.pk, o.label) for o in keuzelijsten.opties(model)),
            ]
        behandelaar = velden["behandelaar"]
        behandelaar.widget.choices = [("", behandelaar.empty_label), *actieve_leden(rol=r.OIF_ANALIST)]

    def get_form_class(self):
        return _formulierklasse(type(self))

    @property
    def zoekterm(self):
        return zoekterm(self.form.cleaned_data.get("q", "")) if self.is_bound and self.is_valid() else None

    def filter_zoeken(self, qs, name, value):
        term = zoekterm(value)
        return zoeken(qs, term) if term else qs

    def statusbereik(self) -> str:
        """Which statuses the list shows, in words for the line above the results."""
        status = self.form.cleaned_data.get("status") if self.is_bound and self.is_valid() else None
        if status == ALLE or (not status and self.zoekterm):
            return "in alle statussen"
        if status:
            return f"met status ‘{Melding.Status(status).label}’"
        return "open"

    def beperkt(self) -> bool:
        return any(self.form.cleaned_data.get(naam) not in (None, "") for naam in self.BEPERKENDE_FILTERS)

    def filter_sorteer(self, qs, name, value):
        return qs.order_by(*SORTERINGEN[value][1])

    def filter_status(self, qs, name, value):
        return qs if value == ALLE else qs.filter(status=value)

    def filter_te_laat(self, qs, name, value):
        vandaag = timezone.localdate()
        return qs.filter(te_laat_q(vandaag)) if value else qs.exclude(te_laat_q(vandaag))

    def filter_queryset(self, queryset):
        qs = super().filter_queryset(queryset)
        # The werkvoorraad is the open work unless the user asks for other statuses or searches.
        if not self.form.cleaned_data.get("status") and not self.zoekterm:
            # An IN list rather than 'not afgedaan': the database can then count the few open cases
            # through the status index instead of reading ten years of closed ones.
            open_statussen = [s for s in Melding.Status.values if s != Melding.Status.AFGEDAAN]
            qs = qs.filter(status__in=open_statussen)
        return qs


class AuditZoekformulier(Zoekformulier):
    TOT_VOOR_VAN = "Deze datum ligt vóór ‘Van’: draai de twee om."

    def clean(self):
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", self.TOT_VOOR_VAN)  # instead of silently showing no rows
        return gegevens


class AuditFilter(django_filters.FilterSet):
    gebruiker = django_filters.ModelChoiceFilter(
        label="Gebruiker",
        # Accounts nobody can log in with (the owner of demo rows, benchmark accounts) are the system's
        # own; a deactivated person keeps a password and stays in the list.
        queryset=get_user_model()
        .objects.exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .order_by("username"),
        empty_label="Alle gebruikers",
    )
    actie = django_filters.ChoiceFilter(
        label="Actie", choices=AuditRegel.Actie.choices, empty_label="Alle acties"
    )
    object_type = django_filters.ChoiceFilter(
        label="Soort object",
        # Every kind the trail names; a kind left out of the list would make its filter value invalid.
        choices=list(SOORTEN.items()),
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
        form = AuditZoekformulier

    def filter_object(self, qs, name, value):
        value = value.strip()
        if value.upper().startswith("OIF-"):
            return qs.filter(audit_objecten_voor_melding(value))
        return qs.filter(Q(object_id=value))
