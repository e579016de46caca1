"""The one percentage and the one arrow of the report (rapportage.vergelijken)."""

from rapportage import tabellen
from rapportage.secties import Driejaarsrij, Jaarwaarde
from rapportage.selectors.afscherming import VERBORGEN
from rapportage.tabellen import InfoRegel, Kolom, tabel_uit_telling
from rapportage.vergelijken import GELIJK, OMHOOG, OMLAAG, pijl, procent


def test_procent_rondt_half_naar_boven_af_en_is_leeg_zonder_totaal():
    assert procent(1, 8) == 13  # 12,5
    assert procent(683, 1200) == 57  # 56,9
    assert procent(3, 0) is None


def test_een_aandeel_dat_op_0_of_100_afrondt_zegt_dat_het_iets_of_niet_alles_is():
    # 1 of 214 is 0,5%: rounded 0, but someone; 213 of 214 is 99,5%: rounded 100, but not everyone.
    assert tabellen.procent(procent(1, 214), aantal=1, totaal=214) == "<1%"
    assert tabellen.procent(procent(213, 214), aantal=213, totaal=214) == ">99%"
    assert tabellen.procent(procent(0, 214), aantal=0, totaal=214) == "0%"
    assert tabellen.procent(procent(214, 214), aantal=214, totaal=214) == "100%"
    assert tabellen.procent(procent(683, 1200), aantal=683, totaal=1200) == "57%"
    # Hidden under a threshold, or unknown: nothing more to say than the number.
    assert tabellen.procent(None, aantal=1) == "" and tabellen.procent(0) == "0%"


def test_een_tabel_drukt_het_aandeel_af_met_zijn_aantal_en_het_totaal_van_de_tabel():
    def rij(label, aantal):
        return Driejaarsrij(
            label=label, waarden=(Jaarwaarde(jaar=2024, aantal=aantal, procent=procent(aantal, 214)),)
        )

    tabel = tabel_uit_telling(
        "t",
        "Melders",
        "Melder",
        [rij("Medewerker", 213), rij("Anoniem", 1), rij("Extern", 0)],
        [Kolom("2024", 2024), Kolom("%", 2024, "procent")],
        totalen={2024: 214},
    )
    assert [[tekst for tekst, _ in cellen] for _, cellen in tabel.cellen()] == [
        ["213", ">99%"],
        ["1", "<1%"],
        ["0", "0%"],
        ["214", ""],
    ]
    # The spreadsheet keeps the plain whole percent.
    assert [r.waarden[1] for r in tabel.rijen[:3]] == [100, 0, 0]


def test_pijl_tegen_vorig_jaar():
    assert pijl(5, 3) == OMHOOG and pijl(3, 5) == OMLAAG and pijl(4, 4) == GELIJK
    assert pijl(5, 3, vergelijkbaar=False) is None
    # A count hidden under a threshold, or missing, has nothing to compare.
    assert pijl(VERBORGEN, 3) is None and pijl(5, "<5") is None and pijl(5, None) is None


def test_de_infographic_drukt_alleen_stijging_en_daling_af():
    assert [InfoRegel("a", 1, p).teken for p in (OMHOOG, OMLAAG, GELIJK, None)] == [OMHOOG, OMLAAG, "", ""]
    assert InfoRegel("a", 1, OMLAAG).richting == "neer"
