"""What the import pages of the apps share: the confirmation, the refresh after the worker, the template.

Each app keeps its own views (its URLs, its access check, its preview); these are the steps that must
behave the same on every import page.
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponse

from ..models import Importbestand
from . import services
from .forms import BevestigForm

SOORT_VAN_EXTENSIE = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def bevestigen(request, importbestand: Importbestand) -> tuple[Importbestand, BevestigForm]:
    """Confirm the import as the posted BevestigForm asks; returns the row and the form.

    A file that was imported before is refused on the form itself, so the page can ask again with
    'opnieuw' to tick: the row then comes back as it was and the form has the error (409 for the page).
    Any other refusal is raised as ValidationError; `services.weigering` gives its text.
    """
    form = BevestigForm(request.POST)
    form.is_valid()
    try:
        importbestand = services.importbestand_bevestigen(
            importbestand=importbestand, door=request.user, opnieuw=form.cleaned_data.get("opnieuw", False)
        )
    except ValidationError as fout:
        if fout.code != "al_geimporteerd":
            raise
        form.add_error("opnieuw", services.weigering(fout))
    return importbestand, form


def pagina_verversen() -> HttpResponse:
    """The answer to the progress poll once the worker is done: htmx reloads the whole page."""
    antwoord = HttpResponse(status=204)
    antwoord["HX-Refresh"] = "true"
    return antwoord


def sjabloon_downloaden(inhoud: bytes, *, naam: str) -> HttpResponse:
    """A template file as a download; the content type follows from the extension of `naam`."""
    antwoord = HttpResponse(inhoud, content_type=SOORT_VAN_EXTENSIE[naam.rsplit(".", 1)[-1]])
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord
