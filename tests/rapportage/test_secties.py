"""The report reads the figures through typed, frozen sections (rapportage.secties)."""

import dataclasses

import pytest

from rapportage.secties import Driejaarsrij, Kader, Kerncijfers, Oif, Vertrouwenspersonen


def test_een_sectie_zonder_sleutels_heeft_lege_waarden_en_geen_fout():
    vp, o, kern = Vertrouwenspersonen.uit({}), Oif.uit({}), Kerncijfers.uit({"kerncijfers": None})

    assert vp.totaal is None and vp.totalen == {} and vp.bijlage1.aard == () and vp.aard_per_beklaagde == ()
    assert vp.afhandeling_van("ongewenste-omgangsvormen").subcategorieen == ()
    assert o.tabel("melder") == () and o.meldingen is None and o.bijlage2 == ()
    assert kern.register is None and kern.medewerkers.totaal is None and not kern.ingevoerd
    assert kern.klachtencommissie.onderwerpen == () and kern.cif.meldingen is None
    assert Kader.uit({}).drempel == 0 and Kader.uit({}).vergelijking_voetnoten == {}


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
    assert vp.bijlage1.wie_betreft_de_melding == (Driejaarsrij(code="melder-zelf", label="Melder zelf"),)
    assert vp.afhandeling_van("oo").label == "Ongewenste omgangsvormen"
    with pytest.raises(dataclasses.FrozenInstanceError):
        vp.totaal = 13
    with pytest.raises(dataclasses.FrozenInstanceError):
        vp.bijlage1.wie_betreft_de_melding[0].aantal = 1


def test_rijen_zijn_getypeerd_tot_in_de_waarden_per_jaar():
    vp = Vertrouwenspersonen.uit(
        {
            "vertrouwenspersonen": {
                "bijlage1": {
                    "aard": [
                        {
                            "code": "oo",
                            "label": "Ongewenste omgangsvormen",
                            "nummer": 1,
                            "uitsplitsen": True,
                            "waarden": [{"jaar": 2024, "aantal": 7, "procent": 58, "in_gebruik": True}],
                            "subcategorieen": [{"code": "pesten", "label": "Pesten", "aantal": 3}],
                        }
                    ]
                }
            }
        }
    )

    (hoofd,) = vp.bijlage1.aard
    assert hoofd.uitsplitsen and hoofd.nummer == 1
    assert hoofd.waarden[0].procent == 58 and hoofd.waarden[0].procent_van_hoofdcategorie is None
    assert hoofd.subcategorieen[0].aantal == 3 and hoofd.subcategorieen[0].waarden == ()
