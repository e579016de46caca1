"""The conversation with the melder on the case page of a melding from the meldkanaal (reads only)."""

import datetime

from ..meldkanaal.forms import BerichtForm
from ..meldkanaal.selectors import berichten_van
from ..models import Bericht, Melding


def gesprek_met_melder(
    melding: Melding, form: BerichtForm | None = None, *, heropend_op: datetime.datetime | None = None
) -> dict | None:
    """The messages and the form for a new one; None for a melding the melder cannot follow online.

    `heropend_op` is the last reopening, which the case page already has in its timeline.
    """
    if melding.kanaal != Melding.Kanaal.MELDKANAAL:
        return None
    berichten = list(berichten_van(melding=melding))
    open_ = not melding.is_afgedaan
    # Both times are OIF's own and exact (only the melder's messages carry just the day).
    laatste_van_oif = max(
        (b.op for b in berichten if b.richting == Bericht.Richting.AAN_MELDER), default=None
    )
    return {
        "berichten": berichten,
        "form": (form or BerichtForm()) if open_ else None,
        # The melder wrote last: by the order written, as the werkvoorraad's badge counts it.
        "melder_wacht": open_ and bool(berichten) and berichten[-1].richting == Bericht.Richting.VAN_MELDER,
        # Reopened since OIF last wrote: she reads the new status beside a message that the case was closed.
        "heropening_niet_gemeld": open_
        and heropend_op is not None
        and (laatste_van_oif is None or laatste_van_oif < heropend_op),
    }
