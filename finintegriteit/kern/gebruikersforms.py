"""Forms of 'Gebruikers en rollen'. The rules about which roles go together live in the service."""

from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils import timezone

from finintegriteit.referentie.models import Onderdeel

from . import rollen as r

ROL_UITLEG = {
    r.OIF_ANALIST: "meldingen, betrokkenen en afdoeningen",
    r.VERTROUWENSPERSOON: "de anonieme Tellijst",
    r.COORDINATOR: "dashboard en jaarrapportages",
    r.BEHEERDER: "accounts, taxonomieën, kerncijfers; geen zaken",
}


class GebruikerForm(forms.Form):
    gebruikersnaam = forms.CharField(
        label="Gebruikersnaam",
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="Letters, cijfers en . @ + - _; hiermee logt de persoon in.",
    )
    voornaam = forms.CharField(label="Voornaam", max_length=150, required=False)
    achternaam = forms.CharField(label="Achternaam", max_length=150, required=False)
    email = forms.EmailField(label="E-mailadres", required=False)
    rollen = forms.MultipleChoiceField(
        label="Rollen",
        choices=[(rol, f"{rol} ({ROL_UITLEG[rol]})") for rol in r.ALLE_ROLLEN],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    rechten = forms.MultipleChoiceField(
        label="Bijzondere rechten",
        choices=list(r.BIJZONDERE_RECHTEN.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Alleen voor een OIF-analist, bijvoorbeeld een teamleider.",
    )
    onderdeel = forms.ModelChoiceField(
        label="Onderdeel (alleen integriteitscoördinator)",
        queryset=Onderdeel.objects.none(),
        required=False,
        empty_label="Het hele ministerie",
    )

    def __init__(self, *args, nieuw: bool, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = Onderdeel.objects.in_jaar(timezone.localdate().year)
        huidig = self.initial.get("onderdeel")
        if huidig is not None:
            # An onderdeel that has ended stays her choice until the beheerder picks another: left out,
            # saving her name would quietly make her coordinator of the whole ministry.
            keuzes = keuzes | Onderdeel.objects.filter(pk=huidig.pk)
        self.fields["onderdeel"].queryset = keuzes
        if not nieuw:
            del self.fields["gebruikersnaam"]
        self.helper = FormHelper()
        self.helper.form_tag = False


class BevestigForm(forms.Form):
    """An empty form: the POST of a confirmation page (CSRF only)."""
