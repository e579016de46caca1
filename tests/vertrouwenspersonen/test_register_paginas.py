"""The register for the functioneel beheerder: the overview on a peildatum, profiles and their history."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from finintegriteit.referentie.models import Onderdeel
from vertrouwenspersonen import services
from vertrouwenspersonen.demodata import register_demo_laden
from vertrouwenspersonen.models import Certificeringsstatus, VertrouwenspersoonProfiel
from vertrouwenspersonen.selectors import register_telling, verlopende_certificeringen

pytestmark = pytest.mark.django_db

URL = reverse("vertrouwenspersonen:register")
Status = Certificeringsstatus.Status


@pytest.fixture
def beheer_client(client, beheerder):
    client.force_login(beheerder)
    return client


def profiel(**anders):
    waarden = {
        "naam": "A. de Vries",
        "onderdeel": Onderdeel.objects.get(code="douane"),
        "in_functie_sinds": datetime.date(2020, 1, 1),
        "status": Status.BEZIG,
        "status_vanaf": datetime.date(2020, 1, 1),
    } | anders
    return services.vertrouwenspersoon_registreren(**waarden)


def test_overzicht_op_de_peildatum_van_het_jaarverslag(beheer_client, django_assert_max_num_queries):
    register_demo_laden()
    with django_assert_max_num_queries(10):
        antwoord = beheer_client.get(URL, {"peildatum": "2025-02-25"})
    telling = antwoord.context["telling"]
    assert telling["totaal"] == 76
    assert list(telling["per_status"].values()) == [54, 16, 4, 2]
    pagina = antwoord.content.decode()
    assert "25-02-2025" in pagina
    assert len(antwoord.context["verlopend"]) == 4


def test_ongeldige_peildatum_valt_terug_op_vandaag(beheer_client):
    antwoord = beheer_client.get(URL, {"peildatum": "31-02-2025"})
    assert antwoord.status_code == 200
    assert antwoord.context["peildatum"] == timezone.localdate()


def test_nieuwe_vertrouwenspersoon_toevoegen(beheer_client, vertrouwenspersoon):
    antwoord = beheer_client.post(
        reverse("vertrouwenspersonen:register_nieuw"),
        {
            "naam": "B. Jansen",
            "gebruiker": vertrouwenspersoon.pk,
            "onderdeel": Onderdeel.objects.get(code="toeslagen").pk,
            "in_functie_sinds": "2024-03-01",
            "status": Status.BASISOPLEIDING,
            "status_vanaf": "2024-03-01",
        },
    )
    nieuw = VertrouwenspersoonProfiel.objects.get(naam="B. Jansen")
    assert antwoord["Location"] == reverse("vertrouwenspersonen:register_profiel", args=[nieuw.pk])
    assert nieuw.gebruiker == vertrouwenspersoon
    assert (
        register_telling(peildatum=datetime.date(2024, 6, 1))["per_status"]["Gestart met de basisopleiding"]
        == 1
    )
    assert register_telling(peildatum=datetime.date(2024, 2, 1))["totaal"] == 0


def test_eerste_status_na_de_start_wordt_geweigerd(beheer_client):
    antwoord = beheer_client.post(
        reverse("vertrouwenspersonen:register_nieuw"),
        {
            "naam": "C",
            "onderdeel": Onderdeel.objects.get(code="douane").pk,
            "in_functie_sinds": "2024-03-01",
            "status": Status.BEZIG,
            "status_vanaf": "2024-06-01",
        },
    )
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["status_vanaf"] == [
        services.EERSTE_STATUS_TE_LAAT.format(datum="01-03-2024")
    ]
    assert not VertrouwenspersoonProfiel.objects.exists()


@pytest.mark.parametrize(
    ("anders", "veld", "melding"),
    [
        ({"uit_functie_per": "2019-01-01"}, "uit_functie_per", services.UIT_FUNCTIE_VOOR_IN_FUNCTIE),
        (
            {"coordinerend_sinds": "2024-05-01"},
            "coordinerend_sinds",
            services.COORDINEREND_SINDS_ZONDER_COORDINEREND,
        ),
    ],
)
def test_profielregels_met_de_melding_bij_het_veld(beheer_client, anders, veld, melding):
    p = profiel()
    gegevens = {"naam": p.naam, "onderdeel": p.onderdeel_id, "in_functie_sinds": "2020-01-01", **anders}
    antwoord = beheer_client.post(reverse("vertrouwenspersonen:register_profiel", args=[p.pk]), gegevens)
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors[veld] == [melding]


def test_account_zonder_rol_vertrouwenspersoon_kan_niet_gekoppeld_worden(analist):
    with pytest.raises(services.ValidationError) as fout:
        profiel(gebruiker=analist)
    assert fout.value.message_dict == {"gebruiker": [services.GEEN_VERTROUWENSPERSOON]}


def test_uit_functie_telt_op_latere_peildata_niet_meer_mee(beheer_client):
    p = profiel()
    beheer_client.post(
        reverse("vertrouwenspersonen:register_profiel", args=[p.pk]),
        {
            "naam": p.naam,
            "onderdeel": p.onderdeel_id,
            "in_functie_sinds": "2020-01-01",
            "uit_functie_per": "2025-07-01",
            "versie": p.versie,
        },
    )
    assert register_telling(peildatum=datetime.date(2025, 6, 30))["totaal"] == 1
    assert register_telling(peildatum=datetime.date(2025, 7, 1))["totaal"] == 0


def test_hercertificering_is_een_nieuwe_status_en_verlengt_de_geldigheid(beheer_client):
    p = profiel()
    url = reverse("vertrouwenspersonen:register_status_toevoegen", args=[p.pk])
    beheer_client.post(url, {"status": Status.LVV_REGISTER, "vanaf": "2021-03-01"})
    assert [pr.pk for pr, _ in verlopende_certificeringen(peildatum=datetime.date(2025, 1, 15))] == [p.pk]
    beheer_client.post(url, {"status": Status.LVV_REGISTER, "vanaf": "2025-02-01"})
    assert verlopende_certificeringen(peildatum=datetime.date(2025, 2, 15)) == []
    # On an earlier peildatum the old certification was still the one in force.
    assert verlopende_certificeringen(peildatum=datetime.date(2025, 1, 15))[0][1] == datetime.date(2025, 3, 1)


def test_de_lijst_toont_alleen_certificeringen_die_binnen_drie_maanden_verlopen(beheer_client):
    def lvv(naam, vanaf):
        return profiel(naam=naam, status=Status.LVV_REGISTER, in_functie_sinds=vanaf, status_vanaf=vanaf)

    verlopen = lvv("Verlopen", datetime.date(2020, 1, 1))  # expired 01-01-2024
    vandaag = lvv("Vandaag", datetime.date(2020, 6, 1))
    binnenkort = lvv("Binnenkort", datetime.date(2020, 7, 15))
    lvv("Later", datetime.date(2020, 9, 2))
    profiel(naam="Nooit", status=Status.BEZIG)
    verlopend = beheer_client.get(URL, {"peildatum": "2024-06-01"}).context["verlopend"]
    assert verlopend == [(vandaag, datetime.date(2024, 6, 1)), (binnenkort, datetime.date(2024, 7, 15))]
    assert verlopen not in [p for p, _ in verlopend]


def test_een_verlopen_certificering_telt_na_de_vervaldatum_niet_meer_als_lvv(beheer_client):
    p = profiel(naam="Verlopen", status=Status.LVV_REGISTER)  # certified 01-01-2020, expires 01-01-2024
    lvv = Status.LVV_REGISTER.label
    op_de_dag = register_telling(peildatum=datetime.date(2024, 1, 1))
    assert op_de_dag["per_status"][lvv] == 1 and op_de_dag["verlopen"] == 0
    daarna = register_telling(peildatum=datetime.date(2024, 1, 2))
    assert daarna["per_status"][lvv] == 0 and daarna["verlopen"] == 1 and daarna["totaal"] == 1
    pagina = beheer_client.get(URL, {"peildatum": "2024-06-01"})
    [rij] = [q for q in pagina.context["profielen"] if q.pk == p.pk]
    assert rij.status_label == "Certificering verlopen"
    html = pagina.content.decode()
    lijst = html[html.index("Alle vertrouwenspersonen") :]
    assert "Certificering verlopen" in lijst and lvv not in lijst


def test_status_verwijderen_vraagt_eerst_bevestiging_ook_zonder_javascript(beheer_client):
    p = profiel()
    services.certificeringsstatus_vastleggen(
        profiel=p, status=Status.LVV_REGISTER, vanaf=datetime.date(2022, 1, 1)
    )
    tweede = p.statussen.order_by("-vanaf").first()
    url = reverse("vertrouwenspersonen:register_status_verwijderen", args=[p.pk, tweede.pk])
    # The profile page links to a confirmation page; it has no form that deletes in one click.
    profielpagina = beheer_client.get(reverse("vertrouwenspersonen:register_profiel", args=[p.pk]))
    assert f'href="{url}"' in profielpagina.content.decode()
    assert f'action="{url}"' not in profielpagina.content.decode()
    bevestiging = beheer_client.get(url)
    assert bevestiging.status_code == 200
    assert "Ja, verwijderen" in bevestiging.content.decode() and "01-01-2022" in bevestiging.content.decode()
    assert p.statussen.count() == 2, "alleen de vraag verwijdert niets"
    beheer_client.post(url)
    assert p.statussen.count() == 1


def test_twee_statussen_op_dezelfde_dag_worden_geweigerd(beheer_client):
    p = profiel()
    antwoord = beheer_client.post(
        reverse("vertrouwenspersonen:register_status_toevoegen", args=[p.pk]),
        {"status": Status.LVV_REGISTER, "vanaf": "2020-01-01"},
    )
    assert antwoord.context["statusform"].errors["vanaf"] == [
        services.STATUS_DATUM_BEZET.format(datum="01-01-2020")
    ]


def test_status_verwijderen_maar_nooit_de_laatste(beheer_client):
    p = profiel()
    services.certificeringsstatus_vastleggen(
        profiel=p, status=Status.LVV_REGISTER, vanaf=datetime.date(2022, 1, 1)
    )
    eerste, tweede = p.statussen.order_by("vanaf")
    url = reverse("vertrouwenspersonen:register_status_verwijderen", args=[p.pk, tweede.pk])
    beheer_client.post(url)
    assert list(p.statussen.all()) == [eerste]
    antwoord = beheer_client.post(
        reverse("vertrouwenspersonen:register_status_verwijderen", args=[p.pk, eerste.pk]), follow=True
    )
    assert services.LAATSTE_STATUS in antwoord.content.decode()
    assert p.statussen.count() == 1


def test_statussen_van_een_ander_profiel_zijn_niet_te_verwijderen(beheer_client):
    a, b = profiel(), profiel(naam="B")
    services.certificeringsstatus_vastleggen(
        profiel=b, status=Status.LVV_REGISTER, vanaf=datetime.date(2022, 1, 1)
    )
    status_b = b.statussen.order_by("-vanaf").first()
    antwoord = beheer_client.post(
        reverse("vertrouwenspersonen:register_status_verwijderen", args=[a.pk, status_b.pk])
    )
    assert antwoord.status_code == 404
    assert b.statussen.count() == 2


def test_twee_beheerders_wijzigen_hetzelfde_profiel_de_tweede_krijgt_de_conflictmelding(
    beheer_client, client, maak_gebruiker
):
    import html

    from django.test import Client

    from finintegriteit.kern import rollen as r
    from finintegriteit.kern.vergrendeling import VERSIE_CONFLICT

    p = profiel()
    url = reverse("vertrouwenspersonen:register_profiel", args=[p.pk])
    tweede_beheerder = Client()
    tweede_beheerder.force_login(maak_gebruiker("beheerder-2", r.BEHEERDER))

    def ingevuld(antwoord, **anders):
        form = antwoord.context["form"]
        gegevens = {naam: form[naam].value() for naam in form.fields}
        return {k: ("" if v is None else v) for k, v in gegevens.items()} | anders

    pagina_1, pagina_2 = beheer_client.get(url), tweede_beheerder.get(url)
    assert beheer_client.post(url, ingevuld(pagina_1, naam="A. de Vries-Bakker")).status_code == 302
    antwoord = tweede_beheerder.post(url, ingevuld(pagina_2, coordinerend="on"))
    assert antwoord.status_code == 200
    assert VERSIE_CONFLICT in html.unescape(antwoord.content.decode())
    p.refresh_from_db()
    assert p.naam == "A. de Vries-Bakker" and not p.coordinerend
