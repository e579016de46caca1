"""An open year moves per onderdeel in steps of at least TELLIJST_DREMPEL changed rows.

The attack: a coordinator knows that a colleague visited the Douane's vertrouwenspersoon this week. She
lays the figures of this week's publication beside last week's, in every view she can open. Were the
new row counted at once, each of its visible properties (category, wie, afdoening, situatie, in the
ministry's table per onderdeel too) would show +1: together they spell out what the visit was about.
"""

import datetime

import pytest
import time_machine
from django.conf import settings

from finintegriteit.referentie.models import Onderdeel
from rapportage.inhoud import paginacijfers
from rapportage.services.publicatie import tellijst_publiceren
from tests.bouwstenen.tellijst import tellijst
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.regels import sluitdatum

pytestmark = pytest.mark.django_db

JAAR = 2025
WEEK = datetime.timedelta(days=7)
MAANDAG = datetime.datetime(2025, 6, 16, 6, 0, tzinfo=datetime.UTC)
# Properties no earlier row has: the row that has them is easy to follow through the figures.
OPVALLEND = {
    "sub": "1-fraude",
    "wie": "andere-leidinggevende",
    "wijze": "escalatie-naar-directeur",
    "situatie": "ziek-gemeld",
}


def alles_wat_te_zien_is() -> dict:
    """The figures of JAAR as every view shows them (the whole ministry's and each onderdeel's), without
    the publication date, which moves anyway."""
    weergaven = {}
    for onderdeel in [None, *Onderdeel.objects.all()]:
        cijfers = paginacijfers(jaar=JAAR, onderdeel=onderdeel)
        cijfers.pop("tellijst_gepubliceerd_op")
        weergaven[onderdeel.code if onderdeel else "ministerie"] = repr(cijfers)
    return weergaven


def totaal():
    """The ministry's total of JAAR, as the pages show it."""
    return paginacijfers(jaar=JAAR)["vertrouwenspersonen"]["totaal"]


def publiceren(op: datetime.datetime) -> None:
    with time_machine.travel(op, tick=False):
        tellijst_publiceren()


@pytest.fixture
def gepubliceerd_jaar():
    """Last week's publication of the open year 2025."""
    with time_machine.travel(MAANDAG - WEEK, tick=False):
        tellijst(8, jaar=JAAR, onderdeel="douane")
        tellijst(9, jaar=JAAR, onderdeel="belastingdienst", sub="8-arbeidsconflict")
        tellijst_publiceren()


def _opvallende_rij(onderdeel="douane"):
    wijze = {"wijze": OPVALLEND["wijze"], "situatie": OPVALLEND["situatie"]}
    return tellijst(jaar=JAAR, onderdeel=onderdeel, sub=OPVALLEND["sub"], wie=OPVALLEND["wie"], **wijze)[0]


@time_machine.travel(MAANDAG, tick=False)
def test_een_nieuwe_rij_verandert_na_de_publicatie_nog_geen_enkel_cijfer(gepubliceerd_jaar):
    vorige_week = alles_wat_te_zien_is()

    _opvallende_rij()
    publiceren(MAANDAG)

    deze_week = alles_wat_te_zien_is()
    for weergave, cijfers in vorige_week.items():
        assert deze_week[weergave] == cijfers, f"{weergave}: één nieuwe rij is te zien"


@time_machine.travel(MAANDAG, tick=False)
def test_ook_een_verwijderde_of_gewijzigde_rij_wacht(gepubliceerd_jaar):
    vorige_week = alles_wat_te_zien_is()

    Adviesvraag.objects.filter(onderdeel__code="douane").first().delete()
    rij = Adviesvraag.objects.filter(onderdeel__code="belastingdienst").first()
    rij.wie_betreft = _opvallende_rij(onderdeel="toeslagen").wie_betreft
    rij.save()
    publiceren(MAANDAG)

    assert alles_wat_te_zien_is() == vorige_week


@time_machine.travel(MAANDAG, tick=False)
def test_wat_wacht_telt_mee_zodra_genoeg_rijen_van_het_onderdeel_veranderden(gepubliceerd_jaar):
    _opvallende_rij()
    publiceren(MAANDAG)
    _opvallende_rij(onderdeel="belastingdienst")
    tellijst(settings.TELLIJST_DREMPEL - 1, jaar=JAAR, onderdeel="douane")
    publiceren(MAANDAG + WEEK)

    # The Douane's own total may be a hidden complement; the ministry's shows what each onderdeel adds.
    douane_bijgewerkt = 8 + settings.TELLIJST_DREMPEL
    assert totaal() == douane_bijgewerkt + 9, "de Douane telt mee, de ene rij van de Belastingdienst wacht"


@time_machine.travel(MAANDAG, tick=False)
def test_een_rij_van_een_nieuw_onderdeel_wacht_tot_het_er_genoeg_heeft(gepubliceerd_jaar):
    _opvallende_rij(onderdeel="toeslagen")
    publiceren(MAANDAG)

    assert totaal() == 17


def test_op_de_sluitdag_telt_het_gesloten_jaar_alle_rijen_mee(gepubliceerd_jaar):
    sluitdag = datetime.datetime.combine(sluitdatum(JAAR), datetime.time(6), tzinfo=datetime.UTC)
    with time_machine.travel(sluitdag - WEEK, tick=False):
        _opvallende_rij()
    publiceren(sluitdag - WEEK)
    with time_machine.travel(sluitdag - WEEK, tick=False):
        assert totaal() == 17, "de rij wacht, het jaar is nog open"

    publiceren(sluitdag)

    with time_machine.travel(sluitdag, tick=False):
        assert totaal() == 18, "de exacte cijfers van een gesloten jaar tellen alles"
