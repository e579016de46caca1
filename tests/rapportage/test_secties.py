"""The chapters read the figures through typed, frozen sections (rapportage.hoofdstukken.secties)."""

import dataclasses

import pytest

from rapportage.hoofdstukken.secties import Kerncijfers, Oif, Vertrouwenspersonen


def test_een_sectie_zonder_sleutels_heeft_lege_waarden_en_geen_fout():
    vp, o, kern = Vertrouwenspersonen.uit({}), Oif.uit({}), Kerncijfers.uit({"kerncijfers": None})

    assert vp.totaal is None and vp.totalen == {} and vp.aard == [] and vp.aard_per_beklaagde == []
    assert vp.afhandeling_van("ongewenste-omgangsvormen")["subcategorieen"] == []
    assert o.tabel("melder") == [] and o.meldingen is None
    assert kern.register is None and kern.medewerkers.totaal is None and not kern.ingevoerd
    assert kern.klachtencommissie.onderwerpen == [] and kern.cif.meldingen is None


def test_een_sectie_leest_de_figuren_en_is_bevroren():
    vp = Vertrouwenspersonen.uit(
        {
            "vertrouwenspersonen": {
                "totaal": 12,
                "totalen": [{"jaar": 2023, "aantal": 10}, {"jaar": 2024, "aantal": 12}],
                "bijlage1": {"wie_betreft_de_melding": [{"code": "melder-zelf", "label": "Melder zelf"}]},
                "afhandeling_per_subcategorie": [{"code": "oo", "label": "Ongewenste omgangsvormen"}],
            }
        }
    )

    assert vp.totalen == {2023: 10, 2024: 12}
    assert [r["label"] for r in vp.wie_betreft] == ["Melder zelf"]
    assert vp.afhandeling_van("oo")["label"] == "Ongewenste omgangsvormen"
    with pytest.raises(dataclasses.FrozenInstanceError):
        vp.totaal = 13
