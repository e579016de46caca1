import re

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe

from .inlogbeveiliging import account_wachttijd
from .opmaak import attributen, escapen

DATUM_HULP = "dd-mm-jjjj"

CODE_ONGELDIG = "Vul de zes cijfers in die uw authenticator-app nu toont."
CODE_ONJUIST = (
    "Deze code klopt niet of is al gebruikt. Wacht op de volgende code in uw authenticator-app "
    "en probeer het opnieuw."
)
CODE_WACHTEN = "Te veel onjuiste codes achter elkaar. Wacht een halve minuut en probeer het opnieuw."


class TotpCodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        help_text="De zes cijfers die uw authenticator-app nu toont voor FinIntegriteit.",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "spellcheck": "false",
            }
        ),
        error_messages={"required": CODE_ONGELDIG},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if len(code) != 6 or not code.isascii() or not code.isdigit():
            raise forms.ValidationError(CODE_ONGELDIG)
        return code


ACTIVERINGSCODE_ONJUIST = (
    "Deze activeringscode klopt niet, is verlopen of al gebruikt. Controleer de code of vraag de "
    "functioneel beheerder om een nieuwe."
)


class ActiveringscodeForm(forms.Form):
    activeringscode = forms.CharField(
        label="Activeringscode",
        help_text=(
            "De code van twaalf tekens die u van de functioneel beheerder kreeg, bijvoorbeeld ABCD-EFGH-JKMN."
        ),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True, "spellcheck": "false"}),
        error_messages={"required": ACTIVERINGSCODE_ONJUIST},
    )


ACCOUNT_WACHT = (
    "Voor dit account zijn vanaf verschillende adressen te veel onjuiste wachtwoorden geprobeerd. "
    "Probeer het over {minuten} minuten opnieuw; elke poging in de tussentijd verlengt de wachttijd. "
    "Niet zelf geprobeerd? Meld het bij de functioneel beheerder."
)


class InlogForm(AuthenticationForm):
    """Django's login form, saying so when the account must wait (whatever the password was)."""

    def clean(self):
        try:
            return super().clean()
        except ValidationError:
            wachttijd = account_wachttijd(gebruikersnaam=self.cleaned_data.get("username", ""))
            if wachttijd is not None:
                minuten = max(1, round(wachttijd.total_seconds() / 60))
                raise ValidationError(ACCOUNT_WACHT.format(minuten=minuten), code="account_wacht") from None
            raise


# --- Dates: one widget on every form ----------------------------------------------------------------


class DatumInput(forms.DateInput):
    """A text field in dd-mm-jjjj: predictable in every browser, and what the users type in spreadsheets."""

    def __init__(self, **attrs):
        super().__init__(
            format="%d-%m-%Y",
            attrs={"placeholder": DATUM_HULP, "inputmode": "numeric", "autocomplete": "off", **attrs},
        )


def datumveld(label: str, *, required: bool = True, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DatumInput(**kwargs.pop("attrs", {})),
        help_text=kwargs.pop("help_text", f"Als {DATUM_HULP}."),
        error_messages={"invalid": f"Vul een geldige datum in als {DATUM_HULP}."},
        **kwargs,
    )


# --- Counts as people write them ---------------------------------------------------------------------


class AantalVeld(forms.IntegerField):
    """A whole number that may be written with Dutch thousands points, as in the report: 41.069.

    Only complete groups of three count as thousands: '41.5' or '41,5' is refused with a message
    that says why, instead of being read as 415.
    """

    default_error_messages = {
        "invalid": "Vul een geheel getal in, zonder komma; een punt mag alleen tussen groepen van drie "
        "cijfers staan, zoals 41.069.",
    }
    DUIZENDTALLEN = re.compile(r"\d{1,3}(\.\d{3})+")

    def to_python(self, value):
        if isinstance(value, str) and self.DUIZENDTALLEN.fullmatch(value.strip()):
            value = value.strip().replace(".", "")
        return super().to_python(value)


# --- Choice lists on the busiest pages ---------------------------------------------------------------


class Keuzelijst(forms.Select):
    """Django's <select> markup, built in Python instead of with a template per option.

    The template renderer costs about 25 µs per option; the werkvoorraad's filter bar has some 80 options
    and is the page analists open most (docs/prestaties.md, 'Werkvoorraad'). The markup is the same as
    Django's select.html, option.html and attrs.html give.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groepen = "".join(self._groep(naam, opties) for naam, opties, _ in widget["optgroups"])
        select = f'<select name="{escapen(widget["name"])}"{attributen(widget["attrs"])}>{groepen}</select>'
        return mark_safe(select)  # noqa: S308 (every value in it went through escapen)

    @staticmethod
    def _groep(naam, opties) -> str:
        html = "".join(
            f'<option value="{escapen(o["value"])}"{attributen(o["attrs"])}>{escapen(o["label"])}</option>'
            for o in opties
        )
        return f'<optgroup label="{escapen(naam)}">{html}</optgroup>' if naam else html
