"""Forms of the meldkanaal, in words for an employee rather than for an analist."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone

from finintegriteit.kern.teksten import KIES
from finintegriteit.referentie.models import Onderdeel, SchendingSoort
from finintegriteit.referentie.selectors import opties_in_jaar

from ..bestandssoort import TOEGESTAAN
from ..models import Bericht

ANONIEM, MET_NAAM = "anoniem", "naam"
NAAM_BIJ_ANONIEM = (
    "U koos voor anoniem melden, maar vulde ook gegevens over uzelf in. Kies ‘Ja, OIF mag weten wie ik "
    "ben’ als OIF ze mag hebben, of maak de velden over uzelf leeg: bij anoniem melden bewaart OIF ze niet."
)
MAIL_ZONDER_ADRES = "Vul een e-mailadres in als u bericht per e-mail wilt, of zet het vinkje uit."
MAIL_ONGELDIG = (
    "Dit e-mailadres kunnen we niet gebruiken. Controleer het (letters met accenten en spaties kunnen "
    "niet), of zet het vinkje uit."
)


# A work mailbox is seen by others (delegates, the mail gateway, the employer's administrators).
CONTACT_UITLEG = (
    "Geef liever een privé-e-mailadres of privénummer dan uw werkadres: anderen kunnen soms meekijken "
    "in uw werkmail."
)


class MeerdereBestanden(forms.FileInput):
    allow_multiple_selected = True


class BijlagenField(forms.FileField):
    """Zero or more files in one field; each is checked by the documents service."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MeerdereBestanden(attrs={"accept": ",".join(TOEGESTAAN)}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        bestanden = data if isinstance(data, list | tuple) else [data]
        return [super(BijlagenField, self).clean(b, initial) for b in bestanden if b]


def bijlagen_veld() -> BijlagenField:
    return BijlagenField(
        label="Bestanden meesturen",
        help_text=f"Foto's, PDF's, documenten of e-mails; hoogstens {settings.MELDKANAAL_MAX_BIJLAGEN} "
        f"tegelijk en samen hoogstens {settings.DOCUMENT_MAX_BYTES // (1024 * 1024)} MB. Welke verborgen "
        "gegevens we eruit halen, staat in het kader ‘Verborgen gegevens in bestanden’.",
    )


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
        label="Wie zijn erbij betrokken?",
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
    naam = forms.CharField(
        label="Uw naam", required=False, max_length=200, help_text="Alleen als u hierboven ‘Ja’ kiest."
    )
    contact = forms.CharField(
        label="Hoe kan OIF u bereiken? (e-mailadres of telefoonnummer)",
        help_text=f"Alleen als u hierboven ‘Ja’ kiest. {CONTACT_UITLEG}",
        required=False,
        max_length=300,
    )
    bericht_per_email = forms.BooleanField(
        label="Stuur mij een e-mail als OIF mij een bericht stuurt (de e-mail zegt alleen 'U hebt een "
        "nieuw bericht', zonder link)",
        required=False,
        help_text="Alleen als u hierboven ‘Ja’ kiest: een e-mailadres zegt wie u bent. Meldt u anoniem, "
        "dan leest u de berichten van OIF met uw ontvangstcode.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        jaar = timezone.localdate().year
        self.fields["onderwerp"].queryset = opties_in_jaar(SchendingSoort, jaar=jaar)
        self.fields["dienstonderdeel"].queryset = opties_in_jaar(Onderdeel, jaar=jaar)
        self.fields["bijlagen"] = bijlagen_veld()
        self.order_fields(["onderwerp", "omschrijving", "dienstonderdeel", "betrokkenen", "bijlagen"])

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("wijze") == MET_NAAM and not (gegevens.get("naam") or "").strip():
            raise ValidationError({"naam": "Vul uw naam in, of kies voor anoniem melden."})
        if gegevens.get("wijze") == ANONIEM:
            # Anonymous is the default: a melder who types her name without noticing the choice must
            # not find out later that OIF never had it. Asked, not silently dropped (and not kept).
            for veld in ("naam", "contact", "bericht_per_email"):
                if gegevens.get(veld) and str(gegevens[veld]).strip():
                    raise ValidationError({veld: NAAM_BIJ_ANONIEM})
        elif gegevens.get("bericht_per_email"):
            adres = (gegevens.get("contact") or "").strip()
            try:
                validate_email(adres)
            except ValidationError:
                # A phone number is no e-mail address given; 'petra.privé@…' is one we cannot use.
                raise ValidationError(
                    {"contact": MAIL_ONGELDIG if "@" in adres else MAIL_ZONDER_ADRES}
                ) from None
        return gegevens


class AanvullingForm(forms.Form):
    tekst = forms.CharField(
        label="Uw aanvulling of antwoord",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Een tekst, een of meer bestanden, of allebei.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bijlagen"] = bijlagen_veld()


class BerichtForm(forms.Form):
    """The analist's message to the melder, on the case page (prefixed: the note form has a 'tekst' too)."""

    prefix = "bericht"

    tekst = forms.CharField(
        label="Bericht aan de melder",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="De melder leest het met de ontvangstcode. Schrijf niets wat de melder niet mag weten.",
        error_messages={"required": "Schrijf een bericht."},
    )
    soort = forms.ChoiceField(
        label="Dit bericht is",
        choices=Bericht.Soort.choices,
        initial=Bericht.Soort.BERICHT,
        widget=forms.RadioSelect,
        help_text="Als ontvangstbevestiging of terugkoppeling legt het versturen ook die datum vast op de "
        "Termijnen-pagina.",
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Uw ontvangstcode",
        max_length=60,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
        error_messages={"required": "Vul uw ontvangstcode in."},
    )
