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


def standaardjaar(jaren: list[int], *, met_cijfers: bool = False) -> int:
    """Last year, when it is offered: an annual report is about a year that ended. `met_cijfers`: the
    latest closed year that has figures, where a page of an empty year would show only zeros."""
    from .inhoud import standaardjaar as laatste_met_cijfers

    for jaar in (laatste_met_cijfers() if met_cijfers else None, timezone.localdate().year - 1):
        if jaar in jaren:
            return jaar
    return jaren[0]


class JaarForm(forms.Form):
    jaar = forms.TypedChoiceField(label="Jaar", coerce=int)

    def __init__(self, *args, met_cijfers: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        jaren = beschikbare_jaren()
        self.fields["jaar"].choices = [(j, str(j)) for j in jaren]
        self.fields["jaar"].initial = standaardjaar(jaren, met_cijfers=met_cijfers)

    def gekozen_jaar(self) -> int:
        return self.cleaned_data["jaar"] if self.is_valid() else self.fields["jaar"].initial

    def is_standaard(self) -> bool:
        """Whether the year shown is the default, not one the user chose."""
        return not self.is_valid()


class RapportAanvraagForm(JaarForm):
    onderdeel = forms.ModelChoiceField(
        label="Onderdeel",
        queryset=Onderdeel.objects.none(),
        required=False,
        empty_label=HELE_MINISTERIE,
        help_text="Een rapport van één onderdeel toont aantallen onder de drempel als ‘&lt;N’.",
    )

    def __init__(self, *args, gebruiker, **kwargs):
        # The same year as the dashboard opens on.
        super().__init__(*args, met_cijfers=True, **kwargs)
        self.fields["jaar"].widget.attrs["autofocus"] = True
        eigen = onderdeel_van(gebruiker=gebruiker)
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
