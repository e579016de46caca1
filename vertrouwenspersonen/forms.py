"""Forms of the Tellijst and the register. The rules themselves live in regels.py and the services."""

import datetime

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import reverse
from django.utils import timezone

from finintegriteit.kern.forms import DatumInput
from finintegriteit.kern.importeren.forms import UploadForm as ImportUploadForm
from finintegriteit.kern.teksten import KIES
from finintegriteit.referentie import keuzelijsten
from finintegriteit.referentie import models as ref

from . import regels
from .models import (
    INVULVELDEN,
    JAAR_MELDER_IS_BEKLAAGDE,
    OPTIEMODELLEN,
    OPTIEVELDEN,
    PROFIELVELDEN,
    Adviesvraag,
    Certificeringsstatus,
    VertrouwenspersoonProfiel,
)
from .selectors import GESLOTEN, OPEN, OPEN_BIJ_SLUITING

KWARTALEN = [
    ("", "Niet bekend"),
    (1, "1e kwartaal"),
    (2, "2e kwartaal"),
    (3, "3e kwartaal"),
    (4, "4e kwartaal"),
]
BEKLAAGDE_KEUZES = [("", "Niet ingevuld"), ("ja", "Ja"), ("nee", "Nee")]
# Before its first year the question is still there, with nothing to choose: the form keeps the same
# fields in the same place whichever year is chosen.
BEKLAAGDE_NIET_VAN_TOEPASSING = [("", f"Niet van toepassing vóór {JAAR_MELDER_IS_BEKLAAGDE}")]
# What changes from one row to the next; jaar, kwartaal and onderdeel usually stay as they were.
VELDEN_DIE_WISSELEN = ("onderdeel", "hoofdcategorie")


def _ja_nee(waarde: str) -> bool | None:
    return {"ja": True, "nee": False}.get(waarde)


def subcategorie_keuzes(*, jaar: int, hoofdcategorie_id=None) -> list:
    """Options of the subcategorie list: of one hoofdcategorie, or all grouped per hoofdcategorie.

    The grouped list is what a browser without JavaScript shows, so 'Overig' is always recognisable.
    """
    subs = keuzelijsten.opties_in_jaar(ref.Subcategorie, jaar=jaar)
    if hoofdcategorie_id:
        return [("", KIES), *((s.pk, s.label) for s in subs if s.hoofdcategorie_id == hoofdcategorie_id)]
    groepen: dict[str, list] = {}
    for sub in subs:
        groepen.setdefault(sub.hoofdcategorie.label, []).append((sub.pk, sub.label))
    return [("", KIES), *groepen.items()]


def _als_getal(waarde) -> int | None:
    """A small whole number from a form value, or None (a 30-digit 'year' must not reach the database)."""
    tekst = str(waarde) if waarde is not None else ""
    return int(tekst) if tekst.isdigit() and len(tekst) <= 9 else None


def versieveld() -> forms.IntegerField:
    """The version of the row the page showed, sent back so that a stale save is refused."""
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)


class AdviesvraagForm(forms.ModelForm):
    """One Tellijst row. Only options in use in the shown year are offered; the server checks them all.

    The fields accept any option (so a stale page gets a clear 'not in use in that year' message
    instead of 'invalid choice'), while the lists show the options of the year.
    """

    jaar = forms.TypedChoiceField(label="Jaar", coerce=int)
    kwartaal = forms.TypedChoiceField(
        label="Kwartaal van eerste contact",
        choices=KWARTALEN,
        coerce=int,
        empty_value=None,
        required=False,
        help_text="Alleen het kwartaal, nooit een datum.",
    )
    melder_is_beklaagde = forms.TypedChoiceField(
        label="Melder is zelf beklaagde",
        choices=BEKLAAGDE_KEUZES,
        coerce=_ja_nee,
        empty_value=None,
        required=False,
        help_text=f"Vanaf {JAAR_MELDER_IS_BEKLAAGDE}.",
    )
    versie = versieveld()

    class Meta:
        model = Adviesvraag
        fields = list(INVULVELDEN)
        labels = {
            "onderdeel": "Onderdeel van de beklaagde",
            "wie_betreft": "Wie betreft de melding",
            "wijze_van_afdoening": "Wijze van afdoening",
            "situatie": "Situatie na interventie",
            "evaluatielink": "Evaluatielink",
        }
        help_texts = {
            "onderdeel": "Waar de beklaagde werkt; 'Anders' als dat buiten Financiën is of onbekend.",
            "wijze_van_afdoening": "De hoogste mate van escalatie tot nu toe.",
        }

    def __init__(self, *args, vandaag: datetime.date | None = None, eerste_jaar: int = 2022, **kwargs):
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag or timezone.localdate()
        self.eerste_jaar = eerste_jaar
        # Only the years still open (regels.sluitdatum): this year, and last year until it closes.
        jaren = [
            j
            for j in range(self.vandaag.year, eerste_jaar - 1, -1)
            if not regels.jaar_gesloten(j, op=self.vandaag)
        ]
        self.fields["jaar"].choices = [(j, str(j)) for j in jaren]
        # A year not offered is out of range or closed: the rule says which.
        gekozen = _als_getal(self._waarde("jaar"))
        self.fields["jaar"].error_messages["invalid_choice"] = (
            gekozen is not None and regels.jaar_fout(gekozen, eerste=eerste_jaar, vandaag=self.vandaag)
        ) or regels.JAAR_BUITEN_BEREIK.format(eerste=eerste_jaar, laatste=self.vandaag.year)
        if self.instance.pk:
            self.initial["melder_is_beklaagde"] = {True: "ja", False: "nee"}.get(
                self.instance.melder_is_beklaagde, ""
            )
            self.initial.setdefault("versie", self.instance.versie)
        self.jaar_getoond = self._getoond_jaar(jaren)
        for naam, model in OPTIEMODELLEN.items():
            veld = self.fields[naam]
            veld.queryset = model.objects.all()
            veld.empty_label = KIES
            veld.error_messages["required"] = regels.VERPLICHT
            if naam == "subcategorie":
                veld.widget.choices = subcategorie_keuzes(
                    jaar=self.jaar_getoond, hoofdcategorie_id=_als_getal(self._waarde("hoofdcategorie"))
                )
            else:
                veld.widget.choices = [
                    ("", KIES),
                    *((o.pk, o.label) for o in keuzelijsten.opties_in_jaar(model, jaar=self.jaar_getoond)),
                ]
        # Without JavaScript the form still works: the server checks every choice against the year.
        self.fields["jaar"].widget.attrs.update(
            {
                "hx-post": reverse("vertrouwenspersonen:velden"),
                "hx-trigger": "change",
                "hx-target": "#tellijst-velden",
                "hx-swap": "outerHTML",
            }
        )
        self.fields["hoofdcategorie"].widget.attrs.update(
            {
                "hx-get": reverse("vertrouwenspersonen:subcategorieen"),
                "hx-trigger": "change",
                "hx-target": "#id_subcategorie",
                "hx-include": "#id_jaar",
                "hx-swap": "innerHTML",
            }
        )
        if self.jaar_getoond < JAAR_MELDER_IS_BEKLAAGDE:
            self.fields["melder_is_beklaagde"].widget.choices = BEKLAAGDE_NIET_VAN_TOEPASSING

    @property
    def veldfouten(self) -> bool:
        """Errors at a field (a conflict or a closed year is about the whole form, no field is marked)."""
        return any(naam != NON_FIELD_ERRORS for naam in self.errors)

    def focus_zetten(self) -> None:
        """Put the cursor where typing starts: the first field with an error, else the first field of
        the next row that is still empty (the onderdeel on a first row, then the hoofdcategorie)."""
        met_fout = [naam for naam in self.Meta.fields if naam in self.errors]
        if met_fout:
            naam = met_fout[0]
        else:
            naam = next((n for n in VELDEN_DIE_WISSELEN if not self._waarde(n)), VELDEN_DIE_WISSELEN[-1])
        self.fields[naam].widget.attrs["autofocus"] = True

    def _waarde(self, naam):
        if self.is_bound:
            return self.data.get(self.add_prefix(naam))
        waarde = self.initial.get(naam, self.fields[naam].initial)
        return getattr(waarde, "pk", waarde)

    def _getoond_jaar(self, jaren: list[int]) -> int:
        jaar = _als_getal(self._waarde("jaar"))
        return jaar if jaar in jaren else jaren[0]

    def clean(self):
        gegevens = super().clean()
        jaar = gegevens.get("jaar")
        if jaar is None:
            return gegevens
        fouten = regels.fouten_in_rij(
            jaar=jaar,
            kwartaal=gegevens.get("kwartaal"),
            melder_is_beklaagde=gegevens.get("melder_is_beklaagde"),
            eerste_jaar=self.eerste_jaar,
            vandaag=self.vandaag,
            **{veld: gegevens.get(veld) for veld in OPTIEVELDEN},
        )
        for veld, melding in fouten.items():
            if veld not in self.errors:
                self.add_error(veld, melding)
        return gegevens

    def velden(self) -> dict:
        """The cleaned values as keyword arguments for adviesvraag_toevoegen / adviesvraag_wijzigen."""
        return {naam: self.cleaned_data[naam] for naam in self.Meta.fields}


class BijwerkenForm(forms.Form):
    """The quick update of an open row: only afdoening and situatie, options of the row's year.

    Two small lists in a table cell (_rij.html renders them by hand: crispy's field wrapper is too
    tall for a row), so the form sets Bootstrap's classes itself.
    """

    wijze_van_afdoening = forms.ModelChoiceField(
        label="Wijze van afdoening", queryset=ref.WijzeVanAfdoening.objects.all(), empty_label=None
    )
    situatie = forms.ModelChoiceField(
        label="Situatie na interventie", queryset=ref.SituatieNaInterventie.objects.all(), empty_label=None
    )
    versie = versieveld()

    def __init__(self, *args, adviesvraag: Adviesvraag, opties: dict | None = None, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "wijze_van_afdoening": adviesvraag.wijze_van_afdoening_id,
                "situatie": adviesvraag.situatie_id,
                "versie": adviesvraag.versie,
            },
        )
        kwargs.setdefault("prefix", f"a{adviesvraag.pk}")
        super().__init__(*args, **kwargs)
        self.adviesvraag = adviesvraag
        for naam in ("wijze_van_afdoening", "situatie"):
            lijst = opties[naam] if opties else keuzelijsten.opties(OPTIEMODELLEN[naam])
            self.fields[naam].widget.choices = [
                (o.pk, o.label) for o in lijst if o.in_gebruik(adviesvraag.jaar)
            ]
            self.fields[naam].widget.attrs["class"] = "form-select form-select-sm"

    def full_clean(self):
        super().full_clean()
        for naam in self.errors:
            if naam in self.fields:
                attrs = self.fields[naam].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()


class UploadForm(ImportUploadForm):
    bestandslabel = "Tellijst (.xlsx of .csv)"
    uitleg = "Eén kopregel met de kolommen van het sjabloon; CSV met komma of puntkomma, UTF-8."


class FilterForm(forms.Form):
    zoekformulier = True  # every filter is optional: no '(optioneel)' beside each
    jaar = forms.TypedChoiceField(label="Jaar", coerce=int, required=False, empty_value=None)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[
            ("", "Alle"),
            (OPEN, "Open (loopt nog)"),
            (GESLOTEN, "Gesloten"),
            (OPEN_BIJ_SLUITING, "Liep nog bij sluiting"),
        ],
    )

    kenmerk = forms.RegexField(
        label="Kenmerk",
        required=False,
        regex=r"^\s*[0-9A-Fa-f]{8}\s*$",
        strip=True,
        error_messages={
            "invalid": "Een kenmerk heeft 8 tekens: cijfers en de letters A tot en met F, zoals 1A2B3C4D."
        },
    )

    def __init__(self, *args, jaren: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].choices = [("", "Alle jaren"), *((j, str(j)) for j in jaren)]


# --- Register ----------------------------------------------------------------------------------------


class PeildatumForm(forms.Form):
    peildatum = forms.DateField(label="Peildatum", widget=DatumInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


class ProfielForm(forms.ModelForm):
    versie = versieveld()

    class Meta:
        model = VertrouwenspersoonProfiel
        fields = list(PROFIELVELDEN)
        widgets = {
            "in_functie_sinds": DatumInput(),
            "uit_functie_per": DatumInput(),
            "coordinerend_sinds": DatumInput(),
        }

    def __init__(self, *args, **kwargs):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        from finintegriteit.kern.rollen import VERTROUWENSPERSOON

        super().__init__(*args, **kwargs)
        # Accounts of vertrouwenspersonen that no other profile uses yet.
        vrij = Q(vertrouwenspersoon_profiel__isnull=True)
        if self.instance.pk and self.instance.gebruiker_id:
            vrij |= Q(pk=self.instance.gebruiker_id)
        self.fields["gebruiker"].queryset = (
            get_user_model().objects.filter(groups__name=VERTROUWENSPERSOON).filter(vrij).order_by("username")
        )
        self.fields["gebruiker"].empty_label = "Geen account"
        self.fields["onderdeel"].empty_label = KIES
        self.fields["naam"].widget.attrs["autofocus"] = True
        if self.instance.pk:
            self.initial.setdefault("versie", self.instance.versie)

    def clean(self):
        from .services import profielfouten

        gegevens = super().clean()
        for veld, melding in profielfouten(**gegevens).items():
            if veld in self.fields and veld not in self.errors:
                self.add_error(veld, melding)
        return gegevens


class NieuwProfielForm(ProfielForm):
    versie = None  # a new profile has no earlier version to compare with
    status = forms.ChoiceField(label="Certificeringsstatus", choices=Certificeringsstatus.Status.choices)
    status_vanaf = forms.DateField(
        label="Status vanaf",
        widget=DatumInput(),
        help_text="Bij LVV-registervertrouwenspersoon de datum van certificering.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe status", choices=Certificeringsstatus.Status.choices)
    vanaf = forms.DateField(
        label="Vanaf", widget=DatumInput(), help_text="Bij (her)certificering: de datum van certificering."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
