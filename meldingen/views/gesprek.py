"""The conversation with the melder on the case page of a melding from the meldkanaal (reads only)."""

from ..meldkanaal.forms import BerichtForm
from ..meldkanaal.selectors import berichten_van
from ..models import Bericht, Melding


def gesprek_met_melder(melding: Melding, form: BerichtForm | None = None) -> dict | None:
    """The messages and the form for a new one; None for a melding the melder cannot follow online."""
    if melding.kanaal != Melding.Kanaal.MELDKANAAL:
        return None
    berichten = list(berichten_van(melding=melding))
    return {
        "berichten": berichten,
        "form": None if melding.is_afgedaan else form or BerichtForm(),
        "heropening_niet_gemeld": not melding.is_afgedaan
        and _heropend_na_laatste_bericht(melding, berichten),
    }


def _heropend_na_laatste_bericht(melding: Melding, berichten: list[Bericht]) -> bool:
    """Reopened since OIF last wrote: the melder reads the new status next to a message that said the
    case was closed. Both times are OIF's own, exact (only the melder's messages carry just the day)."""
    heropend = (
        melding.statusovergangen.filter(heropend=True).order_by("-op").values_list("op", flat=True).first()
    )
    if heropend is None:
        return False
    laatste = max((b.op for b in berichten if b.richting == Bericht.Richting.AAN_MELDER), default=None)
    return laatste is None or laatste < heropend
