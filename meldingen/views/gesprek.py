"""The conversation with the melder on the case page of a melding from the meldkanaal (reads only)."""

from ..meldkanaal.forms import BerichtForm
from ..meldkanaal.selectors import berichten_van
from ..models import Melding


def gesprek_met_melder(melding: Melding, form: BerichtForm | None = None) -> dict | None:
    """The messages and the form for a new one; None for a melding the melder cannot follow online."""
    if melding.kanaal != Melding.Kanaal.MELDKANAAL:
        return None
    return {
        "berichten": list(berichten_van(melding=melding)),
        "form": None if melding.is_afgedaan else form or BerichtForm(),
    }
