"""Import of the OIF register: the register of a year imports in one go, or not at all."""

import datetime
from contextlib import contextmanager

import pytest

from afdoeningen.importeren import register_importeren, valideer_register
from afdoeningen.importeren.controle import lees_register
from afdoeningen.importeren.rijcontrole import (
    AFDOENING_ONVOLLEDIG,
    AFWIJKEND,
    DATUM_IN_TOEKOMST,
    DATUM_ONGELDIG,
    DATUM_VOOR_ONTVANGST,
    JA_NEE,
    NIET_IN_GEBRUIK,
    NUMMER_ANDER_JAAR,
    NUMMER_BESTAAT,
    NUMMER_ONGELDIG,
    ONBEKENDE_WAARDE,
    ONDERZOEK_ONTBREEKT,
    VERPLICHT,
)
from afdoeningen.models import Afdoening
from finintegriteit.kern.importeren import BestandFout, ImportFout, Upload
from finintegriteit.kern.importeren.berichten import (
    ANDER_BESTAND,
    GEEN_REGELS,
    KOLOM_DUBBEL,
    KOLOM_ONBEKEND,
    KOLOM_ONTBREEKT,
    LEEG,
    WAARDE_ZONDER_KOLOM,
)
from finintegriteit.kern.models import AuditRegel
from finintegriteit.referentie.models import MelderType
from meldingen.models import Betrokkene, Melding, Meldingsteller
from meldingen.nummering import volgend_meldingsnummer

from .registerbestanden import KOP, als_csv, als_xlsx, open_regel, regel

pytestmark = pytest.mark.django_db


def stand():
    return (
        Melding.objects.count(),
        Betrokkene.objects.count(),
        Afdoening.objects.count(),
        AuditRegel.objects.count(),
        list(Meldingsteller.objects.values_list("jaar", "laatste")),
    )


@contextmanager
def database_ongewijzigd():
    voor = stand()
    yield
    assert stand() == voor


def fouten_van(inhoud: bytes, soort: str = "csv") -> list:
    with database_ongewijzigd(), pytest.raises(ImportFout) as fout:
        register_importeren(door=None, inhoud=inhoud, soort=soort)
    return fout.value.fouten


def een_fout(inhoud: bytes, soort: str = "csv"):
    fouten = fouten_van(inhoud, soort)
    assert len(fouten) == 1, [f.als_tekst() for f in fouten]
    return fouten[0]


# --- happy path -------------------------------------------------------------------------------------

REGISTER = [
    # Melding OIF-2024-0007 with three betrokkenen; the third is still open.
    regel(
        meldingsnummer="OIF-2024-0007",
        dienstonderdeel="(p) SG-cluster",
        afdoening="berisping",
        schending="Misbruik bedrijfsmiddelen/interne regelingen",
        datum_afdoening="2024-04-01",
    ),
    regel(
        meldingsnummer="oif-2024-0007",
        onderwerp="ONGEWENSTE  omgangsvormen",
        ontvangen_op="2024-02-01",
        dienstonderdeel="Douane",
        klokkenluidersmelding="NEE",
    ),
    open_regel(meldingsnummer="OIF-2024-0007", dienstonderdeel="dienst toeslagen"),
    # Two meldingen without a number, received later and earlier in 2024.
    regel(
        ontvangen_op="10-05-2024",
        onderzoek="Orienterend onderzoek",
        melder="management",
        datum_afdoening="1-6-2024",
        afdoening="Gesprek/coaching",
    ),
    open_regel(
        ontvangen_op="03-01-2024",
        onderzoek="",
        klokkenluidersmelding="ja",
        onderwerp="Misstanden",
        melder="Anoniem",
    ),
]


def controleer_register_2024():
    melding = Melding.objects.get(nummer="OIF-2024-0007")
    assert melding.dienstonderdeel.code == "beleidsdepartement"  # the first row's
    assert [b.dienstonderdeel.code for b in melding.betrokkenen.order_by("pk")] == [
        "beleidsdepartement",
        "douane",
        "toeslagen",
    ]
    # One betrokkene still open: the melding keeps the status of its onderzoek type.
    assert melding.status == Melding.Status.GEEN_ONDERZOEK
    assert melding.onderzoek_type.code == "geen-onderzoek"
    assert melding.afgedaan_op is None
    afdoening = Afdoening.objects.get(betrokkene__melding=melding, type__code="schriftelijke-berisping")
    assert afdoening.klasse == "disciplinair"
    assert afdoening.schending.code == "misbruik-bedrijfsmiddelen-interne-regels"
    assert afdoening.datum == datetime.date(2024, 4, 1)
    assert afdoening.aangetoond is None  # the register has no such column
    assert not melding.betrokkenen.exclude(naam="").exists()

    # Numbers continue after the kept number, in order of receipt.
    open_melding = Melding.objects.get(nummer="OIF-2024-0008")
    assert open_melding.ontvangen_op == datetime.date(2024, 1, 3)
    assert open_melding.status == Melding.Status.IN_BEOORDELING
    assert open_melding.klokkenluidersmelding is True
    assert open_melding.onderwerp.code == "misstanden"
    afgedaan = Melding.objects.get(nummer="OIF-2024-0009")
    assert afgedaan.status == Melding.Status.AFGEDAAN
    assert afgedaan.afgedaan_op == datetime.date(2024, 6, 1)
    assert afgedaan.onderzoek_type.code == "orienterend-onderzoek"
    assert afgedaan.melder_type.code == "management"
    with __import__("django").db.transaction.atomic():
        assert volgend_meldingsnummer(jaar=2024)[1] == "OIF-2024-0010"


def test_csv_register_met_meerdere_betrokkenen_en_lopende_zaken():
    samenvatting = register_importeren(door=None, inhoud=als_csv(REGISTER), soort="csv")
    assert (samenvatting.meldingen, samenvatting.betrokkenen, samenvatting.afdoeningen) == (3, 5, 3)
    assert (samenvatting.open_betrokkenen, samenvatting.afgedane_meldingen) == (2, 1)
    assert (samenvatting.met_nummer, samenvatting.nieuw_nummer) == (1, 2)
    controleer_register_2024()


def test_csv_met_komma_en_zonder_bom():
    register_importeren(door=None, inhoud=als_csv(REGISTER, scheiding=",", bom=False), soort="csv")
    controleer_register_2024()


def test_xlsx_register_met_echte_datumcellen(analist):
    regels = [list(r) for r in REGISTER]
    regels[0][KOP.index("ontvangen_op")] = datetime.datetime(2024, 2, 1)
    regels[0][KOP.index("datum_afdoening")] = datetime.date(2024, 4, 1)
    register_importeren(door=analist, inhoud=als_xlsx(regels), soort="xlsx")
    controleer_register_2024()
    assert (
        AuditRegel.objects.filter(gebruiker=analist, actie="aangemaakt", object_type="melding").count() == 3
    )
    assert AuditRegel.objects.filter(object_type="betrokkene").count() == 5
    assert AuditRegel.objects.filter(object_type="afdoening").count() == 3


def test_kopregel_mag_hoofdletters_en_spaties_hebben():
    kop = [k.replace("_", " ").upper() for k in KOP]
    register_importeren(door=None, inhoud=als_csv([regel()], kop=kop), soort="csv")
    assert Melding.objects.count() == 1


def test_lege_regels_worden_overgeslagen_en_regelnummers_kloppen():
    inhoud = als_csv([regel(), ["" for _ in KOP], regel(melder="Collega")])
    fout = een_fout(inhoud)
    assert (fout.regel, fout.kolom) == (4, "melder")


def test_bestaand_meldingsnummer_wordt_geweigerd(maak_melding):
    bestaand = maak_melding()  # OIF-2024-0001
    fout = een_fout(als_csv([regel(), regel(meldingsnummer=bestaand.nummer)]))
    assert (fout.regel, fout.kolom, fout.waarde) == (3, "meldingsnummer", bestaand.nummer)
    assert fout.melding == NUMMER_BESTAAT.format(nummer=bestaand.nummer)


def test_nieuwe_nummers_volgen_op_wat_er_al_is(maak_melding):
    maak_melding()
    maak_melding()
    register_importeren(
        door=None,
        inhoud=als_csv(
            [
                regel(),
                regel(
                    meldingsnummer="OIF-2023-0100", ontvangen_op="28-12-2023", datum_afdoening="02-01-2024"
                ),
            ]
        ),
        soort="csv",
    )
    assert set(Melding.objects.values_list("nummer", flat=True)) == {
        "OIF-2024-0001",
        "OIF-2024-0002",
        "OIF-2024-0003",
        "OIF-2023-0100",
    }
    assert Meldingsteller.objects.get(jaar=2023).laatste == 100


def test_alles_of_niets_een_foute_regel_houdt_het_hele_bestand_tegen():
    fout = een_fout(als_csv([regel() for _ in range(50)] + [regel(afdoening="Boete")]))
    assert (fout.regel, fout.kolom, fout.waarde) == (52, "afdoening", "Boete")
    assert Melding.objects.count() == 0


# --- bad rows: every error with its line and column, and the database unchanged ------------------------


@pytest.mark.parametrize(
    ("rij", "kolom", "bericht"),
    [
        (regel(melder="Collega"), "melder", ONBEKENDE_WAARDE.format(kolom="melder")),
        (
            regel(dienstonderdeel="Rijkswaterstaat"),
            "dienstonderdeel",
            ONBEKENDE_WAARDE.format(kolom="dienstonderdeel"),
        ),
        (regel(schending="Diefstal"), "schending", ONBEKENDE_WAARDE.format(kolom="schending")),
        (regel(onderzoek="Groot onderzoek"), "onderzoek", ONBEKENDE_WAARDE.format(kolom="onderzoek")),
        (regel(ontvangen_op="31-02-2024"), "ontvangen_op", DATUM_ONGELDIG),
        (regel(ontvangen_op="2024/02/01"), "ontvangen_op", DATUM_ONGELDIG),
        (regel(ontvangen_op="1 februari 2024"), "ontvangen_op", DATUM_ONGELDIG),
        (regel(ontvangen_op=""), "ontvangen_op", VERPLICHT.format(kolom="ontvangen_op")),
        (regel(datum_afdoening="01-01-2099"), "datum_afdoening", DATUM_IN_TOEKOMST),
        (
            regel(datum_afdoening="31-01-2024"),
            "datum_afdoening",
            DATUM_VOOR_ONTVANGST.format(datum="01-02-2024"),
        ),
        (regel(klokkenluidersmelding="misschien"), "klokkenluidersmelding", JA_NEE),
        (
            regel(klokkenluidersmelding=""),
            "klokkenluidersmelding",
            VERPLICHT.format(kolom="klokkenluidersmelding"),
        ),
        (regel(meldingsnummer="2024-0012"), "meldingsnummer", NUMMER_ONGELDIG),
        (regel(meldingsnummer="OIF-2024-0000"), "meldingsnummer", NUMMER_ONGELDIG),
        (
            regel(meldingsnummer="OIF-2023-0105"),
            "meldingsnummer",
            NUMMER_ANDER_JAAR.format(nummerjaar=2023, jaar=2024),
        ),
        (regel(onderzoek=""), "onderzoek", ONDERZOEK_ONTBREEKT),
        (regel(datum_afdoening=""), "datum_afdoening", AFDOENING_ONVOLLEDIG),
        (regel(inhoud=""), "inhoud", AFDOENING_ONVOLLEDIG),
    ],
)
def test_foute_regel_noemt_regel_kolom_en_waarde(rij, kolom, bericht):
    fout = een_fout(als_csv([regel(), rij]))
    assert (fout.regel, fout.kolom, fout.melding) == (3, kolom, bericht)
    assert fout.waarde == rij[KOP.index(kolom)]


def test_onbekend_label_noemt_de_toegestane_waarden():
    fout = een_fout(als_csv([regel(afdoening="Boete")]))
    assert "Schriftelijke berisping" in fout.toegestaan
    assert "Financiële afdoening (boete/uitsluiting periodiek)" in fout.toegestaan


def test_beeindigde_optie_is_niet_in_gebruik_in_later_jaar():
    MelderType.objects.filter(code="burger").update(laatste_jaar=2023)
    fout = een_fout(als_csv([regel(melder="Burger")]))
    assert fout.melding == NIET_IN_GEBRUIK.format(label="Burger", jaar=2024)
    assert "Burger" not in fout.toegestaan
    register_importeren(
        door=None,
        inhoud=als_csv([regel(melder="Burger", ontvangen_op="01-02-2023", datum_afdoening="01-03-2023")]),
        soort="csv",
    )


def test_gedeeltelijke_afdoening_noemt_elke_lege_kolom():
    fouten = fouten_van(als_csv([regel(inhoud="", datum_afdoening="")]))
    assert [(f.regel, f.kolom, f.melding) for f in fouten] == [
        (2, "inhoud", AFDOENING_ONVOLLEDIG),
        (2, "datum_afdoening", AFDOENING_ONVOLLEDIG),
    ]


@pytest.mark.parametrize(
    ("kolom", "eerste", "later"),
    [
        ("ontvangen_op", "01-02-2024", "02-02-2024"),
        ("melder", "Management", "Medewerker"),
        ("onderwerp", "Ongewenste omgangsvormen", "Ongepaste communicatie"),
        ("klokkenluidersmelding", "nee", "ja"),
        ("onderzoek", "Geen onderzoek", "Volledig feitenonderzoek"),
        ("onderzoek", "Geen onderzoek", ""),
    ],
)
def test_meldinggegevens_die_per_regel_verschillen_zijn_een_fout(kolom, eerste, later):
    rijen = [
        regel(meldingsnummer="OIF-2024-0001", **{kolom: eerste}),
        regel(),
        regel(meldingsnummer="OIF-2024-0001", **{kolom: later}),
    ]
    fouten = fouten_van(als_csv(rijen))
    assert [(f.regel, f.kolom, f.waarde) for f in fouten if f.melding.startswith("Wijkt af")] == [
        (4, kolom, later)
    ]
    assert fouten[0].melding == AFWIJKEND.format(regel=2, nummer="OIF-2024-0001", waarde=eerste)


def test_meldinggegevens_gelijk_na_normaliseren_van_schrijfwijze_en_datum():
    rijen = [
        regel(
            meldingsnummer="OIF-2024-0001",
            ontvangen_op="01-02-2024",
            onderwerp="Misbruik bevoegdheden",
            onderzoek="Oriënterend onderzoek",
            klokkenluidersmelding="nee",
        ),
        regel(
            meldingsnummer="OIF-2024-0001",
            ontvangen_op="2024-02-01",
            onderwerp="misbruik  VAN bevoegdheden",
            onderzoek="alleen vooronderzoek",
            klokkenluidersmelding="Nee",
        ),
    ]
    register_importeren(door=None, inhoud=als_csv(rijen), soort="csv")
    assert Melding.objects.get().betrokkenen.count() == 2


def test_persoonsgegevens_in_de_inhoud_worden_geweigerd():
    fout = een_fout(als_csv([regel(inhoud="Gesprek met j.jansen@minfin.nl gevoerd.")]))
    assert (fout.regel, fout.kolom) == (2, "inhoud")


def test_alle_fouten_tegelijk_op_volgorde_van_regel():
    fouten = fouten_van(als_csv([regel(melder="x"), regel(), regel(ontvangen_op="gisteren", afdoening="y")]))
    assert [(f.regel, f.kolom) for f in fouten] == [(2, "melder"), (4, "ontvangen_op"), (4, "afdoening")]


# --- the file itself ----------------------------------------------------------------------------------


def test_dubbele_kolom_in_kopregel():
    fouten = fouten_van(als_csv([regel() + ["x"]], kop=KOP + ["melder"]))
    assert [(f.regel, f.kolom, f.melding) for f in fouten] == [
        (1, "melder", KOLOM_DUBBEL.format(kolom="melder"))
    ]


def test_ontbrekende_kolom_in_kopregel():
    kop = [k for k in KOP if k != "onderzoek"]
    rij = [w for k, w in zip(KOP, regel(), strict=True) if k != "onderzoek"]
    fouten = fouten_van(als_xlsx([rij], kop=kop), "xlsx")
    assert [(f.regel, f.kolom, f.melding) for f in fouten] == [
        (1, "onderzoek", KOLOM_ONTBREEKT.format(kolom="onderzoek"))
    ]
    assert fouten[0].toegestaan[:2] == ("meldingsnummer", "ontvangen_op")


def test_een_tellijst_in_de_registerimport_krijgt_een_melding_en_geen_per_kolom():
    """A Tellijst uploaded by mistake gave some twenty errors, one per column, none saying what was wrong."""
    tellijst = "jaar;kwartaal;onderdeel;hoofdcategorie;subcategorie;wie_betreft\r\n2024;1;Douane;x;y;z\r\n"
    fout = een_fout(tellijst.encode())
    assert (fout.regel, fout.kolom) == (1, "kopregel")
    assert fout.melding == ANDER_BESTAND.format(gevonden=0, verwacht=len(KOP))
    assert "meldingsnummer" in fout.toegestaan, "de fout noemt de kolommen die wel horen"


def test_extra_kolom_in_kopregel():
    fouten = fouten_van(als_csv([regel() + ["ja"]], kop=KOP + ["aangetoond"]))
    assert [(f.regel, f.kolom, f.melding) for f in fouten] == [
        (1, "aangetoond", KOLOM_ONBEKEND.format(kolom="aangetoond"))
    ]


def test_waarde_buiten_de_kolommen():
    fout = een_fout(als_csv([regel(), regel() + ["over"]]))
    assert (fout.regel, fout.melding) == (3, WAARDE_ZONDER_KOLOM.format(nummer=12))


def test_leeg_bestand_en_alleen_een_kopregel():
    with pytest.raises(BestandFout, match=LEEG):
        lees_register(Upload("csv", b""))
    with pytest.raises(BestandFout, match=GEEN_REGELS.format(wat="regels")):
        lees_register(Upload("csv", als_csv([])))


def test_kapotte_codering_noemt_de_regel():
    inhoud = als_csv([regel(), regel(inhoud="Ongepaste gedragingen in privésfeer.")], bom=False)
    with database_ongewijzigd(), pytest.raises(BestandFout, match="regel 3"):
        register_importeren(door=None, inhoud=inhoud.decode().encode("latin-1"), soort="csv")


def test_kapotte_werkmap():
    with database_ongewijzigd(), pytest.raises(BestandFout):
        register_importeren(door=None, inhoud=als_xlsx([regel()])[:300], soort="xlsx")


def test_validatie_is_een_functie_van_rijen_voor_andere_laders():
    """The demo-data loader can pass plain dicts (with real dates) without any file."""
    rijen = [dict(zip(KOP, regel(), strict=True)) | {"ontvangen_op": datetime.date(2024, 2, 1)}]
    register, fouten = valideer_register(rijen, bestaande_nummers=set())
    assert fouten == []
    assert register.aantallen()["afdoeningen"] == 1
    assert register.meldingen[0].status == Melding.Status.AFGEDAAN


@pytest.mark.parametrize("aantal", [5, 200])
def test_controle_kost_een_query_per_taxonomie_ongeacht_het_aantal_regels(django_assert_num_queries, aantal):
    rijen = [
        dict(zip(KOP, regel(meldingsnummer=f"OIF-2024-{i + 1:04d}"), strict=True)) for i in range(aantal)
    ]
    # Five taxonomy tables and one look-up of the case numbers that already exist.
    with django_assert_num_queries(6):
        register, fouten = valideer_register(rijen)
    assert fouten == [] and len(register.meldingen) == aantal


def test_importeren_kost_geen_query_per_regel(django_assert_max_num_queries):
    rijen = [regel(meldingsnummer=f"OIF-2023-{i + 1:04d}", ontvangen_op="01-02-2023") for i in range(150)]
    rijen += [regel() for _ in range(150)]
    # Inserts go in batches (SQLite caps a batch by its parameter limit); never one query per row.
    # The meldingen and afdoeningen services each write their audit rows (hash chain, reasons) and
    # open a savepoint: a fixed number of queries more, whatever the number of rows.
    with django_assert_max_num_queries(80):
        register_importeren(door=None, inhoud=als_csv(rijen), soort="csv")
    assert Melding.objects.count() == 300
