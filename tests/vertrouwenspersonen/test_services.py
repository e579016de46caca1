"""The services of the Tellijst enforce the rules and the ownership themselves, whoever calls them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from finintegriteit.referentie import models as ref
from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.factories import AdviesvraagFactory, gesloten, optie
from vertrouwenspersonen import regels
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.pseudoniem import pseudoniem_van
from vertrouwenspersonen.services import (
    ALLEEN_EIGEN_RIJ,
    ALLEEN_VERTROUWENSPERSOON,
    adviesvraag_toevoegen,
    adviesvraag_verwijderen,
    adviesvraag_wijzigen,
)

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]


def velden(**anders):
    return {
        "jaar": 2024,
        "kwartaal": 3,
        "onderdeel": optie(ref.Onderdeel, "anders"),
        "hoofdcategorie": optie(ref.Hoofdcategorie, "misdragingen-in-privesfeer"),
        "subcategorie": optie(ref.Subcategorie, "7-overig"),
        "wie_betreft": optie(ref.WieBetreft, "melder-zelf"),
        "wijze_van_afdoening": optie(ref.WijzeVanAfdoening, "loopt-nog"),
        "situatie": optie(ref.SituatieNaInterventie, "loopt-nog"),
        **anders,
    }


def test_adviesvraag_toevoegen_legt_de_rij_vast_op_naam_van_de_vertrouwenspersoon(vertrouwenspersoon):
    vraag = adviesvraag_toevoegen(vertrouwenspersoon=vertrouwenspersoon, **velden())
    assert Adviesvraag.objects.get() == vraag
    assert vraag.pseudoniem == pseudoniem_van(vertrouwenspersoon)
    assert vraag.evaluatielink == Adviesvraag.Evaluatielink.NIET_AANGEGEVEN


def test_overig_van_een_andere_hoofdcategorie_wordt_geweigerd(vertrouwenspersoon):
    with pytest.raises(ValidationError) as fout:
        adviesvraag_toevoegen(
            vertrouwenspersoon=vertrouwenspersoon, **velden(subcategorie=optie(ref.Subcategorie, "8-overig"))
        )
    assert fout.value.message_dict == {
        "subcategorie": [
            regels.SUBCATEGORIE_ANDERE_HOOFDCATEGORIE.format(
                subcategorie="Overig", hoofdcategorie="Misdragingen in privésfeer"
            )
        ]
    }


def test_melder_is_beklaagde_pas_vanaf_2025(vertrouwenspersoon):
    with pytest.raises(ValidationError) as fout:
        adviesvraag_toevoegen(vertrouwenspersoon=vertrouwenspersoon, **velden(melder_is_beklaagde=True))
    assert "melder_is_beklaagde" in fout.value.message_dict
    vraag = adviesvraag_toevoegen(
        vertrouwenspersoon=vertrouwenspersoon, **velden(jaar=2025, kwartaal=1, melder_is_beklaagde=True)
    )
    assert vraag.melder_is_beklaagde is True


def test_alleen_een_vertrouwenspersoon_voegt_toe(coordinator):
    with pytest.raises(PermissionDenied, match=ALLEEN_VERTROUWENSPERSOON):
        adviesvraag_toevoegen(vertrouwenspersoon=coordinator, **velden())
    assert not Adviesvraag.objects.exists()


def test_een_ander_wijzigt_of_verwijdert_de_rij_niet(vertrouwenspersoon, andere_vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    with pytest.raises(PermissionDenied, match=ALLEEN_EIGEN_RIJ):
        adviesvraag_wijzigen(adviesvraag=vraag, door=andere_vertrouwenspersoon, versie=1, **gesloten())
    with pytest.raises(PermissionDenied, match=ALLEEN_EIGEN_RIJ):
        adviesvraag_verwijderen(adviesvraag=vraag, door=andere_vertrouwenspersoon)
    vraag.refresh_from_db()
    assert vraag.wijze_van_afdoening.loopt_nog


def test_een_geweigerde_wijziging_laat_ook_het_object_in_het_geheugen_ongemoeid(vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    with pytest.raises(ValidationError):
        adviesvraag_wijzigen(
            adviesvraag=vraag,
            door=vertrouwenspersoon,
            versie=vraag.versie,
            wie_betreft=optie(ref.WieBetreft, "leidinggevende"),
        )
    assert vraag.wie_betreft.code == "direct-leidinggevende"


def test_open_rij_sluiten(vertrouwenspersoon):
    vraag = AdviesvraagFactory(eigenaar=vertrouwenspersoon)
    adviesvraag_wijzigen(adviesvraag=vraag, door=vertrouwenspersoon, versie=vraag.versie, **gesloten())
    assert Adviesvraag.objects.filter(wijze_van_afdoening__loopt_nog=False).get() == vraag
