"""The seeded taxonomies have exactly the options per year that the 2024 report uses."""

import pytest
from django.db.models import ProtectedError

from finintegriteit.referentie import models as m
from tests.factories import AdviesvraagFactory

pytestmark = pytest.mark.django_db

# Counts read from the report's Bijlage 1 (blank cells per the reference file's in_use_years).
OPTIES_PER_JAAR = {
    m.Hoofdcategorie: {2022: 8, 2023: 8, 2024: 8, 2025: 8},
    m.Subcategorie: {2022: 45, 2023: 45, 2024: 45, 2025: 45},
    m.WieBetreft: {2022: 4, 2023: 5, 2024: 5, 2025: 5},
    m.WijzeVanAfdoening: {2022: 8, 2023: 15, 2024: 12, 2025: 12},
    m.SituatieNaInterventie: {2022: 10, 2023: 14, 2024: 10, 2025: 10},
    m.Onderdeel: {2024: 5},
    m.MelderType: {2024: 7},
    m.OnderzoekType: {2024: 3},
    m.AfdoeningType: {2024: 9},
}


@pytest.mark.parametrize(
    ("model", "jaar", "aantal"),
    [(model, jaar, n) for model, per_jaar in OPTIES_PER_JAAR.items() for jaar, n in per_jaar.items()],
)
def test_aantal_opties_per_jaar(model, jaar, aantal):
    assert model.objects.in_jaar(jaar).count() == aantal


def test_labels_zoals_het_jaarverslag_ze_spelt():
    assert m.Subcategorie.objects.filter(
        hoofdcategorie__nummer=8, label="PSA (werkdruk, stress etc)"
    ).exists()
    assert m.WijzeVanAfdoening.objects.get(code="loopt-nog").loopt_nog
    assert set(m.WieBetreft.objects.in_jaar(2024).values_list("label", flat=True)) == {
        "Melder zelf",
        "Direct leidinggevende",
        "Andere leidinggevende",
        "Collega eigen organisatieonderdeel",
        "Medewerker ander organisatieonderdeel",
    }
    assert m.SchendingSoort.objects.filter(
        label="Misstanden volgens Klokkenluidersregeling", is_misstand=True
    ).exists()
    assert list(m.Onderdeel.objects.values_list("label", flat=True)) == [
        "Belastingdienst",
        "Douane",
        "Toeslagen",
        "Beleidsdepartement",
        "Anders",
    ]


def test_splitsing_leidinggevende_deelt_een_vergelijkingsgroep():
    groep = set(
        m.WieBetreft.objects.filter(vergelijkingsgroep="Leidinggevende").values_list("label", flat=True)
    )
    assert groep == {"Leidinggevende", "Direct leidinggevende", "Andere leidinggevende"}
    assert not m.WieBetreft.objects.get(label="Leidinggevende").in_gebruik(2024)


def test_genormaliseerd_en_geschil_opgelost_vervangt_genormaliseerd_in_2023():
    oud = m.SituatieNaInterventie.objects.get(label="Genormaliseerd")
    nieuw = m.SituatieNaInterventie.objects.get(label="Genormaliseerd en geschil opgelost")
    assert (oud.eerste_jaar, oud.laatste_jaar) == (2022, 2023)
    assert (nieuw.eerste_jaar, nieuw.laatste_jaar) == (2023, None)


def test_afdoeningklassen_geven_de_gepubliceerde_100_66_20_met_bijlage_2():
    # Row counts per type in Bijlage 2 of the report.
    bijlage2 = {
        "Geen afdoening/actie": 100,
        "Afdoening d.m.v. corrigerend gesprek, waarschuwingsbrief, training, coaching, e.d.": 48,
        "Ontslag op initiatief van de medewerker": 14,
        "Beëindiging tijdelijke arbeidsovereenkomst, contract, stage": 4,
        "Schriftelijke berisping": 7,
        "Vermindering IKB-uren": 3,
        "Verplaatsing": 4,
        "Beëindiging dienstverband": 4,
        "Financiële afdoening (boete/uitsluiting periodiek)": 2,
    }
    per_klasse = {}
    for afdoening in m.AfdoeningType.objects.all():
        per_klasse[afdoening.klasse] = per_klasse.get(afdoening.klasse, 0) + bijlage2[afdoening.label]
    assert per_klasse == {"geen afdoening": 100, "niet-disciplinair": 66, "disciplinair": 20}


def test_varianten_worden_herkend_zonder_hoofdletters_en_accenten():
    from finintegriteit.referentie.selectors import LabelZoeker

    zoeker = LabelZoeker(m.OnderzoekType)
    assert zoeker.zoek("  orienterend ONDERZOEK ").label == "Oriënterend onderzoek"
    assert zoeker.zoek("Alleen vooronderzoek").label == "Oriënterend onderzoek"
    assert zoeker.zoek("Geen idee") is None
    onderdelen = LabelZoeker(m.Onderdeel)
    assert onderdelen.zoek("(p) SG-cluster").label == "Beleidsdepartement"
    assert onderdelen.zoek("Dienst Toeslagen").label == "Toeslagen"


def test_optie_in_gebruik_kan_niet_worden_verwijderd_wel_beeindigd(vertrouwenspersoon):
    sub = m.Subcategorie.objects.get(hoofdcategorie__nummer=5, label="Intimidatie")
    AdviesvraagFactory(hoofdcategorie=sub.hoofdcategorie, subcategorie=sub)
    with pytest.raises(ProtectedError):
        sub.delete()
    sub.laatste_jaar = 2024
    sub.save()
    assert not m.Subcategorie.objects.in_jaar(2025).filter(pk=sub.pk).exists()


def test_beheerder_ziet_in_de_admin_dat_een_gebruikte_optie_niet_weg_kan(
    client, beheerder, vertrouwenspersoon
):
    sub = m.Subcategorie.objects.get(hoofdcategorie__nummer=5, label="Discriminatie")
    AdviesvraagFactory(hoofdcategorie=sub.hoofdcategorie, subcategorie=sub)
    client.force_login(beheerder)
    url = f"/beheer/referentie/subcategorie/{sub.pk}/delete/"
    antwoord = client.post(url, {"post": "yes"})
    assert antwoord.status_code == 200
    assert "kan niet worden verwijderd" in antwoord.content.decode()
    assert m.Subcategorie.objects.filter(pk=sub.pk).exists()


def test_de_verwijderpagina_noemt_geen_tellijstrij_en_geen_melding_maar_telt_ze(client, beheerder):
    """Django's page named every row that uses the option: the kenmerk a vertrouwenspersoon sees in
    'Mijn adviesvragen', and the numbers of the meldingen, which a beheerder must not see."""
    from tests.factories import MeldingFactory

    douane = m.Onderdeel.objects.get(code="douane")
    vragen = [AdviesvraagFactory(onderdeel=douane) for _ in range(2)]
    melding = MeldingFactory(dienstonderdeel=douane)
    client.force_login(beheerder)
    html = client.get(f"/beheer/referentie/onderdeel/{douane.pk}/delete/").content.decode()
    assert "kan niet worden verwijderd" in html
    for vraag in vragen:
        assert vraag.kenmerk not in html
    assert melding.nummer not in html
    assert "2 adviesvragen" in html and "1 meldingen" in html


def test_eindjaar_voor_beginjaar_wordt_geweigerd():
    from django.db import IntegrityError, transaction

    optie = m.MelderType.objects.first()
    optie.laatste_jaar = optie.eerste_jaar - 1
    with pytest.raises(IntegrityError), transaction.atomic():
        optie.save()
