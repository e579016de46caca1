"""The one percentage and the one arrow of the report (rapportage.vergelijken)."""

from rapportage.selectors.afscherming import VERBORGEN
from rapportage.tabellen import InfoRegel
from rapportage.vergelijken import GELIJK, OMHOOG, OMLAAG, pijl, procent


def test_procent_rondt_half_naar_boven_af_en_is_leeg_zonder_totaal():
    assert procent(1, 8) == 13  # 12,5
    assert procent(683, 1200) == 57  # 56,9
    assert procent(3, 0) is None


def test_pijl_tegen_vorig_jaar():
    assert pijl(5, 3) == OMHOOG and pijl(3, 5) == OMLAAG and pijl(4, 4) == GELIJK
    assert pijl(5, 3, vergelijkbaar=False) is None
    # A count hidden under a threshold, or missing, has nothing to compare.
    assert pijl(VERBORGEN, 3) is None and pijl(5, "<5") is None and pijl(5, None) is None


def test_de_infographic_drukt_alleen_stijging_en_daling_af():
    assert [InfoRegel("a", 1, p).teken for p in (OMHOOG, OMLAAG, GELIJK, None)] == [OMHOOG, OMLAAG, "", ""]
    assert InfoRegel("a", 1, OMLAAG).richting == "neer"
