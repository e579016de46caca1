"""Forms of the meldingen pages. They validate input; the services do the writing."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone

from finintegriteit.kern import rollen as r
from finintegriteit.kern.forms import datumveld
from finintegriteit.kern.selectors import weergavenaam
from finintegriteit.kern.teksten import KIES
from finintegriteit.referentie.models import MelderType, Onderdeel, SchendingSoort
from finintegriteit.referentie.selectors import opties_in_jaar

from .models import MelderContact, MelderIdentiteit, Melding
from .services.status import toegestane_overgangen

TOELICHTING_HULP = "Bijvoorbeeld met wie u sprak of naar welk adres u schreef."


class AnalistKeuze(forms.ModelChoiceField):
    def label_from_instance(self, gebruiker):
        return weergavenaam(gebruiker)


def analisten():
    return get_user_model().objects.filter(groups__name=r.OIF_ANALIST, is_active=True).order_by("username")


class VersieMixin(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class MeldingForm(forms.Form):
    ontvangen_op = datumveld("Ontvangen op", attrs={"autofocus": True})
    melder_type = forms.ModelChoiceField(label="Melder", queryset=MelderType.objects.none(), empty_label=KIES)
    onderwerp = forms.ModelChoiceField(
        label="Onderwerp (soort schending)",
        queryset=SchendingSoort.objects.none(),
        empty_label=KIES,
        help_text="Zoals gemeld; bij de afdoening kan een andere soort worden vastgesteld.",
    )
    klokkenluidersmelding = forms.BooleanField(
        label="Melding van een misstand (Klokkenluidersregeling)",
        required=False,
        help_text="Dan gelden de wettelijke termijnen: ontvangstbevestiging binnen 7 dagen, "
        "terugkoppeling binnen 3 maanden.",
    )
    dienstonderdeel = forms.ModelChoiceField(
        label="Dienstonderdeel", queryset=Onderdeel.objects.none(), empty_label=KIES
    )
    behandelaar = AnalistKeuze(
        label="Behandelaar", queryset=analisten(), required=False, empty_label="— nog niet —"
    )
    omschrijving = forms.CharField(
        label="Omschrijving",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Vertrouwelijk; alleen zichtbaar voor OIF-analisten.",
    )

    def __init__(self, *args, melding: Melding | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        jaar = melding.jaar if melding else timezone.localdate().year
        self.fields["melder_type"].queryset = opties_in_jaar(
            MelderType, jaar=jaar, huidige=melding and melding.melder_type
        )
        self.fields["onderwerp"].queryset = opties_in_jaar(
            SchendingSoort, jaar=jaar, huidige=melding and melding.onderwerp
        )
        self.fields["dienstonderdeel"].queryset = opties_in_jaar(
            Onderdeel, jaar=jaar, huidige=melding and melding.dienstonderdeel
        )
        self.fields["behandelaar"].queryset = analisten()
        # Lets static/js/meldingen.js tick the klokkenluider box when the onderwerp is a misstand.
        misstanden = self.fields["onderwerp"].queryset.filter(is_misstand=True).values_list("pk", flat=True)
        self.fields["onderwerp"].widget.attrs["data-misstand"] = " ".join(str(pk) for pk in misstanden)


class MeldingNieuwForm(MeldingForm):
    """Registration; the melder's identity fields only for users who may see it."""

    melder_kanaal = forms.ChoiceField(
        label="Kanaal",
        required=False,
        choices=[("", "— niet vastleggen —"), *MelderIdentiteit.Kanaal.choices],
        help_text="Hoe de melding binnenkwam.",
    )
    melder_naam = forms.CharField(label="Naam melder", required=False, max_length=200)
    melder_contact = forms.CharField(
        label="Contactgegevens melder", required=False, max_length=300, help_text="E-mail, telefoon of adres."
    )
    IDENTITEIT_VELDEN = ("melder_kanaal", "melder_naam", "melder_contact")

    def __init__(self, *args, identiteit_toegestaan: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.identiteit_toegestaan = identiteit_toegestaan
        if not identiteit_toegestaan:
            for veld in self.IDENTITEIT_VELDEN:
                del self.fields[veld]

    def clean(self):
        gegevens = super().clean()
        if self.identiteit_toegestaan and not gegevens.get("melder_kanaal"):
            if gegevens.get("melder_naam") or gegevens.get("melder_contact"):
                self.add_error("melder_kanaal", "Kies het kanaal waarlangs de melder zich meldde.")
        return gegevens

    def identiteit(self) -> dict | None:
        if not self.identiteit_toegestaan or not self.cleaned_data.get("melder_kanaal"):
            return None
        return {
            "kanaal": self.cleaned_data["melder_kanaal"],
            "naam": self.cleaned_data["melder_naam"],
            "contact": self.cleaned_data["melder_contact"],
        }

    def melding_gegevens(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in self.IDENTITEIT_VELDEN}


class MeldingWijzigenForm(VersieMixin, MeldingForm):
    pass


class BetrokkeneForm(forms.Form):
    naam = forms.CharField(
        label="Naam", required=False, max_length=200, widget=forms.TextInput(attrs={"autofocus": True})
    )
    personeelsnummer = forms.CharField(label="Personeelsnummer", required=False, max_length=30)
    dienstonderdeel = forms.ModelChoiceField(
        label="Dienstonderdeel", queryset=Onderdeel.objects.none(), empty_label=KIES
    )
    leidinggevende = forms.BooleanField(label="Leidinggevende", required=False)

    def __init__(self, *args, jaar: int, huidig=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dienstonderdeel"].queryset = opties_in_jaar(Onderdeel, jaar=jaar, huidige=huidig)


class BetrokkeneWijzigenForm(VersieMixin, BetrokkeneForm):
    pass


class StatusForm(VersieMixin):
    naar = forms.ChoiceField(label="Nieuwe status", widget=forms.RadioSelect)
    reden = forms.CharField(
        label="Reden",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text="Komt in de tijdlijn van de melding.",
        error_messages={"required": "Geef een reden op."},
    )

    def __init__(self, *args, melding: Melding, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar"].choices = [
            (s, Melding.Status(s).label) for s in toegestane_overgangen(melding.status)
        ]
        self.fields["naar"].error_messages["invalid_choice"] = (
            "Deze statuswijziging is vanuit de huidige status niet toegestaan."
        )


class RedenForm(forms.Form):
    reden = forms.CharField(
        label="Reden",
        widget=forms.Textarea(attrs={"rows": 2, "autofocus": True}),
        max_length=300,
        error_messages={"required": "Geef een reden op."},
    )


class HeropenenForm(VersieMixin, RedenForm):
    pass


class IdentiteitInzienForm(RedenForm):
    pass


class IdentiteitForm(forms.Form):
    kanaal = forms.ChoiceField(label="Kanaal", choices=MelderIdentiteit.Kanaal.choices)
    naam = forms.CharField(label="Naam melder", required=False, max_length=200)
    contact = forms.CharField(label="Contactgegevens melder", required=False, max_length=300)
    reden = forms.CharField(widget=forms.HiddenInput, max_length=300)
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MelderContactForm(VersieMixin):
    """When and how the melder got the ontvangstbevestiging and the terugkoppeling (identity right only)."""

    ontvangstbevestiging_op = datumveld(
        "Ontvangstbevestiging verstuurd op", required=False, attrs={"autofocus": True}
    )
    ontvangstbevestiging_wijze = forms.ChoiceField(
        label="Hoe", required=False, choices=[("", "—"), *MelderContact.Wijze.choices]
    )
    ontvangstbevestiging_toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=300, help_text=TOELICHTING_HULP
    )
    terugkoppeling_op = datumveld("Terugkoppeling gegeven op", required=False)
    terugkoppeling_wijze = forms.ChoiceField(
        label="Hoe", required=False, choices=[("", "—"), *MelderContact.Wijze.choices]
    )
    terugkoppeling_toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=300, help_text=TOELICHTING_HULP
    )


class DuplicaatForm(VersieMixin, RedenForm):
    origineel = forms.CharField(
        label="Meldingsnummer van het origineel",
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "bijv. OIF-2025-0012", "autofocus": True}),
        error_messages={"required": "Vul het meldingsnummer van het origineel in."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reden"].widget.attrs.pop("autofocus", None)
        self.order_fields(["origineel", "reden", "versie"])


class AfschermenForm(VersieMixin, RedenForm):
    pass


class BewarenForm(VersieMixin):
    niet_vernietigen = forms.BooleanField(
        label="Niet vernietigen",
        required=False,
        help_text="De bewaartermijn slaat deze zaak over zolang dit aan staat.",
    )
    reden = forms.CharField(
        label="Reden",
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Verplicht bij niet vernietigen, bijvoorbeeld een lopende procedure.",
    )


def fout_in_formulier(form: forms.Form, fout: ValidationError) -> None:
    """Put a service's ValidationError next to the field it names, or above the form."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)


class AantekeningForm(forms.Form):
    tekst = forms.CharField(
        label="Nieuwe aantekening",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Aantekeningen kunnen niet worden gewijzigd of verwijderd; een fout herstelt u met een "
        "correctie.",
    )
    corrigeert = forms.ModelChoiceField(
        label="Corrigeert",
        queryset=None,
        required=False,
        empty_label="— geen: een nieuwe aantekening —",
        help_text="Kies de aantekening die deze tekst corrigeert.",
    )

    def __init__(self, *args, melding: Melding, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["corrigeert"]
        veld.queryset = melding.aantekeningen.order_by("op", "pk")
        veld.label_from_instance = lambda a: f"{timezone.localtime(a.op):%d-%m-%Y %H:%M} · {a.tekst[:60]}"


class DocumentForm(forms.Form):
    bestand = forms.FileField(
        label="Document toevoegen",
        help_text="PDF, Word, Excel, PowerPoint, OpenDocument, e-mail (.eml, .msg) of afbeelding (PNG, JPEG, "
        "GIF). Het bestand wordt alleen als download aangeboden.",
    )


class OnderzoekCorrigerenForm(VersieMixin, RedenForm):
    naar = forms.ChoiceField(label="Juiste type onderzoek", widget=forms.RadioSelect)

    def __init__(self, *args, melding: Melding, **kwargs):
        super().__init__(*args, **kwargs)
        from .services.status import ONDERZOEK_PER_STATUS

        self.fields["naar"].choices = [
            (status, Melding.Status(status).label)
            for status in ONDERZOEK_PER_STATUS
            if status != melding.status
        ]
        self.order_fields(["naar", "reden", "versie"])


class VerwijderenForm(VersieMixin, RedenForm):
    bevestigd = forms.BooleanField(
        label="Ik weet dit zeker",
        error_messages={"required": "Vink aan dat u dit zeker weet; het kan niet ongedaan worden gemaakt."},
    )
