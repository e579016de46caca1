"""Two analists save the same afdoening at the same moment (PostgreSQL, two connections)."""

import datetime
import threading

import pytest

from afdoeningen.models import Afdoening
from afdoeningen.services import afdoening_vastleggen
from finintegriteit.kern.vergrendeling import VersieConflict
from finintegriteit.referentie.models import AfdoeningType, SchendingSoort
from tests.bouwstenen.draden import tegelijk
from tests.factories import optie


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("bestaand", [False, True], ids=["nieuwe afdoening", "bestaande afdoening"])
def test_van_twee_gelijktijdige_opslagen_wordt_de_tweede_geweigerd(maak_melding, analist, bestaand):
    betrokkene = maak_melding().betrokkenen.get()
    gegevens = {
        "schending": optie(SchendingSoort, "ongewenste-omgangsvormen"),
        "type": optie(AfdoeningType, "corrigerend-gesprek"),
        "datum": datetime.date(2024, 5, 1),
        "aangetoond": True,
    }
    if bestaand:
        afdoening_vastleggen(
            betrokkene=betrokkene, door=analist, versie=0, inhoud="Eerste versie.", **gegevens
        )
    versie = 1 if bestaand else 0
    start = threading.Barrier(2)
    gelukt, conflicten = [], []

    def opslaan(inhoud: str):
        start.wait(timeout=10)
        try:
            afdoening_vastleggen(
                betrokkene=betrokkene, door=analist, versie=versie, inhoud=inhoud, **gegevens
            )
            gelukt.append(inhoud)
        except VersieConflict:
            conflicten.append(inhoud)

    assert tegelijk(opslaan, ("Versie A.", "Versie B.")) == []
    assert len(gelukt) == 1 and len(conflicten) == 1
    afdoening = Afdoening.objects.get()
    # The first save stands; nothing was silently overwritten.
    assert afdoening.inhoud == gelukt[0]
    assert afdoening.versie == versie + 1
