"""Re-seal what a melder told us with the current MELDER_SLEUTEL (meldingen.versleuteling)."""

from django.db import transaction
from django.db.models import F, TextField
from django.db.models.functions import Cast

from ..models import MelderContact, MelderIdentiteit
from ..versleuteling import met_huidige_sleutel

# Every sealed field, per table: what a key rotation has to re-seal.
VERZEGELD = {MelderIdentiteit: ("naam", "contact"), MelderContact: ("toelichting",)}


def melders_hersleutelen() -> int:
    """After a key rotation (the old key in MELDER_VORIGE_SLEUTEL): seal every stored value that is not
    sealed with the current key with that key; returns the rows changed. Values written before sealing
    existed are sealed too. Running it twice changes nothing the second time. The rows' `versie` stays:
    an open form still saves."""
    gewijzigd = 0
    with transaction.atomic():
        for model, velden in VERZEGELD.items():
            # As stored: a Cast to plain text skips the field's opening of the value.
            opgeslagen = model.objects.select_for_update().annotate(
                **{f"_{veld}": Cast(F(veld), TextField()) for veld in velden}
            )
            for rij in opgeslagen:
                if all(met_huidige_sleutel(getattr(rij, f"_{veld}")) for veld in velden):
                    continue
                model.objects.filter(pk=rij.pk).update(**{veld: getattr(rij, veld) for veld in velden})
                gewijzigd += 1
    return gewijzigd
