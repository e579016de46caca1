"""The seeded taxonomies have exactly the options per year that the 2024 report uses."""

import re

import pytest
from django.db.models import ProtectedError

from finintegriteit.referentie import models as m
from tests.factories import AdviesvraagFactory

pytestmark = pytest.mark.django_db
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')

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


def test_de_beheerder_leest_nergens_af_of_een_optie_in_gebruik_is(client, beheerder):
    """The attack: the delete page counted the rows that use an option ('1 adviesvragen'), and the count
    went to 2 as soon as a vertrouwenspersoon saved a row. Now an option in its years cannot be deleted,
    used or not: the pages do not depend on the rows at all."""
    from tests.factories import MeldingFactory

    gebruikt = m.Subcategorie.objects.get(hoofdcategorie__nummer=5, label="Discriminatie")
    ongebruikt = m.Subcategorie.objects.get(hoofdcategorie__nummer=5, label="Intimidatie")
    client.force_login(beheerder)

    def paginas() -> list[tuple[int, str]]:
        gezien = []
        for optie in (gebruikt, ongebruikt):
            for pad in ("delete/", "change/"):
                antwoord = client.get(f"/beheer/referentie/subcategorie/{optie.pk}/{pad}")
                html = antwoord.content.decode().replace(optie.label, "…")
                gezien.append((antwoord.status_code, CSRF.sub("", html)))
        return gezien

    voor = paginas()
    vraag = AdviesvraagFactory(hoofdcategorie=gebruikt.hoofdcategorie, subcategorie=gebruikt)
    MeldingFactory()
    na = paginas()
    assert [status for status, _ in na] == [403, 200, 403, 200]
    assert "Verwijderen" not in na[1][1], "geen verwijderknop"
    assert na == voor, "niets op de pagina's verandert door een nieuwe rij"
    assert na[0] == na[2] and na[1][1].count("gebruik") == na[3][1].count("gebruik")
    assert (
        client.post(f"/beheer/referentie/subcategorie/{gebruikt.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    lijst = client.get("/beheer/referentie/subcategorie/").content.decode()
    assert "delete_selected" not in lijst, "geen bulkverwijdering"
    assert vraag.kenmerk not in lijst
    assert m.Subcategorie.objects.filter(pk=gebruikt.pk).exists()


def test_het_eerste_jaar_van_een_begonnen_optie_schuift_niet_naar_volgend_jaar(client, beheerder):
    """The attack: the beheerder moved an option in use to next year, which made it deletable, and the
    delete page then said whether rows used it; he moved it back and tried again after the next save."""
    from django.utils import timezone

    volgend_jaar = timezone.localdate().year + 1
    optie = m.MelderType.objects.filter(eerste_jaar__lte=volgend_jaar - 1, laatste_jaar__isnull=True).first()
    eerste_jaar = optie.eerste_jaar
    client.force_login(beheerder)
    gegevens = {
        "code": optie.code,
        "label": optie.label,
        "varianten": "",
        "volgorde": str(optie.volgorde),
        "eerste_jaar": str(volgend_jaar),
        "laatste_jaar": "",
        "vergelijkingsgroep": optie.vergelijkingsgroep,
    }

    antwoord = client.post(f"/beheer/referentie/meldertype/{optie.pk}/change/", gegevens)

    assert antwoord.status_code == 302
    optie.refresh_from_db()
    assert optie.eerste_jaar == eerste_jaar
    assert client.get(f"/beheer/referentie/meldertype/{optie.pk}/delete/").status_code == 403


def test_een_optie_voor_een_volgend_jaar_kan_weg(client, beheerder):
    """A typo the beheerder catches before the year begins: no row can use the option yet."""
    from django.utils import timezone

    volgend_jaar = timezone.localdate().year + 1
    optie = m.MelderType.objects.create(
        code="oud-medewerker", label="Oud-medewerker", eerste_jaar=volgend_jaar
    )
    client.force_login(beheerder)
    antwoord = client.post(f"/beheer/referentie/meldertype/{optie.pk}/delete/", {"post": "yes"})
    assert antwoord.status_code == 302
    assert not m.MelderType.objects.filter(pk=optie.pk).exists()


def test_andere_spellingen_een_per_regel_en_een_jaar_van_vier_cijfers(client, beheerder):
    """'Voer een geldige JSON in' for a plain spelling, and 20250 saved as a year without a word."""
    client.force_login(beheerder)
    gegevens = {
        "code": "oud-medewerker",
        "label": "Oud-medewerker",
        "varianten": "Ex-medewerker\n\n  Oud medewerker \nEx-medewerker",
        "volgorde": "0",
        "eerste_jaar": "20250",
        "laatste_jaar": "",
        "vergelijkingsgroep": "",
    }
    fout = client.post("/beheer/referentie/meldertype/add/", gegevens)
    assert fout.status_code == 200
    assert "Vul een jaar van vier cijfers in, bijvoorbeeld 2027." in fout.content.decode()
    assert "Ex-medewerker" in fout.content.decode(), "wat de beheerder typte, staat er nog"
    assert not m.MelderType.objects.filter(code="oud-medewerker").exists()

    assert (
        client.post("/beheer/referentie/meldertype/add/", {**gegevens, "eerste_jaar": "2027"}).status_code
        == 302
    )
    optie = m.MelderType.objects.get(code="oud-medewerker")
    assert optie.varianten == ["Ex-medewerker", "Oud medewerker"]
    formulier = client.get(f"/beheer/referentie/meldertype/{optie.pk}/change/").content.decode()
    assert "Ex-medewerker\nOud medewerker</textarea>" in formulier and "[&quot;" not in formulier


def test_eindjaar_voor_beginjaar_wordt_geweigerd():
    from django.db import IntegrityError, transaction

    optie = m.MelderType.objects.first()
    optie.laatste_jaar = optie.eerste_jaar - 1
    with pytest.raises(IntegrityError), transaction.atomic():
        optie.save()
