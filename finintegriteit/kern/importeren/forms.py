"""The two forms every import shows: the upload, and the confirmation."""

from django import forms

from . import berichten
from .bestand import lees_upload
from .fouten import BestandFout


class UploadForm(forms.Form):
    """A file field whose cleaning reads the upload within the limits (`self.upload` afterwards).

    An import names its file and says what goes in it by setting `bestandslabel` and `uitleg`.
    """

    bestandslabel = "Bestand (.xlsx of .csv)"
    uitleg = ""
    cursor_op_bestand = False

    bestand = forms.FileField(
        error_messages={"empty": berichten.LEEG, "required": "Kies een bestand."},
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        veld = self.fields["bestand"]
        veld.label, veld.help_text = self.bestandslabel, self.uitleg
        if self.cursor_op_bestand:
            veld.widget.attrs["autofocus"] = True

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        try:
            self.upload = lees_upload(bestand)
        except BestandFout as fout:
            raise forms.ValidationError(str(fout)) from None
        return bestand


class BevestigForm(forms.Form):
    opnieuw = forms.BooleanField(
        required=False,
        label="Ja, dit bestand is al eerder geïmporteerd en ik wil het bewust nog een keer importeren.",
    )
