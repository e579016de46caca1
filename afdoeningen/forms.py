from django import forms
from django.utils import timezone

from finintegriteit.kern.forms import datumveld
from finintegriteit.kern.importeren.forms import UploadForm
from finintegriteit.referentie.models import AfdoeningType, SchendingSoort

JA_NEE = [("ja", "Ja"), ("nee", "Nee")]
DATALIST_ID = "standaard-inhoud"


class AfdoeningTypeVeld(forms.ModelChoiceField):
    def label_from_instance(self, optie):
        # The class follows from the type; showing it here saves a look-up in the Bijlage 2 list.
        return f"{optie.label} ({optie.get_klasse_display().lower()})"


class AfdoeningForm(forms.Form):
    """Input only; the rules (read-only, anonymity, dates, versions) live in services.afdoening_vastleggen."""

    type = AfdoeningTypeVeld(
        label="Afdoening",
        queryset=AfdoeningType.objects.none(),
        empty_label="— kies de afdoening —",
        help_text="Dezelfde keuzes als in de bijlage van het jaarverslag waarin elke afdoening staat. "
        "De klasse (geen afdoening, niet-disciplinair of disciplinair) volgt uit de gekozen afdoening.",
    )
    schending = forms.ModelChoiceField(
        label="Schending",
        queryset=SchendingSoort.objects.none(),
        empty_label="— kies de soort schending —",
        help_text="De uiteindelijk vastgestelde soort; die mag afwijken van het onderwerp van de melding.",
    )
    aangetoond = forms.TypedChoiceField(
        label="Aangetoond",
        choices=JA_NEE,
        coerce=lambda waarde: waarde == "ja",
        widget=forms.RadioSelect,
    )
    datum = datumveld("Datum afdoening")
    inhoud = forms.CharField(
        label="Inhoud (vermoedelijke) schending",
        max_length=300,
        help_text="Kies een standaardomschrijving uit de lijst of schrijf een nieuwe, algemene omschrijving: "
        "geen namen, personeelsnummers of e-mailadressen. Deze tekst komt letterlijk in de bijlage van het "
        "jaarverslag waarin elke afdoening staat.",
        widget=forms.TextInput(attrs={"list": DATALIST_ID, "autocomplete": "off"}),
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, jaar: int | None = None, huidige=None, **kwargs):
        super().__init__(*args, **kwargs)
        jaar = jaar or timezone.localdate().year
        # Options in use this year, plus the ones the afdoening already has (an ended option stays visible).
        for veld, model, huidig in (
            ("type", AfdoeningType, getattr(huidige, "type_id", None)),
            ("schending", SchendingSoort, getattr(huidige, "schending_id", None)),
        ):
            opties = model.objects.in_jaar(jaar)
            if huidig:
                opties = opties | model.objects.filter(pk=huidig)
            self.fields[veld].queryset = opties.distinct().order_by("volgorde", "label")
        self.fields["type"].widget.attrs["autofocus"] = True

    @classmethod
    def initieel(cls, afdoening) -> dict:
        if afdoening is None:
            return {"versie": 0}
        return {
            "type": afdoening.type_id,
            "schending": afdoening.schending_id,
            "aangetoond": {True: "ja", False: "nee"}.get(afdoening.aangetoond),
            "datum": afdoening.datum,
            "inhoud": afdoening.inhoud,
            "versie": afdoening.versie,
        }


class RegisterUploadForm(UploadForm):
    bestandslabel = "Registerbestand (.xlsx of .csv)"
    uitleg = "Eén regel per betrokkene, met de kolommen van het sjabloon."
    cursor_op_bestand = True
