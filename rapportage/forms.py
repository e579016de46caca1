from django import forms
from django.db.models import Min
from django.utils import timezone

from finintegriteit.referentie.models import Hoofdcategorie, Onderdeel

from .toegang import onderdeel_van

HELE_MINISTERIE = "Hele ministerie"


def beschikbare_jaren() -> list[int]:
    """From the first year of the Tellijst taxonomy up to this year, newest first."""
    huidig = timezone.localdate().year
    eerste = Hoofdcategorie.objects.aggregate(eerste=Min("eerste_jaar"))["eerste"] or huidig - 2
    return list(range(huidig, min(eerste, huidig) - 1, -1))


def standaardjaar(jaren: list[int]) -> int:
    """The annual report is about the year that ended; default to last year when it is offered."""
    vorig = timezone.localdate().year - 1
    return vorig if vorig in jaren else jaren[0]


class JaarForm(forms.Form):
    jaar = forms.TypedChoiceField(label="Jaar", coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        jaren = beschikbare_jaren()
        self.fields["jaar"].choices = [(j, str(j)) for j in jaren]
        self.fields["jaar"].initial = standaardjaar(jaren)

    def gekozen_jaar(self) -> int:
        return self.cleaned_data["jaar"] if self.is_valid() else self.fields["jaar"].initial


class RapportAanvraagForm(JaarForm):
    onderdeel = forms.ModelChoiceField(
        label="Onderdeel",
        queryset=Onderdeel.objects.none(),
        required=False,
        empty_label=HELE_MINISTERIE,
        help_text="Een rapport van één onderdeel toont aantallen onder de drempel als ‘&lt;N’.",
    )

    def __init__(self, *args, gebruiker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].widget.attrs["autofocus"] = True
        eigen = onderdeel_van(gebruiker)
        veld = self.fields["onderdeel"]
        if eigen is not None:
            # A coordinator of one onderdeel gets that onderdeel's report only.
            veld.queryset = Onderdeel.objects.filter(pk=eigen.pk)
            veld.initial = eigen.pk
            veld.required = True
            veld.empty_label = None
            veld.disabled = True
            veld.help_text = "U bent coördinator van dit onderdeel en ziet alleen de rapporten ervan."
        else:
            veld.queryset = Onderdeel.objects.exclude(code="anders")
