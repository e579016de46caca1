"""Import of existing Tellijsten: every row or none, every error with its line, column and allowed values."""

import datetime

import pytest

from finintegriteit.kern.importeren import BestandFout, ImportFout, berichten, lees_upload
from finintegriteit.kern.importeren.berichten import LEEG, ONBEKEND_FORMAAT
from finintegriteit.referentie.models import Subcategorie
from tests.bouwstenen.tellijst import TELLIJST_OPEN
from tests.vertrouwenspersonen.bestanden import csv_bytes, rij, upload, xlsx_bytes
from vertrouwenspersonen import regels
from vertrouwenspersonen.importeren import controle as c
from vertrouwenspersonen.importeren import controleer_bestand
from vertrouwenspersonen.importeren.controle import KOLOMMEN
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.selectors import adviesvragen_van
from vertrouwenspersonen.services import tellijst_importeren

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TELLIJST_OPEN)]

VANDAAG = datetime.date(2025, 1, 20)  # TELLIJST_OPEN: 2024 and the first quarter of 2025 are open


def importeer(inhoud: bytes, door, naam="tellijst.csv"):
    return tellijst_importeren(door=door, upload=lees_upload(upload(inhoud, naam)), vandaag=VANDAAG)


def fouten_van(inhoud: bytes, door, naam="tellijst.csv"):
    """The errors of a rejected file, after checking that nothing was stored."""
    voor = Adviesvraag.objects.count()
    with pytest.raises(ImportFout) as uitzondering:
        importeer(inhoud, door, naam)
    assert Adviesvraag.objects.count() == voor, "een afgekeurd bestand mag niets opslaan"
    return uitzondering.value.fouten


def een_fout(fouten, *, regel, kolom):
    gevonden = [f for f in fouten if f.regel == regel and f.kolom == kolom]
    assert gevonden, f"geen fout op regel {regel}, kolom {kolom}: {fouten}"
    return gevonden[0]


# --- Happy path --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("scheiding", "bom"), [(";", False), (";", True), (",", False), (",", True)])
def test_csv_met_komma_of_puntkomma_met_of_zonder_bom(vertrouwenspersoon, scheiding, bom):
    inhoud = csv_bytes(
        [rij(), rij(jaar="2025", kwartaal="1", melder_is_beklaagde="nee")], scheiding=scheiding, bom=bom
    )
    controle = importeer(inhoud, vertrouwenspersoon)
    assert controle.aantal_rijen == 2
    assert adviesvragen_van(gebruiker=vertrouwenspersoon).count() == 2
    assert set(Adviesvraag.objects.values_list("jaar", flat=True)) == {2024, 2025}


def test_xlsx_wordt_in_een_keer_geimporteerd(vertrouwenspersoon):
    rijen = [rij(kwartaal=str(k % 4 + 1)) for k in range(30)] + [
        rij(wijze_van_afdoening="Klankbordgesprek/advies")
    ]
    controle = importeer(xlsx_bytes(rijen), vertrouwenspersoon, "tellijst.xlsx")
    assert controle.aantal_rijen == 31
    assert controle.aantal_open == 30 and controle.aantal_gesloten == 1
    assert controle.per_jaar == {2024: 31}
    vraag = Adviesvraag.objects.filter(wijze_van_afdoening__code__startswith="klankbord").get()
    assert (
        vraag.onderdeel.code == "douane"
        and vraag.subcategorie.code == "5-pesten-treiteren-roddelen-buitensluiten"
    )
    assert vraag.evaluatielink == Adviesvraag.Evaluatielink.VERSTUURD


def test_labels_zonder_hoofdletters_accenten_en_met_spaties_en_varianten(vertrouwenspersoon):
    inhoud = csv_bytes(
        [
            rij(
                onderdeel="  dienst toeslagen ",
                hoofdcategorie="FINANCIELE SCHENDINGEN",
                subcategorie="overig",
                wie_betreft_de_melding="Collega's eigen organisatieonderdeel",
                wijze_van_afdoening="(drie)gesprek",
                situatie_na_interventie="genormaliseerd/opgelost",
                evaluatielink="niet verstuurd",
            )
        ]
    )
    importeer(inhoud, vertrouwenspersoon)
    vraag = Adviesvraag.objects.get()
    assert vraag.onderdeel.code == "toeslagen"
    # 'Overig' exists in all eight hoofdcategorieën: the row's hoofdcategorie decides.
    assert vraag.subcategorie.code == "1-overig"
    assert vraag.situatie.code == "genormaliseerd-en-geschil-opgelost"
    assert vraag.evaluatielink == Adviesvraag.Evaluatielink.NIET_VERSTUURD


def test_lege_kwartaal_beklaagde_en_evaluatielink_mogen(vertrouwenspersoon):
    importeer(
        csv_bytes([rij(jaar="2025", kwartaal="", melder_is_beklaagde="", evaluatielink="")]),
        vertrouwenspersoon,
    )
    vraag = Adviesvraag.objects.get()
    assert vraag.kwartaal is None and vraag.melder_is_beklaagde is None
    assert vraag.evaluatielink == Adviesvraag.Evaluatielink.NIET_AANGEGEVEN


def test_melder_is_beklaagde_vanaf_2025(vertrouwenspersoon):
    importeer(
        csv_bytes(
            [
                rij(jaar="2025", kwartaal="1", melder_is_beklaagde="Ja"),
                rij(jaar="2025", kwartaal="1", melder_is_beklaagde="nee"),
            ]
        ),
        vertrouwenspersoon,
    )
    assert sorted(Adviesvraag.objects.values_list("melder_is_beklaagde", flat=True)) == [False, True]


def test_kolommen_in_andere_volgorde_en_lege_regels_worden_overgeslagen(vertrouwenspersoon):
    kop = list(reversed(KOLOMMEN))
    inhoud = csv_bytes([list(reversed(rij())), [""] * 10, list(reversed(rij(kwartaal="1")))], kop=kop)
    assert importeer(inhoud, vertrouwenspersoon).aantal_rijen == 2


# --- Ten kinds of bad rows, each with its line and the database unchanged -----------------------------


def test_een_fout_na_blokken_die_al_zijn_ingevoegd_laat_niets_achter(vertrouwenspersoon, monkeypatch):
    # The rows are inserted block by block while the file is read (memory); a bad row further on
    # must still leave the database as it was, and every error is reported.
    from vertrouwenspersonen import services

    monkeypatch.setattr(services, "IMPORT_BATCH", 2)
    fouten = fouten_van(
        csv_bytes([rij()] * 5 + [rij(onderdeel="Douanee"), rij(), rij(kwartaal="9")]), vertrouwenspersoon
    )
    assert [(f.regel, f.kolom) for f in fouten] == [(7, "onderdeel"), (9, "kwartaal")]


def test_onbekend_label_noemt_regel_kolom_waarde_en_toegestane_waarden(vertrouwenspersoon):
    fouten = fouten_van(csv_bytes([rij(), rij(onderdeel="Belastingdienstt")]), vertrouwenspersoon)
    fout = een_fout(fouten, regel=3, kolom="onderdeel")
    assert fout.waarde == "Belastingdienstt"
    assert fout.melding == f"{c.ONBEKENDE_WAARDE} {berichten.BEDOELDE_U.format(label='Belastingdienst')}"
    assert "Belastingdienst" in fout.toegestaan and "Anders" in fout.toegestaan
    assert len(fouten) == 1


def test_subcategorie_van_een_andere_hoofdcategorie(vertrouwenspersoon):
    fouten = fouten_van(
        csv_bytes([rij(hoofdcategorie="Financiële schendingen", subcategorie="Intimidatie")]),
        vertrouwenspersoon,
    )
    fout = een_fout(fouten, regel=2, kolom="subcategorie")
    assert fout.melding == c.ONBEKENDE_WAARDE_IN_HOOFDCATEGORIE.format(
        hoofdcategorie="Financiële schendingen"
    )
    assert fout.toegestaan == ("Diefstal / verduistering", "Fraude", "Overig")


def test_optie_die_dat_jaar_niet_in_gebruik_is(vertrouwenspersoon):
    fouten = fouten_van(csv_bytes([rij(wie_betreft_de_melding="Leidinggevende")]), vertrouwenspersoon)
    fout = een_fout(fouten, regel=2, kolom="wie_betreft_de_melding")
    assert fout.melding == regels.NIET_IN_GEBRUIK.format(label="Leidinggevende", jaar=2024)
    assert "Direct leidinggevende" in fout.toegestaan and "Leidinggevende" not in fout.toegestaan


def test_een_subcategorie_die_dat_jaar_is_beeindigd(vertrouwenspersoon):
    Subcategorie.objects.filter(code="5-intimidatie").update(laatste_jaar=2023)
    fouten = fouten_van(csv_bytes([rij(subcategorie="Intimidatie")]), vertrouwenspersoon)
    assert een_fout(fouten, regel=2, kolom="subcategorie").melding == regels.NIET_IN_GEBRUIK.format(
        label="Intimidatie", jaar=2024
    )


@pytest.mark.parametrize(
    "kolom", ["jaar", "onderdeel", "hoofdcategorie", "subcategorie", "situatie_na_interventie"]
)
def test_lege_verplichte_cel(vertrouwenspersoon, kolom):
    fouten = fouten_van(csv_bytes([rij(), rij(), rij(**{kolom: "  "})]), vertrouwenspersoon)
    assert een_fout(fouten, regel=4, kolom=kolom).melding == regels.VERPLICHT


@pytest.mark.parametrize(
    ("jaar", "melding"),
    [
        ("24", regels.JAAR_ONGELDIG.format(voorbeeld=2025)),
        ("twintig", regels.JAAR_ONGELDIG.format(voorbeeld=2025)),
        ("2019", regels.JAAR_BUITEN_BEREIK.format(eerste=2022, laatste=2025)),
        ("2026", regels.JAAR_BUITEN_BEREIK.format(eerste=2022, laatste=2025)),
    ],
)
def test_verkeerd_jaar(vertrouwenspersoon, jaar, melding):
    fouten = fouten_van(csv_bytes([rij(jaar=jaar)]), vertrouwenspersoon)
    assert een_fout(fouten, regel=2, kolom="jaar").melding == melding


def test_verkeerd_bestandstype(vertrouwenspersoon):
    with pytest.raises(BestandFout, match=ONBEKEND_FORMAAT[:30]):
        lees_upload(upload(b"%PDF-1.7\x00\x01 binary", "tellijst.xlsx"))


def test_leeg_bestand(vertrouwenspersoon):
    with pytest.raises(BestandFout, match=LEEG):
        lees_upload(upload(b""))


def test_alleen_een_kopregel_is_geen_tellijst(vertrouwenspersoon):
    fouten = fouten_van(csv_bytes([]), vertrouwenspersoon)
    assert [f.melding for f in fouten] == [c.GEEN_RIJEN]


def test_dubbele_kolom_in_de_kopregel(vertrouwenspersoon):
    kop = [*KOLOMMEN[:2], "jaar", *KOLOMMEN[2:]]
    fouten = fouten_van(csv_bytes([["2024", *rij()[1:2], "2024", *rij()[2:]]], kop=kop), vertrouwenspersoon)
    fout = een_fout(fouten, regel=1, kolom="jaar")
    assert fout.melding == berichten.KOLOM_DUBBEL.format(kolom="jaar")


def test_extra_kolom_in_de_kopregel(vertrouwenspersoon):
    fouten = fouten_van(
        csv_bytes([[*rij(), "Gesprek met X"]], kop=[*KOLOMMEN, "toelichting"]), vertrouwenspersoon
    )
    fout = een_fout(fouten, regel=1, kolom="toelichting")
    assert fout.melding == berichten.KOLOM_ONBEKEND.format(kolom="toelichting")
    assert fout.toegestaan == KOLOMMEN


def test_extra_waarde_zonder_kolom_in_een_rij(vertrouwenspersoon):
    fouten = fouten_van(csv_bytes([rij(), [*rij(), "Naam van de melder"]]), vertrouwenspersoon)
    assert een_fout(fouten, regel=3, kolom="kolom 11").melding == berichten.WAARDE_ZONDER_KOLOM.format(
        nummer=11
    )


def test_ontbrekende_kolom(vertrouwenspersoon):
    kop = [k for k in KOLOMMEN if k != "evaluatielink"]
    fouten = fouten_van(csv_bytes([rij()[:-1]], kop=kop), vertrouwenspersoon)
    assert een_fout(fouten, regel=1, kolom="evaluatielink").melding == berichten.KOLOM_ONTBREEKT.format(
        kolom="evaluatielink"
    )


def test_kapotte_codering_noemt_de_regel(vertrouwenspersoon):
    goed = csv_bytes([rij(), rij()])
    kapot = goed + ";".join(rij(onderdeel="Financi\xeble")).encode("latin-1") + b"\r\n"
    with pytest.raises(BestandFout, match="regel 4"):
        lees_upload(upload(kapot))
    assert Adviesvraag.objects.count() == 0


def test_kapotte_xlsx_is_een_nette_fout(vertrouwenspersoon):
    inhoud = bytearray(xlsx_bytes([rij()]))
    inhoud[200:260] = b"\x00" * 60  # damage the zip archive but keep the signature
    try:
        soort = lees_upload(upload(bytes(inhoud), "t.xlsx"))
    except BestandFout:
        return  # refused as not an .xlsx at all: fine too
    controle = controleer_bestand(soort, vandaag=VANDAAG)
    assert not controle.in_orde and controle.fouten


@pytest.mark.parametrize(
    ("kolom", "waarde", "melding"),
    [
        ("kwartaal", "5", regels.KWARTAAL_ONGELDIG),
        ("melder_is_beklaagde", "ja", regels.BEKLAAGDE_TE_VROEG.format(jaar=2024)),
        ("melder_is_beklaagde", "soms", c.JA_NEE_ONGELDIG),
        ("evaluatielink", "misschien", c.EVALUATIELINK_ONGELDIG),
    ],
)
def test_overige_regels(vertrouwenspersoon, kolom, waarde, melding):
    fouten = fouten_van(csv_bytes([rij(**{kolom: waarde})]), vertrouwenspersoon)
    assert een_fout(fouten, regel=2, kolom=kolom).melding == melding


def test_kwartaal_in_de_toekomst(vertrouwenspersoon):
    fouten = fouten_van(csv_bytes([rij(jaar="2025", kwartaal="4")]), vertrouwenspersoon)
    assert een_fout(fouten, regel=2, kolom="kwartaal").melding == regels.KWARTAAL_IN_TOEKOMST.format(
        kwartaal=4, jaar=2025
    )


def test_alle_fouten_van_alle_regels_in_een_keer(vertrouwenspersoon):
    rijen = [rij(), rij(onderdeel="X"), rij(), rij(jaar="1999", hoofdcategorie="Y"), rij()]
    fouten = fouten_van(csv_bytes(rijen), vertrouwenspersoon)
    assert {(f.regel, f.kolom) for f in fouten} == {(3, "onderdeel"), (5, "jaar"), (5, "hoofdcategorie")}


def test_regelnummer_klopt_na_een_cel_met_een_regeleinde(vertrouwenspersoon):
    inhoud = csv_bytes([rij(onderdeel="Dou\nane"), rij(onderdeel="Onbekend")])
    fouten = fouten_van(inhoud, vertrouwenspersoon)
    assert {f.regel for f in fouten} == {2, 4}


def test_bestaande_rijen_blijven_ongewijzigd_bij_een_fout(vertrouwenspersoon):
    importeer(csv_bytes([rij()]), vertrouwenspersoon)
    fouten_van(csv_bytes([rij(), rij(), rij(onderdeel="?")]), vertrouwenspersoon)
    assert Adviesvraag.objects.count() == 1


def test_alleen_een_vertrouwenspersoon_importeert(analist):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        importeer(csv_bytes([rij()]), analist)
    assert Adviesvraag.objects.count() == 0
