"""Optimistic locking: a change is written only if the row still has the version the user saw."""

from django.db import models
from django.db.models import F

from finintegriteit.kern.signalen import bulk_gewijzigd

from .fouten import VersieConflict


def bijwerken_met_versie(instantie: models.Model, *, versie: int, velden: dict) -> None:
    """UPDATE ... SET <velden>, versie = versie + 1 WHERE pk = <pk> AND versie = <versie>.

    No row changed means someone saved in between: refuse, and leave their change standing.
    On success the instance carries the new values and version.
    """
    aantal = (
        type(instantie)
        .objects.filter(pk=instantie.pk, versie=versie)
        .update(**velden, versie=F("versie") + 1)
    )
    if aantal != 1:
        raise VersieConflict()
    bulk_gewijzigd.send(sender=type(instantie))
    for naam, waarde in velden.items():
        setattr(instantie, naam, waarde)
    instantie.versie = versie + 1
