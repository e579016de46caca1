"""Need to know: an afgeschermde melding exists only for its behandelaar and the teamleider.

Who sees what is decided in one place, selectors.zichtbaar_q; this module only changes the mark.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from finintegriteit.kern.vergrendeling import VersieConflict

from ..models import Melding
from ..selectors import mag_afscherming_wijzigen
from . import fouten
from .vergrendeling import wijzigen_met_audit


def melding_afscherming_wijzigen(
    *, melding: Melding, door, afgeschermd: bool, reden: str, versie: int
) -> Melding:
    """Mark a melding afgeschermd or lift the mark, with a reason, in the audit trail.

    Allowed also on a closed case: need to know does not end with the case. Marking also shields the
    meldingen marked as its duplicates, which are about the same matter and name it; for that reason a
    duplicate stays shielded as long as its original is.
    """
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": fouten.REDEN_VERPLICHT})
    with transaction.atomic():
        huidig = Melding.objects.select_for_update().get(pk=melding.pk)
        if not mag_afscherming_wijzigen(gebruiker=door, melding=huidig):
            raise PermissionDenied(fouten.AFSCHERMING_GEEN_RECHT)
        if huidig.versie != versie:
            raise VersieConflict()
        if huidig.afgeschermd == afgeschermd:
            stand = "afgeschermd" if afgeschermd else "niet afgeschermd"
            raise ValidationError(fouten.AFSCHERMING_ONGEWIJZIGD.format(stand=stand))
        if not afgeschermd and (bezwaar := bezwaar_tegen_opheffen(melding=huidig)):
            raise ValidationError(bezwaar)
        velden = {"afgeschermd": afgeschermd}
        wijzigen_met_audit(
            melding, door=door, versie=versie, velden=velden, gewijzigd=list(velden), reden=reden
        )
        if afgeschermd:
            for duplicaat in Melding.objects.select_for_update().filter(
                duplicaat_van=melding, afgeschermd=False
            ):
                wijzigen_met_audit(
                    duplicaat,
                    door=door,
                    versie=duplicaat.versie,
                    velden=velden,
                    gewijzigd=list(velden),
                    reden=f"Duplicaat van {melding.nummer}: {reden}",
                )
    return melding


def bezwaar_tegen_opheffen(*, melding: Melding) -> str | None:
    """Why the shield of this melding cannot be lifted now, in the words of the refusal; None if it can.

    The page says it before the reason is typed, so nobody writes one in vain.
    """
    origineel = melding.duplicaat_van
    if origineel is not None and origineel.afgeschermd:
        return fouten.AFSCHERMING_ORIGINEEL_AFGESCHERMD.format(nummer=origineel.nummer)
    return None
