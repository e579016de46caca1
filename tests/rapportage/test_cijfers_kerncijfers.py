"""Key figures entered by the functioneel beheerder, and the register snapshot on the report's peildatum."""

import datetime
import html

import pytest
from django.urls import reverse

from finintegriteit.referentie.models import Onderdeel
from rapportage.models import Kerncijfers
from rapportage.selectors import jaarcijfers
from tests.factories import (
    CertificeringsstatusFactory,
    CifCategorieFactory,
    KerncijfersFactory,
    KlachtOnderwerpFactory,
    KlachtUitkomstFactory,
    MedewerkersPerOnderdeelFactory,
    NevenwerkzaamhedenFactory,
    VertrouwenspersoonProfielFactory,
)
from vertrouwenspersonen.models import Certificeringsstatus

pytestmark = pytest.mark.django_db


def onderdeel(code):
    return Onderdeel.objects.get(code=code)


@pytest.fixture
def kern_2024():
    kern = KerncijfersFactory(
        jaar=2024,
        medewerkers_totaal=1000,
        peildatum_register=datetime.date(2025, 2, 25),
        klachten_ontvangen=17,
        klachten_ontvankelijk=6,
        cif_meldingen=21,
    )
    MedewerkersPerOnderdeelFactory(kerncijfers=kern, onderdeel=onderdeel("douane"), aantal=300)
    NevenwerkzaamhedenFactory(
        kerncijfers=kern, organisatie="DG Douane", onderdeel=onderdeel("douane"), aantal=630, volgorde=2
    )
    NevenwerkzaamhedenFactory(kerncijfers=kern, organisatie="Inspectie BTD", aantal=3, volgorde=3)
    NevenwerkzaamhedenFactory(
        kerncijfers=kern,
        organisatie="Beleidsdepartement",
        onderdeel=onderdeel("beleidsdepartement"),
        aantal=371,
        volgorde=1,
    )
    KlachtOnderwerpFactory(kerncijfers=kern, onderwerp="intimidatie", aantal=3)
    KlachtUitkomstFactory(kerncijfers=kern, uitkomst="ongegrond verklaard", aantal=1, volgorde=2)
    KlachtUitkomstFactory(kerncijfers=kern, uitkomst="nog in behandeling", aantal=3, volgorde=1)
    CifCategorieFactory(kerncijfers=kern, categorie="Arbeidsrechtelijk geschil", aantal=6)
    CifCategorieFactory(kerncijfers=kern, categorie="Niet onder te brengen", aantal=None)
    return kern


def vertrouwenspersoon(naam, *, sinds, status, uit=None):
    profiel = VertrouwenspersoonProfielFactory(
        naam=naam, onderdeel=onderdeel("douane"), in_functie_sinds=sinds, uit_functie_per=uit
    )
    CertificeringsstatusFactory(vertrouwenspersoon=profiel, status=status, vanaf=sinds)


def test_zonder_ingevoerde_kerncijfers_blijven_ze_leeg():
    kern = jaarcijfers(jaar=2024)["kerncijfers"]

    assert kern["ingevoerd"] is False
    assert kern["medewerkers"]["totaal"] is None
    assert kern["register"] is None


def test_ingevoerde_kerncijfers_van_het_jaar(kern_2024):
    KerncijfersFactory(jaar=2023, medewerkers_totaal=5)

    kern = jaarcijfers(jaar=2024)["kerncijfers"]

    assert kern["medewerkers"] == {"totaal": 1000, "per_onderdeel": {"Douane": 300}, "niet_betrokken": 1000}
    assert kern["nevenwerkzaamheden"] == {
        "rijen": [
            {"label": "Beleidsdepartement", "onderdeel": "Beleidsdepartement", "aantal": 371},
            {"label": "DG Douane", "onderdeel": "Douane", "aantal": 630},
            {"label": "Inspectie BTD", "onderdeel": None, "aantal": 3},
        ],
        "totaal": 1004,
    }
    klachten = kern["klachtencommissie"]
    assert (klachten["ontvangen"], klachten["ontvankelijk"], klachten["niet_ontvankelijk"]) == (17, 6, 11)
    assert klachten["onderwerpen"] == [{"label": "intimidatie", "aantal": 3}]
    assert [u["label"] for u in klachten["uitkomsten"]] == ["nog in behandeling", "ongegrond verklaard"]
    # The report names outcomes for 5 of the 6 ontvankelijke klachten; here 4 of 6.
    assert klachten["uitkomst_niet_vermeld"] == 2
    assert kern["cif"]["categorieen"] == [
        {"label": "Arbeidsrechtelijk geschil", "aantal": 6},
        {"label": "Niet onder te brengen", "aantal": None},
    ]
    assert kern["cif"]["niet_toegewezen"] == 15


def test_register_wordt_geteld_op_de_peildatum_van_het_jaar(kern_2024):
    # Certified in 2022: still valid on the peildatum (a certification runs four years).
    vertrouwenspersoon("A", sinds=datetime.date(2022, 1, 1), status=Certificeringsstatus.Status.LVV_REGISTER)
    vertrouwenspersoon("B", sinds=datetime.date(2024, 6, 1), status=Certificeringsstatus.Status.BEZIG)
    vertrouwenspersoon(
        "Na de peildatum", sinds=datetime.date(2025, 3, 1), status=Certificeringsstatus.Status.BEZIG
    )
    vertrouwenspersoon(
        "Gestopt",
        sinds=datetime.date(2019, 1, 1),
        uit=datetime.date(2025, 1, 1),
        status=Certificeringsstatus.Status.BEZIG,
    )

    register = jaarcijfers(jaar=2024)["kerncijfers"]["register"]

    assert register["peildatum"] == datetime.date(2025, 2, 25)
    assert register["totaal"] == 2
    assert register["per_status"]["LVV-registervertrouwenspersoon"] == 1
    assert register["per_status"]["Bezig met certificering"] == 1


def test_niet_betrokken_medewerkers_is_totaal_min_betrokkenen(kern_2024):
    from tests.bouwstenen import afgedaan

    afgedaan()
    afgedaan()

    assert jaarcijfers(jaar=2024)["kerncijfers"]["medewerkers"]["niet_betrokken"] == 998


def test_rapport_voor_een_onderdeel_toont_medewerkers_en_nevenwerkzaamheden_van_dat_onderdeel(kern_2024):
    kern = jaarcijfers(jaar=2024, onderdeel=onderdeel("douane"))["kerncijfers"]

    assert kern["medewerkers"]["totaal"] == 300
    assert kern["nevenwerkzaamheden"]["rijen"] == [
        {"label": "DG Douane", "onderdeel": "Douane", "aantal": 630}
    ]
    assert kern["klachtencommissie"]["ontvangen"] == 17  # ministeriebreed
    assert "klachtencommissie" in kern["ministeriebreed"]


def _kerncijferformulier(**velden):
    """What /beheer/ posts for a new year: the main fields and six empty tables below them."""
    leeg = {
        f"{prefix}-{veld}": waarde
        for prefix in (
            "medewerkers",
            "nevenwerkzaamheden",
            "klachtonderwerpen",
            "klachtuitkomsten",
            "cif_categorieen",
            "benoemde_cijfers",
        )
        for veld, waarde in (
            ("TOTAL_FORMS", 0),
            ("INITIAL_FORMS", 0),
            ("MIN_NUM_FORMS", 0),
            ("MAX_NUM_FORMS", 1000),
        )
    }
    return {"jaar": 2025, "medewerkers_totaal": 41000, "toelichting": "", **leeg, **velden}


def test_beheerder_voert_kerncijfers_in_in_de_beheeromgeving(client, beheerder):
    client.force_login(beheerder)

    antwoord = client.post(
        reverse("admin:rapportage_kerncijfers_add"),
        _kerncijferformulier(
            peildatum_register="25-02-2026",
            klachten_ontvangen=3,
            klachten_ontvankelijk=2,
            **{
                "nevenwerkzaamheden-TOTAL_FORMS": 1,
                "nevenwerkzaamheden-0-organisatie": "DG Douane",
                "nevenwerkzaamheden-0-onderdeel": onderdeel("douane").pk,
                "nevenwerkzaamheden-0-aantal": 600,
                "nevenwerkzaamheden-0-volgorde": 1,
            },
        ),
    )

    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    kern = Kerncijfers.objects.get(jaar=2025)
    assert kern.peildatum_register == datetime.date(2026, 2, 25)
    assert kern.nevenwerkzaamheden.get().aantal == 600


def test_kerncijfers_mogen_met_duizendtalpunten_zoals_in_het_verslag(client, beheerder):
    """'41.000' used to be read as 41 without a word: Django drops a trailing '.000' as decimals."""
    client.force_login(beheerder)

    antwoord = client.post(
        reverse("admin:rapportage_kerncijfers_add"),
        _kerncijferformulier(
            medewerkers_totaal="41.000",
            **{
                "medewerkers-TOTAL_FORMS": 1,
                "medewerkers-0-onderdeel": onderdeel("douane").pk,
                "medewerkers-0-aantal": "5.069",
                "medewerkers-0-volgorde": 1,
            },
        ),
    )

    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    kern = Kerncijfers.objects.get(jaar=2025)
    assert kern.medewerkers_totaal == 41000
    assert kern.medewerkers.get().aantal == 5069


@pytest.mark.parametrize("invoer", ["41,5", "41.5", "4.10.00"])
def test_een_getal_dat_geen_geheel_aantal_is_krijgt_uitleg_en_slaat_niets_op(client, beheerder, invoer):
    client.force_login(beheerder)

    antwoord = client.post(
        reverse("admin:rapportage_kerncijfers_add"), _kerncijferformulier(medewerkers_totaal=invoer)
    )

    assert antwoord.status_code == 200
    assert "een punt mag alleen tussen groepen van drie cijfers staan" in html.unescape(
        antwoord.content.decode()
    )
    assert not Kerncijfers.objects.filter(jaar=2025).exists()


def test_een_jaar_van_vijf_cijfers_wordt_geweigerd(client, beheerder):
    """'20250' was saved as 'Kerncijfers 20250', a year no report will ever reach."""
    client.force_login(beheerder)

    antwoord = client.post(reverse("admin:rapportage_kerncijfers_add"), _kerncijferformulier(jaar="20250"))

    assert "Vul een jaar van vier cijfers in, bijvoorbeeld 2027." in html.unescape(antwoord.content.decode())
    assert not Kerncijfers.objects.exists()


def test_een_tweede_pagina_voor_hetzelfde_jaar_zegt_waar_de_eerste_staat(client, beheerder):
    Kerncijfers.objects.create(jaar=2025)
    client.force_login(beheerder)

    antwoord = client.post(reverse("admin:rapportage_kerncijfers_add"), _kerncijferformulier())

    assert "Voor dit jaar zijn er al kerncijfers: open dat jaar in de lijst" in html.unescape(
        antwoord.content.decode()
    )
    assert Kerncijfers.objects.filter(jaar=2025).count() == 1


def test_de_beheeromgeving_van_de_kerncijfers_leest_als_nederlands(client, beheerder):
    """The admin builds its titles and buttons from the model names: 'Nog een … toevoegen' must read."""
    client.force_login(beheerder)
    pagina = html.unescape(client.get(reverse("admin:rapportage_kerncijfers_add")).content.decode())
    assert "<title>jaar met kerncijfers toevoegen" in pagina
    assert "Nog een Aantal medewerkers van een onderdeel toevoegen" in pagina
    assert "Nog een Aantal nevenwerkzaamheden van een organisatie toevoegen" in pagina


def test_beheerder_kan_kerncijfers_van_een_jaar_niet_verwijderen(beheerder):
    assert beheerder.has_perm("rapportage.change_kerncijfers")
    assert not beheerder.has_perm("rapportage.delete_kerncijfers")
    assert beheerder.has_perm("rapportage.delete_nevenwerkzaamheden")


def test_coordinator_kan_kerncijfers_niet_invoeren(client, coordinator):
    """Refused: a coordinator could otherwise change the figures of the report he requests."""
    client.force_login(coordinator)

    antwoord = client.get(reverse("admin:rapportage_kerncijfers_add"))

    assert antwoord.status_code == 302
    assert not coordinator.has_perm("rapportage.add_kerncijfers")


def test_meer_ontvankelijk_dan_ontvangen_wordt_geweigerd():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        KerncijfersFactory(klachten_ontvangen=2, klachten_ontvankelijk=3)
