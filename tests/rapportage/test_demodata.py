"""`manage.py laad_demodata`: deterministic, idempotent, fast, and true to the published 2022-2024 totals."""

import datetime
import io
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Count

from afdoeningen.models import Afdoening
from finintegriteit.kern.rollen import VERTROUWENSPERSOON
from finintegriteit.referentie import models as ref
from meldingen.models import Betrokkene, Melding, Meldingsteller, StatusOvergang
from rapportage.demodata import TELLIJST_EIGENAAR, demodata_laden
from rapportage.models import Kerncijfers
from rapportage.selectors import jaarcijfers
from tests.bouwstenen import melding
from tests.factories import AdviesvraagFactory
from vertrouwenspersonen.models import Adviesvraag, VertrouwenspersoonProfiel
from vertrouwenspersonen.pseudoniem import pseudoniem_van

pytestmark = pytest.mark.django_db

# Bijlage 1 of the Jaarverslag Vertrouwenspersonen 2024, columns 2022 and 2023 (blank = not in use).
GEPUBLICEERD = {
    2022: {
        "totaal": 825,
        "hoofdcategorie": {
            "Financiële schendingen": 7,
            "Misbruik positie en belangenverstrengeling": 17,
            "Lekken en misbruik van informatie": 7,
            "Misbruik (gewelds)bevoegdheden": 9,
            "Ongewenste omgangsvormen": 444,
            "Misbruik bedrijfsmiddelen en overtreding interne regels": 37,
            "Misdragingen in privésfeer": 38,
            "Problematiek personeel en organisatie": 266,
        },
        "wie_betreft_de_melding": {
            "Melder zelf": 141,
            "Leidinggevende": 415,
            "Collega eigen organisatieonderdeel": 208,
            "Medewerker ander organisatieonderdeel": 61,
        },
        "wijze_van_afdoening": {
            "Klankbordgesprek/advies/ incl. nazorgcontact (ook telefonisch, mail)": 437,
            "(Drie)gesprek met betrokkenen / leidinggevende / manager": 104,
            "Doorverwijzing (bijv. Bedrijfsmaatschappelijk werk)": 60,
            "Escalatie naar directeur": 75,
            "Escalatie DG / Landelijke VP / Klokkenluidersregeling": 19,
            "Aangifte (ambts)misdrijf": 3,
            "Loopt nog": 85,
            "Overig (bijv. mediation)": 42,
        },
        "situatie_na_interventie": {
            "Genormaliseerd": 387,
            "Ziek gemeld": 15,
            "Arbeidsrelatie of omstandigheden verslechterd": 14,
            "Andere werkplek / functie binnen eigen organisatieonderdeel": 39,
            "Andere werkplek / functie buiten eigen organisatieonderdeel": 26,
            "Ontslag genomen": 21,
            "Arbeidscontract niet verlengd / ontslag": 16,
            "Situatie is gelijk gebleven, vul kolom Toelichting in": 75,
            "Loopt nog": 149,
            "Anders": 83,
        },
        "subcategorie_steekproef": {
            ("Ongewenste omgangsvormen", "Intimidatie"): 197,
            ("Lekken en misbruik van informatie", "Misbruik van informatie"): 1,
            ("Misbruik (gewelds)bevoegdheden", "Valsheid in geschrifte"): 2,
            ("Problematiek personeel en organisatie", "Onvrede organisatie"): 85,
        },
    },
    2023: {
        "totaal": 1198,
        # Management summary: 728 / 229 / 203 / 38, and no 'Anders'.
        "per_onderdeel": {
            "Belastingdienst": 728,
            "Douane": 229,
            "Toeslagen": 203,
            "Beleidsdepartement": 38,
            "Anders": 0,
        },
        "hoofdcategorie": {
            "Financiële schendingen": 11,
            "Misbruik positie en belangenverstrengeling": 15,
            "Lekken en misbruik van informatie": 4,
            "Misbruik (gewelds)bevoegdheden": 1,
            "Ongewenste omgangsvormen": 606,
            "Misbruik bedrijfsmiddelen en overtreding interne regels": 51,
            "Misdragingen in privésfeer": 43,
            "Problematiek personeel en organisatie": 467,
        },
        "wie_betreft_de_melding": {
            "Melder zelf": 221,
            "Leidinggevende": 627,
            "Collega eigen organisatieonderdeel": 282,
            "Medewerker ander organisatieonderdeel": 61,
            "Onbekend": 7,
        },
        "wijze_van_afdoening": {
            "Geen actie op verzoek van melder": 68,
            "Klankbordgesprek/advies/ incl. nazorgcontact (ook telefonisch, mail)": 515,
            "(Drie)gesprek met betrokkenen / leidinggevende / manager": 175,
            "Doorverwijzing (bijv. Bedrijfsmaatschappelijk werk)": 84,
            "Escalatie naar directeur": 13,
            "Escalatie naar directeur met melder": 40,
            "Anonieme signalering naar directeur op verzoek melder": 20,
            "Escalatie DG / Landelijke VP / Klokkenluidersregeling": 1,
            "Doorverwijzen naar Klachtencommissie, CIF, OIF, etc.": 22,
            "Bijstaan doen van melding bij Klachtencommissie, CIF, OIF, etc.": 6,
            "Aangifte (ambts)misdrijf": 1,
            "Ontslag genomen": 1,
            "Loopt nog": 173,
            "Overig (bijv. mediation)": 63,
            "Onbekend": 16,
        },
        "situatie_na_interventie": {
            "Genormaliseerd": 31,
            "Genormaliseerd en geschil opgelost": 297,
            "Ziek gemeld": 19,
            "Arbeidsrelatie of omstandigheden verslechterd": 3,
            "Andere werkplek / functie binnen eigen organisatieonderdeel": 59,
            "Andere werkplek / functie buiten eigen organisatieonderdeel": 38,
            "Ontslag genomen": 28,
            "Arbeidscontract niet verlengd / ontslag": 43,
            "Situatie is gelijk gebleven, vul kolom Toelichting in": 8,
            "Situatie ongewijzigd, melder wenst geen interventie. Klankbordgesprek voldoende": 142,
            "Situatie niet opgelost, melder wil geen verdere actie": 63,
            "Loopt nog": 278,
            "Anders": 170,
            "Onbekend": 19,
        },
        "subcategorie_steekproef": {
            ("Financiële schendingen", "Diefstal / verduistering"): 1,
            ("Ongewenste omgangsvormen", "Pesten, treiteren, roddelen, buitensluiten"): 158,
            ("Misbruik bedrijfsmiddelen en overtreding interne regels", "Gebruik van alcohol of drugs"): 10,
            ("Problematiek personeel en organisatie", "Overig"): 122,
        },
    },
}


def momentopname() -> dict:
    """Everything the demo data create, in a comparable form (without primary keys)."""
    tellijst = Adviesvraag.objects.values_list(
        "jaar",
        "onderdeel__code",
        "subcategorie__code",
        "wie_betreft__code",
        "wijze_van_afdoening__code",
        "situatie__code",
    )
    return {
        "tellijst": sorted(tellijst.annotate(n=Count("pk")).order_by()),
        "meldingen": list(
            Melding.objects.order_by("nummer").values_list(
                "nummer",
                "ontvangen_op",
                "status",
                "melder_type__code",
                "onderwerp__code",
                "onderzoek_type__code",
                "afgedaan_op",
            )
        ),
        "afdoeningen": list(
            Afdoening.objects.order_by("betrokkene__melding__nummer").values_list(
                "betrokkene__melding__nummer",
                "betrokkene__dienstonderdeel__code",
                "schending__code",
                "type__code",
                "datum",
                "inhoud",
            )
        ),
        "statusovergangen": StatusOvergang.objects.count(),
        "kerncijfers": list(
            Kerncijfers.objects.values_list("jaar", "medewerkers_totaal", "klachten_ontvangen")
        ),
        "register": VertrouwenspersoonProfiel.objects.count(),
    }


def test_twee_keer_laden_geeft_dezelfde_database():
    call_command("laad_demodata", stdout=io.StringIO())
    eerste = momentopname()
    call_command("laad_demodata", stdout=io.StringIO())

    assert momentopname() == eerste
    assert Adviesvraag.objects.count() == 825 + 1198 + 1200
    assert Melding.objects.count() == 214
    assert Afdoening.objects.count() == 186


def test_laden_duurt_korter_dan_30_seconden():
    begin = time.monotonic()
    demodata_laden()
    assert time.monotonic() - begin < 30


@pytest.mark.parametrize("jaar", [2022, 2023])
def test_tellijst_van_eerdere_jaren_volgt_de_gepubliceerde_totalen(jaar):
    demodata_laden()
    vp = jaarcijfers(jaar=jaar)["vertrouwenspersonen"]
    gepubliceerd = GEPUBLICEERD[jaar]

    assert vp["totaal"] == gepubliceerd["totaal"]
    for sleutel in (
        "hoofdcategorie",
        "wie_betreft_de_melding",
        "wijze_van_afdoening",
        "situatie_na_interventie",
    ):
        assert vp[sleutel] == gepubliceerd[sleutel], sleutel
    for (hoofd, sub), aantal in gepubliceerd["subcategorie_steekproef"].items():
        assert vp["subcategorie"][hoofd][sub] == aantal
    if "per_onderdeel" in gepubliceerd:
        assert vp["per_onderdeel"] == gepubliceerd["per_onderdeel"]


def test_meldingsnummers_zonder_gaten_en_de_teller_staat_erachter():
    demodata_laden()

    nummers = list(Melding.objects.order_by("volgnummer").values_list("nummer", flat=True))
    assert nummers == [f"OIF-2024-{n:04d}" for n in range(1, 215)]
    assert Meldingsteller.objects.get(jaar=2024).laatste == 214
    ontvangen = list(Melding.objects.order_by("volgnummer").values_list("ontvangen_op", flat=True))
    assert ontvangen == sorted(ontvangen)
    assert all(d.year == 2024 for d in ontvangen)


def test_meldingen_met_betrokkenen_zijn_afgedaan_de_rest_staat_open():
    demodata_laden()

    met = Melding.objects.filter(betrokkenen__isnull=False)
    assert set(met.values_list("status", flat=True)) == {Melding.Status.AFGEDAAN}
    assert not met.filter(onderzoek_type__isnull=True).exists()
    assert not Melding.objects.filter(status=Melding.Status.AFGEDAAN, afgedaan_op__isnull=True).exists()
    zonder = Melding.objects.filter(betrokkenen__isnull=True)
    assert zonder.count() == 28
    assert set(zonder.values_list("status", flat=True)) <= {
        Melding.Status.ONTVANGEN,
        Melding.Status.IN_BEOORDELING,
    }
    for afdoening in Afdoening.objects.select_related("betrokkene__melding"):
        assert afdoening.betrokkene.melding.ontvangen_op <= afdoening.datum <= datetime.date(2024, 12, 31)
        assert afdoening.betrokkene.melding.afgedaan_op == afdoening.datum
    # Klokkenluidersmeldingen have their deadlines, as the registration service would set them.
    assert not Melding.objects.filter(
        klokkenluidersmelding=True, terugkoppeling_uiterlijk__isnull=True
    ).exists()
    assert Melding.objects.filter(klokkenluidersmelding=True).count() == 4


def test_tellijst_hoort_bij_de_demovertrouwenspersoon_als_die_bestaat(maak_gebruiker):
    vertrouwenspersoon = maak_gebruiker("vertrouwenspersoon", VERTROUWENSPERSOON)
    demodata_laden()

    assert set(Adviesvraag.objects.values_list("pseudoniem", flat=True)) == {
        pseudoniem_van(vertrouwenspersoon)
    }
    assert not get_user_model().objects.filter(username=TELLIJST_EIGENAAR).exists()


def test_anders_hoort_de_tellijst_bij_een_inactieve_demogebruiker():
    demodata_laden()

    eigenaar = get_user_model().objects.get(username=TELLIJST_EIGENAAR)
    assert not eigenaar.is_active and not eigenaar.has_usable_password()
    assert Adviesvraag.objects.exclude(pseudoniem=pseudoniem_van(eigenaar)).count() == 0


def test_later_aangemaakte_demovertrouwenspersoon_neemt_de_rijen_over_zonder_dubbelingen(maak_gebruiker):
    demodata_laden()
    maak_gebruiker("vertrouwenspersoon")
    demodata_laden()

    assert Adviesvraag.objects.count() == 3223


def test_weigert_als_er_al_andere_meldingen_uit_2024_zijn_en_laat_de_database_ongemoeid():
    melding(ontvangen_op=datetime.date(2024, 5, 1))

    with pytest.raises(CommandError, match="niet uit de demodata"):
        call_command("laad_demodata", stdout=io.StringIO())

    assert Melding.objects.count() == 1
    assert Adviesvraag.objects.count() == 0
    assert not Kerncijfers.objects.exists()


def test_weigert_als_de_tellijst_al_andere_rijen_heeft(maak_gebruiker):
    AdviesvraagFactory(jaar=2023, eigenaar=maak_gebruiker("iemand"))

    with pytest.raises(CommandError, match="niet uit de"):
        call_command("laad_demodata", stdout=io.StringIO())

    assert Adviesvraag.objects.count() == 1
    assert not Betrokkene.objects.exists()


def test_commando_meldt_wat_er_geladen_is():
    uitvoer = io.StringIO()
    call_command("laad_demodata", stdout=uitvoer)

    assert "3223 adviesvragen" in uitvoer.getvalue()
    assert "214 OIF-meldingen" in uitvoer.getvalue()
    assert ref.Onderdeel.objects.count() == 5
