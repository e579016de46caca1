"""Figures of the Tellijst (Bijlage 1, per onderdeel, hoofdstuk 3) against small hand-built data."""

import pytest

from finintegriteit.referentie import models as ref
from rapportage.selectors import jaarcijfers
from tests.bouwstenen import tellijst

pytestmark = pytest.mark.django_db


def vp(jaar=2024, onderdeel=None):
    return jaarcijfers(jaar=jaar, onderdeel=onderdeel)["vertrouwenspersonen"]


def rij(rijen, label):
    return next(r for r in rijen if r["label"] == label)


def test_elke_optie_die_in_het_jaar_in_gebruik_is_staat_erin_met_nul_waar_niets_is():
    tellijst(3, sub="5-intimidatie")
    tellijst(1, sub="1-fraude", onderdeel="belastingdienst")
    tellijst(5, jaar=2023)  # another year: not in the 2024 counts

    cijfers = vp()

    assert cijfers["totaal"] == 4
    assert cijfers["per_onderdeel"] == {
        "Belastingdienst": 1,
        "Douane": 3,
        "Toeslagen": 0,
        "Beleidsdepartement": 0,
        "Anders": 0,
    }
    assert cijfers["hoofdcategorie"]["Ongewenste omgangsvormen"] == 3
    assert cijfers["hoofdcategorie"]["Misdragingen in privésfeer"] == 0
    assert len(cijfers["hoofdcategorie"]) == 8
    assert cijfers["subcategorie"]["Ongewenste omgangsvormen"]["Intimidatie"] == 3
    assert cijfers["subcategorie"]["Financiële schendingen"] == {
        "Diefstal / verduistering": 0,
        "Fraude": 1,
        "Overig": 0,
    }
    assert cijfers["wie_betreft_de_melding"]["Collega eigen organisatieonderdeel"] == 4
    # 'Leidinggevende' ended in 2023 and 'Onbekend' was only used in 2023: not options of 2024.
    assert set(cijfers["wie_betreft_de_melding"]) == {
        "Melder zelf",
        "Direct leidinggevende",
        "Andere leidinggevende",
        "Collega eigen organisatieonderdeel",
        "Medewerker ander organisatieonderdeel",
    }
    assert cijfers["situatie_na_interventie"]["Genormaliseerd en geschil opgelost"] == 4
    assert "Genormaliseerd" not in cijfers["situatie_na_interventie"]


def test_een_beeindigde_optie_met_rijen_telt_toch_mee():
    """The data tell the truth: a row with an option that ended still shows up in the year's figures."""
    tellijst(2, wie="leidinggevende")

    assert vp()["wie_betreft_de_melding"]["Leidinggevende"] == 2


def test_driejaarstabel_met_percentages_van_het_jaartotaal_half_naar_boven_afgerond():
    tellijst(1, jaar=2024, sub="5-intimidatie")  # 1 of 8 = 12,5% -> 13
    tellijst(3, jaar=2024, sub="5-discriminatie")  # 3 of 8 = 37,5% -> 38
    tellijst(4, jaar=2024, sub="8-arbeidsconflict")
    tellijst(2, jaar=2022, sub="5-intimidatie")

    aard = vp()["bijlage1"]["aard"]
    oo = rij(aard, "Ongewenste omgangsvormen")
    intimidatie = rij(oo["subcategorieen"], "Intimidatie")

    assert [w["jaar"] for w in intimidatie["waarden"]] == [2022, 2023, 2024]
    assert [w["aantal"] for w in intimidatie["waarden"]] == [2, 0, 1]
    assert intimidatie["procent"] == 13
    assert rij(oo["subcategorieen"], "Discriminatie")["procent"] == 38
    # Tabel 3.2 of the report: percentage of the category (4 ongewenste omgangsvormen): 1/4 = 25%.
    assert intimidatie["procent_van_hoofdcategorie"] == 25
    assert [w["procent"] for w in intimidatie["waarden"]] == [100, None, 13]
    assert oo["aantal"] == 4 and oo["procent"] == 50
    assert rij(aard, "Misdragingen in privésfeer")["waarden"][-1] == {
        "jaar": 2024,
        "aantal": 0,
        "procent": 0,
        "in_gebruik": True,
    }


def test_driejaarstabel_toont_ook_opties_die_in_een_van_de_drie_jaren_in_gebruik_waren():
    tellijst(1, jaar=2024)

    situaties = vp()["bijlage1"]["situatie_na_interventie"]
    genormaliseerd = rij(situaties, "Genormaliseerd")  # 2022-2023 only

    assert [w["in_gebruik"] for w in genormaliseerd["waarden"]] == [True, True, False]
    assert genormaliseerd["in_gebruik"] is False


def test_pijlen_ten_opzichte_van_vorig_jaar():
    tellijst(2, jaar=2023, sub="5-intimidatie")
    tellijst(3, jaar=2024, sub="5-intimidatie")
    tellijst(1, jaar=2023, sub="5-discriminatie")
    tellijst(1, jaar=2024, sub="5-discriminatie")
    tellijst(2, jaar=2023, sub="5-pesten-treiteren-roddelen-buitensluiten")

    subs = rij(vp()["bijlage1"]["aard"], "Ongewenste omgangsvormen")["subcategorieen"]

    assert rij(subs, "Intimidatie")["pijl"] == "↑"
    assert rij(subs, "Discriminatie")["pijl"] == "="
    assert rij(subs, "Pesten, treiteren, roddelen, buitensluiten")["pijl"] == "↓"
    assert rij(subs, "Pesten, treiteren, roddelen, buitensluiten")["vorig_jaar"] == 2


def test_geen_pijl_voor_een_nieuwe_optie_en_ook_niet_zonder_gegevens_van_vorig_jaar():
    tellijst(1, jaar=2023, wie="leidinggevende")
    tellijst(1, jaar=2024, wie="direct-leidinggevende")

    wie = vp()["bijlage1"]["wie_betreft_de_melding"]

    assert rij(wie, "Direct leidinggevende")["pijl"] is None  # new in 2024: nothing to compare with
    assert rij(wie, "Leidinggevende")["pijl"] == "↓"  # ended: 1 -> 0
    assert (
        rij(vp(jaar=2023)["bijlage1"]["wie_betreft_de_melding"], "Leidinggevende")["pijl"] is None
    )  # no 2022


def test_vergelijkingsgroep_leidinggevende_telt_direct_en_andere_op_met_de_voetnoot():
    tellijst(4, jaar=2023, wie="leidinggevende")
    tellijst(3, jaar=2024, wie="direct-leidinggevende")
    tellijst(2, jaar=2024, wie="andere-leidinggevende")
    tellijst(5, jaar=2024, wie="melder-zelf")

    (groep,) = vp()["vergelijkingsgroepen"]["wie_betreft_de_melding"]

    assert groep["label"] == "Leidinggevende"
    assert [w["aantal"] for w in groep["waarden"]] == [0, 4, 5]
    assert groep["procent"] == 50  # 5 of 10
    assert groep["pijl"] == "↑"
    assert groep["opties"] == ["Leidinggevende", "Direct leidinggevende", "Andere leidinggevende"]
    assert groep["voetnoot"] == (
        "Vanaf 2024 worden direct leidinggevende en andere leidinggevende apart geteld. "
        "Om met eerdere jaren te kunnen vergelijken, staan die twee hier samen."
    )
    assert rij(vp()["bijlage1"]["wie_betreft_de_melding"], "Direct leidinggevende")["vergelijkingsgroep"] == (
        "Leidinggevende"
    )


def test_per_onderdeel_tabel_van_het_verslagjaar():
    tellijst(2, onderdeel="belastingdienst", sub="5-intimidatie")
    tellijst(1, onderdeel="anders", sub="8-arbeidsconflict", situatie="loopt-nog")
    tellijst(7, jaar=2023, onderdeel="douane")

    tabel = vp()["per_onderdeel_tabel"]

    assert [k["label"] for k in tabel["kolommen"]] == [
        "Belastingdienst",
        "Douane",
        "Toeslagen",
        "Beleidsdepartement",
        "Anders",
    ]
    assert tabel["totaal"] == {"cellen": [2, 0, 0, 0, 1], "aantal": 3}
    oo = rij(tabel["aard"], "Ongewenste omgangsvormen")
    assert oo["cellen"] == [2, 0, 0, 0, 0]
    assert rij(oo["subcategorieen"], "Intimidatie")["cellen"] == [2, 0, 0, 0, 0]
    assert rij(tabel["situatie_na_interventie"], "Loopt nog")["cellen"] == [0, 0, 0, 0, 1]
    assert rij(tabel["wie_betreft_de_melding"], "Collega eigen organisatieonderdeel")["aantal"] == 3


def test_afhandeling_per_subcategorie_loopt_door_volgt_de_situatie():
    """Hoofdstuk 3: 'lopen door' is situatie 'Loopt nog'; the outcome classes cover the afgehandelde."""
    tellijst(2, situatie="genormaliseerd-en-geschil-opgelost")
    tellijst(1, situatie="ziek-gemeld")
    tellijst(1, situatie="situatie-niet-opgelost-melder-wil-geen-verdere-actie")
    tellijst(1, situatie="anders")
    tellijst(2, situatie="loopt-nog", wijze="loopt-nog")
    # Afdoening still running but the situatie already normal: afgehandeld in chapter 3's sense.
    tellijst(1, situatie="genormaliseerd-en-geschil-opgelost", wijze="loopt-nog")
    tellijst(4, jaar=2023, situatie="loopt-nog")

    cijfers = vp()
    oo = rij(cijfers["afhandeling_per_subcategorie"], "Ongewenste omgangsvormen")
    intimidatie = rij(oo["subcategorieen"], "Intimidatie")

    assert intimidatie == {
        "code": "5-intimidatie",
        "label": "Intimidatie",
        "totaal": 8,
        "afgehandeld": 6,
        "loopt_door": 2,
        "genormaliseerd": 3,
        "niet_genormaliseerd": 2,
        "onbekend": 1,
        "afdoening_loopt_nog": 3,
    }
    assert oo["totaal"] == 8
    assert cijfers["uitkomst"] == {
        "genormaliseerd": 3,
        "niet_genormaliseerd": 2,
        "onbekend": 1,
        "loopt_door": 2,
        "afdoening_loopt_nog": 3,
    }


def test_rapport_voor_een_onderdeel_telt_alleen_dat_onderdeel():
    tellijst(2, onderdeel="douane")
    tellijst(5, onderdeel="belastingdienst")
    tellijst(1, jaar=2023, onderdeel="douane")
    douane = ref.Onderdeel.objects.get(code="douane")

    cijfers = vp(onderdeel=douane)

    assert cijfers["totaal"] == 2
    assert cijfers["per_onderdeel"] == {"Douane": 2}
    assert cijfers["per_onderdeel_tabel"]["kolommen"] == [{"code": "douane", "label": "Douane"}]
    intimidatie = rij(
        rij(cijfers["bijlage1"]["aard"], "Ongewenste omgangsvormen")["subcategorieen"], "Intimidatie"
    )
    assert [w["aantal"] for w in intimidatie["waarden"]] == [0, 1, 2]
    assert intimidatie["procent"] == 100
