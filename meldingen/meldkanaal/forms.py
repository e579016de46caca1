"""Forms of the meldkanaal, in words for an employee rather than for an analist."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from finintegriteit.referentie.models import Onderdeel, SchendingSoort
from finintegriteit.referentie.selectors import opties_in_jaar

from ..forms import KIES

ANONIEM, MET_NAAM = "anoniem", "naam"


class MeldkanaalForm(forms.Form):
    onderwerp = forms.ModelChoiceField(
        label="Waar gaat uw melding over?", queryset=SchendingSoort.objects.none(), empty_label=KIES
    )
    omschrijving = forms.CharField(
        label="Wat is er gebeurd?",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text="Beschrijf wat u zag of hoorde, wanneer ongeveer, en hoe u het weet.",
        error_messages={"required": "Beschrijf wat er is gebeurd."},
    )
    dienstonderdeel = forms.ModelChoiceField(
        label="Bij welk dienstonderdeel speelt het?", queryset=Onderdeel.objects.none(), empty_label=KIES
    )
    betrokkenen = forms.CharField(
        label="Wie zijn erbij betrokken? (mag leeg blijven)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    wijze = forms.ChoiceField(
        label="Wilt u uw naam geven?",
        choices=[
            (ANONIEM, "Nee, ik meld anoniem"),
            (MET_NAAM, "Ja, OIF mag weten wie ik ben (uw naam blijft beschermd)"),
        ],
        initial=ANONIEM,
        widget=forms.RadioSelect,
    )
    naam = forms.CharField(label="Uw naam", required=False, max_length=200)
    contact = forms.CharField(
        label="Hoe kan OIF u bereiken? (e-mailadres of telefoonnummer)", required=False, max_length=300
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        jaar = timezone.localdate().year
        self.fields["onderwerp"].queryset = opties_in_jaar(SchendingSoort, jaar=jaar)
        self.fields["dienstonderdeel"].queryset = opties_in_jaar(Onderdeel, jaar=jaar)

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("wijze") == MET_NAAM and not (gegevens.get("naam") or "").strip():
            raise ValidationError({"naam": "Vul uw naam in, of kies voor anoniem melden."})
        if gegevens.get("wijze") == ANONIEM:
            # Whatever was typed in the name fields before choosing anonymous is not kept.
            gegevens["naam"] = gegevens["contact"] = ""
        return gegevens


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Uw ontvangstcode",
        max_length=60,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
        error_messages={"required": "Vul uw ontvangstcode in."},
    )
