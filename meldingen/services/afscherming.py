"""Need to know: an afgeschermde melding exists only for its behandelaar and the teamleider.

Who sees what is decided in one place, selectors.zichtbaar_q; this module only changes the mark.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen
from finintegriteit.kern.vergrendeling import VersieConflict, bijwerken_met_versie

from ..models import Melding
from ..selectors import mag_afscherming_wijzigen
from . import fouten


def melding_afscherming_wijzigen(
    *, melding: Melding, door, afgeschermd: bool, reden: str, versie: int
) -> Melding:
    """Mark a melding afgeschermd or lift the mark, with a reason, in the audit trail.

    Allowed also on a closed case: need to know does not end with the case. Marking also shields the
    meldingen marked as its duplicates, which are about the same matter and name it.
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
        bijwerken_met_versie(melding, versie=versie, velden={"afgeschermd": afgeschermd})
        audit_vastleggen(
            gebruiker=door,
            actie=AuditRegel.Actie.GEWIJZIGD,
            object=melding,
            velden=["afgeschermd"],
            reden=reden,
        )
        if afgeschermd:
            for duplicaat in Melding.objects.select_for_update().filter(
                duplicaat_van=melding, afgeschermd=False
            ):
                bijwerken_met_versie(duplicaat, versie=duplicaat.versie, velden={"afgeschermd": True})
                audit_vastleggen(
                    gebruiker=door,
                    actie=AuditRegel.Actie.GEWIJZIGD,
                    object=duplicaat,
                    velden=["afgeschermd"],
                    reden=f"Duplicaat van {melding.nummer}: {reden}",
                )
    return melding
