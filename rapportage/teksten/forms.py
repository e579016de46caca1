from django import forms

from ..models import Rapportdeel


class RapportdeelForm(forms.ModelForm):
    class Meta:
        model = Rapportdeel
        fields = ["titel", "niveau", "bijlage", "volgorde", "inhoud", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 16, "class": "font-monospace"})}


class GepubliceerdCijferForm(forms.ModelForm):
    class Meta:
        from ..models import GepubliceerdCijfer

        model = GepubliceerdCijfer
        fields = ["jaar", "inhoud", "omschrijving", "gepubliceerd", "naam", "toelichting"]
