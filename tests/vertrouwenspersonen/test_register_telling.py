"""The register overview counts per status on a peildatum, also for dates in the past."""

import datetime

import pytest

from vertrouwenspersonen.demodata import PEILDATUM, register_demo_laden
from vertrouwenspersonen.models import Certificeringsstatus, VertrouwenspersoonProfiel
from vertrouwenspersonen.selectors import register_telling, verlopende_certificeringen

pytestmark = pytest.mark.django_db

LABELS = [
    "LVV-registervertrouwenspersoon",
    "Bezig met certificering",
    "Gestart met de basisopleiding",
    "Geen voornemen tot certificering",
]


def test_demoregister_geeft_de_tabel_van_het_jaarverslag():
    register_demo_laden()
    telling = register_telling(peildatum=PEILDATUM)
    assert telling == {
        "totaal": 76,
        "per_status": dict(zip(LABELS, [54, 16, 4, 2], strict=True)),
        "verlopen": 0,
    }
    assert list(telling["per_status"]) == LABELS


def test_demoregister_laden_is_herhaalbaar_en_deterministisch():
    register_demo_laden()
    eerst = list(Certificeringsstatus.objects.values_list("vertrouwenspersoon__naam", "status", "vanaf"))
    register_demo_laden()
    assert VertrouwenspersoonProfiel.objects.count() == 76
    assert sorted(
        Certificeringsstatus.objects.values_list("vertrouwenspersoon__naam", "status", "vanaf")
    ) == sorted(eerst)
    assert register_telling(peildatum=PEILDATUM)["totaal"] == 76


def test_demoregister_heeft_drie_coordinerende_vertrouwenspersonen_sinds_mei_2024():
    register_demo_laden()
    coordinerend = VertrouwenspersoonProfiel.objects.filter(coordinerend=True)
    assert coordinerend.count() == 3
    assert set(coordinerend.values_list("coordinerend_sinds", flat=True)) == {datetime.date(2024, 5, 1)}


def test_demoregister_heeft_certificeringen_die_binnen_drie_maanden_verlopen():
    register_demo_laden()
    verlopend = verlopende_certificeringen(peildatum=PEILDATUM)
    assert len(verlopend) >= 3
    assert all(PEILDATUM <= verloopt_op <= datetime.date(2025, 5, 25) for _p, verloopt_op in verlopend)


def test_een_latere_peildatum_telt_de_statussen_van_dan():
    register_demo_laden()
    later = register_telling(peildatum=datetime.date(2025, 12, 31))
    # Eight certified after the peildatum; the two without intention retired on 1 July 2025. Thirteen
    # certifications ran out in 2025 without a recertification in the demo register: they no longer
    # count as LVV-registervertrouwenspersoon but as expired.
    assert later["per_status"]["LVV-registervertrouwenspersoon"] == 62 - 13
    assert later["verlopen"] == 13
    assert later["per_status"]["Geen voornemen tot certificering"] == 0
    assert later["totaal"] == 74


def test_telling_zonder_register_heeft_alle_vier_de_labels_met_nul():
    assert register_telling(peildatum=PEILDATUM) == {
        "totaal": 0,
        "per_status": dict.fromkeys(LABELS, 0),
        "verlopen": 0,
    }


def test_telling_is_een_query(django_assert_num_queries):
    register_demo_laden()
    with django_assert_num_queries(1):
        register_telling(peildatum=PEILDATUM)
