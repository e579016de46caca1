from django import forms

from finintegriteit.kern.teksten import KIES

from ..models import GepubliceerdCijfer, Rapportdeel


class RapportdeelForm(forms.ModelForm):
    class Meta:
        model = Rapportdeel
        fields = ["titel", "niveau", "bijlage", "volgorde", "inhoud", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 16, "class": "font-monospace"})}


class GepubliceerdCijferForm(forms.ModelForm):
    class Meta:
        model = GepubliceerdCijfer
        fields = ["jaar", "inhoud", "omschrijving", "gepubliceerd", "naam", "toelichting"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["inhoud"]
        veld.choices = [("", KIES), *veld.choices[1:]]
