"""The audit row of a search in the werkvoorraad."""

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen

from ..models import Melding
from ..zoeken import Zoekterm

OBJECT_TYPE = "zoekopdracht"


def zoekopdracht_vastleggen(
    *, door, term: Zoekterm, aantal: int, getoond: list[Melding], meer: bool = False
) -> None:
    """Who searched, for what kind of term, with how many hits (`meer`: more than `aantal`), and which
    meldingen the result page showed (`getoond`).

    The term itself only when it is a meldingsnummer (`Zoekterm.in_audittrail`): the audit
    trail must not become a list of the people analists looked up. `velden` names what was compared,
    and, as in every 'bekeken' row, the objects shown ('melding:12'): which cases a search revealed
    is recorded, the name that found them is not.
    """
    audit_vastleggen(
        gebruiker=door,
        actie=AuditRegel.Actie.BEKEKEN,
        object_type=OBJECT_TYPE,
        object_id=term.tekst[:40] if term.in_audittrail else "",
        velden=list(term.soorten),
        getoond=getoond,
        reden=f"meer dan {aantal} treffers" if meer else f"{aantal} treffer{'' if aantal == 1 else 's'}",
    )
