"""Notes on a case. Append-only: there is no change or delete, a correction is a new note."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from finintegriteit.kern.models import AuditRegel
from finintegriteit.kern.services.audit import audit_vastleggen

from ..models import Aantekening, Melding
from . import fouten
from .status import stap_datum_controleren, terugdateren

MAX_LENGTE = 5000


def aantekening_toevoegen(
    *,
    melding: Melding,
    door,
    tekst: str,
    corrigeert: Aantekening | None = None,
    gebeurd_op: datetime.datetime | None = None,
) -> Aantekening:
    """Add a note to an open case; `corrigeert` is the earlier note of the same case that it corrects.
    `gebeurd_op`: for demo data and imports only, as in melding_status_wijzigen.

    The melding row is locked, so that a note cannot slip in after the case was set to Afgedaan.
    """
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": fouten.AANTEKENING_LEEG})
    if len(tekst) > MAX_LENGTE:
        raise ValidationError({"tekst": fouten.AANTEKENING_TE_LANG.format(max=MAX_LENGTE)})
    with transaction.atomic():
        huidig = Melding.objects.select_for_update().get(pk=melding.pk)
        if huidig.is_afgedaan:
            raise ValidationError(fouten.MELDING_AFGEDAAN)
        if corrigeert is not None and corrigeert.melding_id != melding.pk:
            raise ValidationError({"corrigeert": fouten.AANTEKENING_ANDERE_MELDING})
        if gebeurd_op is not None:
            stap_datum_controleren(huidig, gebeurd_op)
        aantekening = Aantekening.objects.create(
            melding=huidig, door=door, tekst=tekst, corrigeert=corrigeert
        )
        gedateerd = terugdateren(aantekening, gebeurd_op)
        audit_vastleggen(
            gebruiker=door,
            actie=AuditRegel.Actie.AANGEMAAKT,
            object=aantekening,
            velden=["tekst", *(["corrigeert"] if corrigeert else []), *gedateerd],
        )
    return aantekening
